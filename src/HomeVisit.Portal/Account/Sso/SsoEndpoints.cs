using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HomeVisit.Portal.Account.Sso;

public static class SsoEndpoints
{
    /// <summary>
    /// <c>GET /account/sso?returnUrl=</c>: sends the browser to the campus provider (404 when SSO is not configured).
    /// The provider comes back to the callback path (<c>/signin-oidc</c>), which the handler answers.
    /// </summary>
    public static IEndpointRouteBuilder MapSsoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/sso", async (HttpContext http, [FromQuery] string? returnUrl, IOptions<SsoOptions> sso,
            IOptionsMonitor<OidcOptions> oidc, SsoAccountService accounts, SsoProblemCodec problems) =>
        {
            if (!sso.Value.Enabled) return Results.NotFound();
            try
            {
                // Discovery first, so an unreachable provider gets the problem page rather than an error.
                await oidc.Get(OidcOptions.Scheme).ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await accounts.RecordFailureAsync(SsoProblemTexts.AuditReason(SsoReasons.Unavailable), e.Message);
                return Results.Redirect(problems.Url(new SsoProblem(SsoReasons.Unavailable)));
            }
            var properties = new AuthenticationProperties { RedirectUri = AccountEndpoints.IsLocal(returnUrl) ? returnUrl : "/" };
            return Results.Challenge(properties, [OidcOptions.Scheme]);
        }).AllowAnonymous();
        return app;
    }
}

public static class SsoSignOut
{
    /// <summary>
    /// Where to send the browser after the portal session ended: the provider's end_session_endpoint with the
    /// id_token as hint and the portal's sign-in page as post_logout_redirect_uri, when the session came from SSO
    /// and the provider supports RP-initiated logout; otherwise null (stay in the portal).
    /// </summary>
    public static async Task<string?> EndSessionUrlAsync(HttpContext http, string? idToken)
    {
        var sso = http.RequestServices.GetRequiredService<IOptions<SsoOptions>>().Value;
        if (!sso.Enabled || string.IsNullOrEmpty(idToken)) return null;
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OidcOptions>>().Get(OidcOptions.Scheme);
        string? endSession;
        try
        {
            endSession = (await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted)).EndSessionEndpoint;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // the portal session is over either way
        }
        if (string.IsNullOrEmpty(endSession)) return null;
        var back = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{sso.PostLogoutRedirectPath}";
        return QueryHelpers.AddQueryString(endSession, new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = back,
            ["client_id"] = sso.ClientId,
        });
    }
}
