using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Account.Sso;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using HomeVisit.Core.Access;
using HomeVisit.Portal.Security;

namespace HomeVisit.Portal.Account;

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Local accounts with cookie sign-in, and campus SSO (OpenID Connect) when <c>Authentication:Oidc</c> is set.
    /// Every endpoint needs a signed-in user unless it says [AllowAnonymous] (only the sign-in page, the SSO
    /// start and problem pages, the language switch and /healthz do).
    /// </summary>
    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var idle = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>()?.IdleTimeout
                   ?? new AccountOptions().IdleTimeout;
        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "hv.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = idle;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                o.Events.OnSigningIn = StartSessionAsync;
                o.Events.OnSigningOut = EndSessionAsync;
            })
            .AddPortalSso(builder.Configuration);
        // The named policies and the fallback (a signed-in user everywhere else) are the core's (PortalPolicies); a page
        // or endpoint of a programme the user may not use answers 404 like an unknown address.
        builder.Services.AddAuthorization();
        builder.Services.AddPortalAuthorization();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, PortalAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>
    /// Every request: a disabled or locked account, one whose password or roles changed (security stamp), or a session
    /// ended on the server (signed out, idle) is refused and the cookie removed. A cookie naming no server-side session
    /// (written before sessions were kept) is refused too.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        if (!await accounts.IsSessionValidAsync(context.Principal, context.HttpContext.RequestAborted, requireSession: true))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Every cookie sign-in, whichever way (password, campus SSO, password change), opens a server-side session.</summary>
    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal is null) return;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        // The cookie this browser had until now is overwritten; its session ends too, so no copy of it outlives it.
        await accounts.EndSessionAsync(context.HttpContext.User, "replaced", context.HttpContext.RequestAborted);
        context.Principal = await accounts.StartSessionAsync(context.Principal, context.HttpContext.RequestAborted);
    }

    /// <summary>Signing out ends this browser's session on the server, so a copy of the cookie is refused afterwards.</summary>
    private static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        await accounts.EndSessionAsync(context.HttpContext.User, "sign-out", context.HttpContext.RequestAborted);
    }
}
