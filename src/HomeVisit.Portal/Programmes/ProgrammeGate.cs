using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Portal.Programmes;

// Obsolete, being replaced (issue 15 item 4, decision 0015): pages and endpoints that carry the Programme:{key} policy
// are answered by the policy and skipped here. The gate stays only for the programmes whose pages do not carry it yet
// (廉政家访, 清廉家访, 联系师生, 受处分人员回访关爱 until their moves into module projects); delete it, its
// UseMiddleware line and this comment once every module page and endpoint carries the policy (docs/architecture.md,
// "Authorisation").
/// <summary>
/// Every URL under /programmes/{key} and /api/{key}, page or endpoint, passes here. For a signed-in user it answers
/// 404 when the key names no programme, names one the user may not see at all (a secret programme,
/// <see cref="IProgrammeModule.AccessRoles"/>) or one the institution has switched off. The three answer alike (the
/// status code pages re-execute the one not-found page; /api/ gets the same problem body), so a URL never tells
/// whether a hidden programme exists.
/// </summary>
/// <remarks>
/// Routing matches paths case-insensitively, so the gate does too: <c>/Programmes/SECRETKEY/ledger.xlsx</c> must not
/// slip past it. The pages check again inside the live circuit, where navigation does not pass through middleware.
/// </remarks>
public sealed class ProgrammeGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ProgrammeCatalog catalog, ProgrammeRulesService rules)
    {
        if (ProgrammeSegment(context.Request.Path) is { } segment && PortalUser.FromPrincipal(context.User) is { } user &&
            !CarriesProgrammePolicy(context.GetEndpoint()))
        {
            var module = catalog.All.FirstOrDefault(m => string.Equals(m.Key, segment, StringComparison.OrdinalIgnoreCase));
            if (module is null || !ProgrammeCatalog.MayUse(user, module) ||
                !await rules.IsEnabledAsync(user.InstitutionId, module.Key, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        await next(context);
    }

    /// <summary>Whether the endpoint is already guarded by a <c>Programme:{key}</c> policy (the authorisation middleware ran).</summary>
    public static bool CarriesProgrammePolicy(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(a => a.Policy?.StartsWith(PortalPolicies.ProgrammePrefix, StringComparison.Ordinal) == true) == true;

    /// <summary>The {key} of /programmes/{key}/… or /api/{key}/…, in whatever case it was written; null elsewhere.</summary>
    public static string? ProgrammeSegment(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments.Length >= 2 &&
               (segments[0].Equals("programmes", StringComparison.OrdinalIgnoreCase) || segments[0].Equals("api", StringComparison.OrdinalIgnoreCase))
            ? segments[1]
            : null;
    }
}
