using HomeVisit.Core.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HomeVisit.Portal.Security;

/// <summary>
/// A signed-in user refused by <c>Programme:{key}</c> gets a bare 404, whatever else the endpoint requires: the status
/// code pages re-execute the one not-found page (the same page, status and title as an unknown address), and under
/// /api/ <see cref="ApiResponses"/> writes the same problem body as for an unknown resource. So a URL never tells
/// whether a hidden or switched-off programme exists. Every other refusal is the framework's (sign-in, or 403).
/// </summary>
public sealed class PortalAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure &&
            (failure.FailedRequirements.OfType<ProgrammeRequirement>().Any() ||
             failure.FailureReasons.Any(r => r.Handler is ProgrammeRequirementHandler)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
