using System.Security.Claims;

namespace HomeVisit.Core.Accounts;

/// <summary>
/// The signed-in user as services see it. Every service method that reads or changes data takes one,
/// so authorisation is checked on the server, per record, whichever page or endpoint calls it.
/// </summary>
public sealed record PortalUser(
    int UserId,
    string UserName,
    string DisplayName,
    int InstitutionId,
    int? PersonId,
    IReadOnlySet<string> Roles)
{
    public const string InstitutionClaim = "hv:institution";
    public const string PersonClaim = "hv:person";
    public const string SecurityStampClaim = "hv:stamp";
    /// <summary>The server-side session (<see cref="UserSession"/>) a cookie belongs to.</summary>
    public const string SessionClaim = "hv:sid";

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>Sees every visit and follow-up of the institution, not only their own.</summary>
    public bool OverseesInstitution => IsAnyRole(Accounts.Roles.Oversight);

    /// <summary>May change people, families and the organisation tree.</summary>
    public bool ManagesRoster => IsAnyRole([Accounts.Roles.SystemAdmin, Accounts.Roles.ProgrammeAdmin, Accounts.Roles.OrganisationDept]);

    /// <summary>
    /// May plan and record visits (their own), and pick people for them. The office assigns leaders' linked individuals
    /// (seed 4 三、2); a role a programme module adds (IProgrammeModule.AddedRoles, any role the core does not know) is held
    /// by people who work in that programme. Which programme a user may actually visit in is still decided by its rules.
    /// </summary>
    public bool CanVisit => IsAnyRole([Accounts.Roles.Leader, Accounts.Roles.Liaison, Accounts.Roles.Office]) || OverseesInstitution ||
                            Roles.Any(r => !Accounts.Roles.All.Contains(r));

    /// <summary>May browse the people directory; plain staff see only themselves.</summary>
    public bool CanBrowsePeople => CanVisit;

    public static PortalUser? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        if (!int.TryParse(principal.FindFirstValue(InstitutionClaim), out var institutionId)) return null;
        int? personId = int.TryParse(principal.FindFirstValue(PersonClaim), out var p) ? p : null;
        return new PortalUser(
            userId,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.FindFirstValue(ClaimTypes.GivenName) ?? principal.FindFirstValue(ClaimTypes.Name) ?? "",
            institutionId,
            personId,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    public static PortalUser From(UserAccount account) => new(
        account.Id, account.UserName, account.DisplayName, account.InstitutionId, account.PersonId,
        account.Roles.ToHashSet(StringComparer.Ordinal));
}
