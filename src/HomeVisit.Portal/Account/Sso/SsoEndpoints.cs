using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HomeVisit.Portal.Account.Sso;

public static class SsoEndpoints
{
    /// <summary>
    /// <c>GET /account/sso?returnUrl=</c> (generic provider) and <c>GET /account/entra?returnUrl=</c> (Entra ID) send
    /// the browser to the provider (404 when that scheme is not configured); the provider comes back to the scheme's
    /// callback path, which the handler answers. <c>POST /signout-oidc/backchannel</c> takes the provider's logout_token.
    /// </summary>
    public static IEndpointRouteBuilder MapSsoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/sso", (HttpContext http, [FromQuery] string? returnUrl, IOptions<SsoOptions> sso) =>
            sso.Value.Enabled ? ChallengeAsync(http, SsoSchemes.Oidc, returnUrl) : Task.FromResult(Results.NotFound())).AllowAnonymous();
        app.MapGet("/account/entra", (HttpContext http, [FromQuery] string? returnUrl, IOptions<EntraOptions> entra) =>
            entra.Value.Enabled ? ChallengeAsync(http, SsoSchemes.Entra, returnUrl) : Task.FromResult(Results.NotFound())).AllowAnonymous();

        // The provider calls this server to server: no cookie, no antiforgery token; the logout_token's signature is the proof.
        app.MapPost(SsoSchemes.OidcBackChannelLogoutPath, (HttpContext http, BackChannelLogout logout) => logout.HandleAsync(http))
            .AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ChallengeAsync(HttpContext http, string scheme, string? returnUrl)
    {
        var services = http.RequestServices;
        try
        {
            // Discovery (and, where offered, the pushed authorization request) happen now, so an unreachable or
            // refusing provider gets the problem page rather than an error page.
            var properties = new AuthenticationProperties { RedirectUri = AccountEndpoints.IsLocal(returnUrl) ? returnUrl : "/" };
            await http.ChallengeAsync(scheme, properties);
            return Results.Empty;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e is HttpRequestException || e.InnerException is HttpRequestException || e is InvalidOperationException
                ? SsoReasons.Unavailable : SsoReasons.ProviderError;
            await services.GetRequiredService<SsoAccountService>().RecordFailureAsync(SsoProblemTexts.AuditReason(reason), e.Message);
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SsoEndpoints).FullName!)
                .LogWarning(e, "Campus sign-in could not start: {Reason}", reason);
            http.Response.Clear();
            return Results.Redirect(services.GetRequiredService<SsoProblemCodec>().Url(new SsoProblem(reason)));
        }
    }
}

public static class SsoSignOut
{
    /// <summary>
    /// Where to send the browser after the portal session ended: the provider's end_session_endpoint with the
    /// id_token as hint and the portal's sign-in page as post_logout_redirect_uri, when the session came from SSO
    /// and the provider supports RP-initiated logout; otherwise null (stay in the portal).
    /// </summary>
    public static async Task<string?> EndSessionUrlAsync(HttpContext http, AuthenticationProperties? session)
    {
        var idToken = session?.GetTokenValue(SsoSchemes.IdTokenName);
        if (string.IsNullOrEmpty(idToken)) return null;
        var scheme = session!.Items.TryGetValue(SsoSchemes.SchemeItem, out var s) && s is not null ? s : SsoSchemes.Oidc;
        var services = http.RequestServices;
        if (await services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(scheme) is null) return null;
        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(scheme);
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
        var sso = services.GetRequiredService<IOptions<SsoOptions>>().Value;
        var back = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{sso.PostLogoutRedirectPath}";
        return QueryHelpers.AddQueryString(endSession, new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = back,
            ["client_id"] = options.ClientId,
        });
    }
}
