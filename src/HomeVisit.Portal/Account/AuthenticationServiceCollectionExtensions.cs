using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Account.Sso;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

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
            })
            .AddPortalSso(builder.Configuration);
        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    /// <summary>A disabled or locked account, or one whose password or roles changed, is signed out at its next request.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        if (!await accounts.IsSessionValidAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
