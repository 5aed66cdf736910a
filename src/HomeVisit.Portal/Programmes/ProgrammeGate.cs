using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Portal.Programmes;

/// <summary>
/// A programme the institution has switched off answers 404 on every path under /programmes/{key} and
/// /api/{key}, so its pages and data entry are unreachable by URL as well as hidden from the menu.
/// The pages check again inside the live circuit, where navigation does not pass through middleware.
/// </summary>
public sealed class ProgrammeGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ProgrammeCatalog catalog, ProgrammeRulesService rules)
    {
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        // A programme the user may not see at all (受处分人员回访关爱 for all but the discipline and case management
        // offices) answers 404 too, so its existence is not revealed.
        if (segments.Length >= 2 && segments[0] is "programmes" or "api" && catalog.Exists(segments[1]) &&
            PortalUser.FromPrincipal(context.User) is { } user &&
            (!catalog.MayUse(user, segments[1]) || !await rules.IsEnabledAsync(user.InstitutionId, segments[1], context.RequestAborted)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    }
}
