using HomeVisit.Core.Data;
using HomeVisit.Core.People;

namespace HomeVisit.Core.Accounts;

/// <summary>
/// The core's portal roles; programme modules add theirs (IProgrammeModule.AddedRoles; all of them: AccountRoles).
/// Stored by name so institutions can read them in the database.
/// </summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string ProgrammeAdmin = "ProgrammeAdmin";
    public const string Leader = "Leader";
    public const string Liaison = "Liaison";
    public const string DisciplineOffice = "DisciplineOffice";
    public const string OrganisationDept = "OrganisationDept";
    public const string Staff = "Staff";
    /// <summary>办公室: assigns school leaders' linked individuals and collects their semester summaries (seed 4 三、2; 四、5).</summary>
    public const string Office = "Office";
    /// <summary>党委（党委办公室）: receives the important leads a visit turns up (seed 1 §8(二)), with the discipline office.</summary>
    public const string PartyCommittee = "PartyCommittee";
    /// <summary>
    /// 纪委主要负责人: the head of the discipline committee, above the discipline office; a programme may make it the
    /// approver of its visit plans (ProgrammeRules.ApproverRole), so that an ordinary 纪检监察 account cannot approve.
    /// </summary>
    public const string DisciplineHead = "DisciplineHead";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, ProgrammeAdmin, Leader, Liaison, DisciplineOffice, OrganisationDept, Staff, Office, PartyCommittee, DisciplineHead];

    /// <summary>Roles that oversee the whole institution's visits rather than their own.</summary>
    public static readonly IReadOnlyList<string> Oversight =
        [SystemAdmin, ProgrammeAdmin, DisciplineOffice, OrganisationDept];
}

public class UserAccount : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string UserName
    {
        get;
        set
        {
            field = value;
            NormalizedUserName = NormalizeUserName(value);
        }
    }

    /// <summary>
    /// The user name as compared: trimmed, Unicode-normalised, upper-case (Identity's UpperInvariantLookupNormalizer),
    /// unique across the database, so <c>Admin</c> cannot sit beside <c>admin</c> and sign-in takes any case. Set with
    /// <see cref="UserName"/>, so no caller can forget it.
    /// </summary>
    public string NormalizedUserName { get; private set; } = "";
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool IsDisabled { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTime? LockoutEnd { get; set; }
    /// <summary>Changes when the password or roles change, so open sessions are signed out.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTime? LastSignInAt { get; set; }
    public string PreferredCulture { get; set; } = "zh-CN";
    /// <summary>The OpenID provider (issuer) and subject this account is linked to after its first campus sign-in.</summary>
    public string? ExternalIssuer { get; set; }
    public string? ExternalSubject { get; set; }
    /// <summary>The roles the campus sign-in granted (from the role mapping), so they can be withdrawn when the groups change.</summary>
    public List<string>? SsoRoles { get; set; }
    /// <summary>For reminder emails, when SMTP is configured.</summary>
    public string? Email { get; set; }
    public long Version { get; set; }

    public static string NormalizeUserName(string? userName) =>
        (userName ?? "").Trim().Normalize().ToUpperInvariant();
}
