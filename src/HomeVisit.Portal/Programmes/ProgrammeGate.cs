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
        if (segments.Length >= 2 && segments[0] is "programmes" or "api" && catalog.Exists(segments[1]) &&
            PortalUser.FromPrincipal(context.User) is { } user &&
            !await rules.IsEnabledAsync(user.InstitutionId, segments[1], context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    }
}
