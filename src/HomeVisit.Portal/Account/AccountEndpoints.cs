using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Account.Sso;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HomeVisit.Portal.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token, so another site cannot sign a user out. UseAntiforgery does
        // not check minimal-API endpoints that bind no form values, so the endpoint checks the token itself.
        // A session that came from campus SSO also ends at the provider where it supports that.
        app.MapPost("/account/logout", async (HttpContext http, AccountService accounts, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var session = (await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme)).Properties;
            var idToken = session?.GetTokenValue(SsoSchemes.IdTokenName);
            if (PortalUser.FromPrincipal(http.User) is { } user) await accounts.RecordSignOutAsync(user, idToken is null ? null : "统一身份认证会话");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return await SsoSignOut.EndSessionUrlAsync(http, session) is { } endSession
                ? Results.Redirect(endSession)
                : Results.LocalRedirect("/account/login");
        });

        app.MapSsoEndpoints();

        // Called by the page while the user is active, so the sliding cookie does not expire under a live circuit.
        app.MapGet("/account/keepalive", () => Results.NoContent());

        app.MapGet("/culture", (HttpContext http, [FromQuery] string? c, [FromQuery] string? redirectUri) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "/");
        }).AllowAnonymous();

        return app;
    }

    /// <summary>
    /// A path on this site. Control characters and white space are refused anywhere: browsers drop a tab or newline
    /// inside a URL, so "/\t/evil.example" would become the protocol-relative "//evil.example".
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
