using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HomeVisit.Core.Access;

/// <summary>
/// <c>Programme:{key}</c>: the key names a registered module, the user's institution has it switched on and the user
/// may use it. <see cref="Key"/> is null for <see cref="PortalPolicies.ProgrammeInRoute"/>: the key then comes from the
/// route of the page or endpoint being authorised.
/// </summary>
public sealed record ProgrammeRequirement(string? Key) : IAuthorizationRequirement;

/// <summary>
/// Decides <see cref="ProgrammeRequirement"/> from the module registry, the institution's switched-off programmes (the
/// rules service's cache, so this costs no query on most requests) and the module's access roles. The same decision
/// for a page request (resource: the <see cref="HttpContext"/>), a page inside a live circuit (resource: the router's
/// <see cref="Microsoft.AspNetCore.Components.RouteData"/>) and a service call (<see cref="ProgrammeAccess"/>).
/// </summary>
public sealed class ProgrammeRequirementHandler(ProgrammeCatalog catalog, ProgrammeRulesService rules)
    : AuthorizationHandler<ProgrammeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProgrammeRequirement requirement)
    {
        // Keys are compared exactly: a key in other letters (upper case) is an unknown programme to everyone, like /programmes/nosuch.
        var key = requirement.Key ?? RouteKeyOf(context.Resource);
        // A refusal leaves the requirement pending rather than calling Fail, so it shows among the failed requirements
        // and the host can answer it as "not found" rather than "forbidden".
        if (PortalUser.FromPrincipal(context.User) is not { } user || catalog.Find(key) is not { } module ||
            !ProgrammeCatalog.MayUse(user, module)) return;
        var aborted = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;
        if (await rules.IsEnabledAsync(user.InstitutionId, module.Key, aborted)) context.Succeed(requirement);
    }

    private static string? RouteKeyOf(object? resource) => resource switch
    {
        HttpContext http => http.GetRouteValue(PortalPolicies.RouteKey) as string,
        Microsoft.AspNetCore.Components.RouteData route =>
            route.RouteValues.FirstOrDefault(v => string.Equals(v.Key, PortalPolicies.RouteKey, StringComparison.OrdinalIgnoreCase)).Value as string,
        string key => key,
        _ => null,
    };
}
