using System.Security.Claims;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Authorization;

namespace HomeVisit.Core.Access;

/// <summary>
/// <c>Programme:{key}</c> for services. A page's policy is checked when it is opened; an action inside a live circuit
/// (a click minutes later, after an admin switched the programme off) or a component on a core page (a module's
/// visit-page section) reaches the module's services without passing it, so those services ask here, through the
/// same authorisation service and handler.
/// </summary>
public sealed class ProgrammeAccess(IAuthorizationService authorization)
{
    /// <summary>Whether the user may use the programme now (registered, on for their institution, their role allowed).</summary>
    public async Task<bool> AllowsAsync(PortalUser user, string key) =>
        (await authorization.AuthorizeAsync(PrincipalOf(user), key, PortalPolicies.Programme(key))).Succeeded;

    /// <summary>Refuses as for a record that does not exist, so a hidden programme stays hidden.</summary>
    public async Task EnsureAsync(PortalUser user, string key)
    {
        if (!await AllowsAsync(user, key)) throw new NotFoundException("该家访项目不存在或本单位未启用。");
    }

    // Services hold the PortalUser taken from the circuit's or request's principal; the handler reads the same claims back.
    private static ClaimsPrincipal PrincipalOf(PortalUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(PortalUser.InstitutionClaim, user.InstitutionId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Portal", ClaimTypes.Name, ClaimTypes.Role));
    }
}
