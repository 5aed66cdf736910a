using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HomeVisit.Portal.Account.Sso;

public static class SsoServiceCollectionExtensions
{
    /// <summary>
    /// Campus SSO: when <c>Authentication:Oidc</c> names an authority and a client, adds the OpenID Connect scheme
    /// (<see cref="OidcOptions.Scheme"/>) on the shared framework's OAuth handler, signing in to the portal cookie.
    /// </summary>
    public static AuthenticationBuilder AddPortalSso(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        auth.Services.AddSingleton<OidcTokenValidator>();
        auth.Services.AddSingleton<SsoProblemCodec>();
        var sso = configuration.GetSection(SsoOptions.Section).Get<SsoOptions>() ?? new SsoOptions();
        if (!sso.Enabled) return auth;

        auth.AddOAuth<OidcOptions, OidcHandler>(OidcOptions.Scheme, "统一身份认证", o =>
        {
            o.Sso = sso;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.ClientId = sso.ClientId!;
            o.ClientSecret = sso.ClientSecret ?? "";
            o.CallbackPath = sso.CallbackPath;
            o.UsePkce = true;
            o.SaveTokens = false;
            o.Scope.Clear();
            foreach (var scope in sso.ScopeList()) o.Scope.Add(scope);
            // The real endpoints come from discovery at each sign-in; these only satisfy the OAuth options' checks.
            o.AuthorizationEndpoint = o.TokenEndpoint = sso.Authority!;
            // The provider sends the browser back with a top-level GET, which Lax cookies survive; so the correlation
            // cookie need not be SameSite=None (which requires Secure) and also works over plain http on a
            // developer machine or behind a TLS-terminating proxy that is not forwarding the scheme.
            o.CorrelationCookie.Name = "hv.sso.";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnRemoteFailure = SsoEvents.OnRemoteFailureAsync;
        });
        // After the OAuth handler's post-configure, which creates the backchannel.
        auth.Services.AddSingleton<IPostConfigureOptions<OidcOptions>, OidcDiscoveryPostConfigure>();
        return auth;
    }

    /// <summary>The discovery document and keys, read through the handler's backchannel and cached by IdentityModel.</summary>
    private sealed class OidcDiscoveryPostConfigure : IPostConfigureOptions<OidcOptions>
    {
        public void PostConfigure(string? name, OidcOptions options)
        {
            if (options.ConfigurationManager is not null) return;
            options.Backchannel ??= new HttpClient(options.BackchannelHttpHandler ?? new HttpClientHandler()) { Timeout = options.BackchannelTimeout };
            var metadata = string.IsNullOrWhiteSpace(options.Sso.MetadataAddress)
                ? options.Sso.Authority!.TrimEnd('/') + "/.well-known/openid-configuration"
                : options.Sso.MetadataAddress!;
            options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                metadata, new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.Sso.RequireHttpsMetadata });
        }
    }
}

/// <summary>What went wrong with a campus sign-in, carried to the problem page in a protected, short-lived query value.</summary>
public sealed record SsoProblem(string Reason, string? StaffNumber = null, string? Name = null);

public sealed class SsoProblemCodec(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("HomeVisit.Sso.Problem").ToTimeLimitedDataProtector();

    public string Url(SsoProblem problem) =>
        "/account/sso/problem?p=" + Uri.EscapeDataString(
            _protector.Protect(System.Text.Json.JsonSerializer.Serialize(problem), clock.GetUtcNow() + Lifetime));

    /// <summary>The problem, or null when the value was tampered with or is too old.</summary>
    public SsoProblem? Read(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<SsoProblem>(_protector.Unprotect(value, out var expires)) is { } p
                   && expires >= clock.GetUtcNow() ? p : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

internal static class SsoEvents
{
    /// <summary>Every failed campus sign-in ends on the problem page, not an error page; protocol failures are audited here.</summary>
    public static async Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var services = context.HttpContext.RequestServices;
        var problem = Classify(context.Failure);
        if (context.Failure is not SsoRefusedException)
        {
            var detail = context.Failure?.Message;
            if (context.Failure?.Data["error_description"] is string description && description.Length > 0) detail += "；" + description;
            await services.GetRequiredService<SsoAccountService>().RecordFailureAsync(SsoProblemTexts.AuditReason(problem.Reason), detail);
        }
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SsoEvents).FullName!)
            .LogWarning(context.Failure, "Campus sign-in failed: {Reason}", problem.Reason);
        context.Response.Redirect(services.GetRequiredService<SsoProblemCodec>().Url(problem));
        context.HandleResponse();
    }

    public static SsoProblem Classify(Exception? failure) => failure switch
    {
        null => new SsoProblem(SsoReasons.Error),
        SsoRefusedException r => new SsoProblem(SsoProblemTexts.ReasonOf(r.Outcome), r.Identity.StaffNumber, r.Identity.Name),
        SsoProtocolException p => new SsoProblem(p.Reason),
        { Message: "The oauth state was missing or invalid." or "Correlation failed." } => new SsoProblem(SsoReasons.State),
        _ when failure.Data["error"] is "access_denied" => new SsoProblem(SsoReasons.Denied),
        _ when failure.Data["error"] is string { Length: > 0 } => new SsoProblem(SsoReasons.ProviderError),
        { Message: "Code was not found." } => new SsoProblem(SsoReasons.ProviderError),
        HttpRequestException => new SsoProblem(SsoReasons.Unavailable),
        _ => new SsoProblem(SsoReasons.Error),
    };
}
