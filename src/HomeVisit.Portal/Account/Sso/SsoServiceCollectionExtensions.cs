using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Portal.Account.Sso;

/// <summary>The two campus sign-in schemes; both sign in to the portal's one cookie.</summary>
public static class SsoSchemes
{
    /// <summary>Any OpenID provider (Keycloak, CAS, Authing, Entra as a plain provider...): <c>Authentication:Oidc</c>.</summary>
    public const string Oidc = "oidc";

    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web: <c>Authentication:Entra</c>.</summary>
    public const string Entra = "entra";

    /// <summary>Where the provider tells the browser that its session ended (front-channel logout), per scheme.</summary>
    public const string OidcFrontChannelLogoutPath = "/signout-oidc";
    public const string EntraFrontChannelLogoutPath = "/signout-entra";

    /// <summary>Where the provider posts a logout_token (back-channel logout) for the generic scheme.</summary>
    public const string OidcBackChannelLogoutPath = "/signout-oidc/backchannel";

    /// <summary>The ticket item naming the scheme a session came from, so sign-out goes to the right provider.</summary>
    public const string SchemeItem = "hv.sso.scheme";

    public const string IdTokenName = "id_token";
}

public static class SsoServiceCollectionExtensions
{
    /// <summary>
    /// Campus SSO on the framework's OpenID Connect handler: the generic scheme when <c>Authentication:Oidc</c> names an
    /// authority and a client, and Microsoft Entra ID through Identity.Web when <c>Authentication:Entra</c> names a tenant
    /// and a client. Both hand the verified identity to <see cref="SsoAccountService"/> and sign in to the portal cookie.
    /// </summary>
    public static AuthenticationBuilder AddPortalSso(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        auth.Services.AddSingleton<SsoProblemCodec>();
        auth.Services.AddSingleton<BackChannelLogout>();
        auth.Services.AddMemoryCache();
        var sso = configuration.GetSection(SsoOptions.Section).Get<SsoOptions>() ?? new SsoOptions();
        var entra = configuration.GetSection(EntraOptions.Section).Get<EntraOptions>() ?? new EntraOptions();

        if (sso.Enabled)
        {
            // Registered before AddOpenIdConnect on purpose: the handler's own post-configure builds the backchannel
            // from BackchannelHttpHandler only when none is set, so ours must run first to put client authentication
            // in front of whatever handler (tests: an interceptor) is configured.
            auth.Services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>>(
                new ClientAuthenticationPostConfigure(SsoSchemes.Oidc, sso.TokenEndpointAuthMethod));
            auth.AddOpenIdConnect(SsoSchemes.Oidc, "统一身份认证", o =>
            {
                o.Authority = sso.Authority;
                if (!string.IsNullOrWhiteSpace(sso.MetadataAddress)) o.MetadataAddress = sso.MetadataAddress;
                o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
                o.ClientId = sso.ClientId;
                o.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                // A client without a secret cannot authenticate a pushed request at a provider that expects one; the
                // code exchange is then where the provider says no, which the problem page explains.
                o.PushedAuthorizationBehavior = o.ClientSecret is null ? PushedAuthorizationBehavior.Disable : PushedAuthorizationBehavior.UseIfAvailable;
                o.Scope.Clear();
                foreach (var scope in sso.ScopeList()) o.Scope.Add(scope);
                o.CallbackPath = sso.CallbackPath;
                o.RemoteSignOutPath = SsoSchemes.OidcFrontChannelLogoutPath;
                o.GetClaimsFromUserInfoEndpoint = sso.UseUserInfo;
                o.TokenValidationParameters.ClockSkew = sso.ClockSkew;
                Common(o, new SsoClaimNames(sso.StaffNumberClaim, sso.NameClaim, sso.RolesClaim));
            });
        }

        if (entra.Enabled)
        {
            // Its own scheme and cookie-less: Identity.Web rewrites the authority to Entra's v2.0 endpoint and checks the
            // tenant id, which only Entra issues; the portal's cookie (already registered) is shared by passing no
            // cookie scheme here and naming it as the sign-in scheme below.
            auth.AddMicrosoftIdentityWebApp(o =>
            {
                o.Instance = entra.Instance;
                o.TenantId = entra.TenantId;
                o.ClientId = entra.ClientId;
                o.ClientSecret = entra.ClientSecret;
                o.CallbackPath = entra.CallbackPath;
                o.SignedOutCallbackPath = "/signout-callback-entra";
                o.RemoteSignOutPath = SsoSchemes.EntraFrontChannelLogoutPath;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
            }, configureCookieAuthenticationOptions: null, openIdConnectScheme: SsoSchemes.Entra, cookieScheme: null,
                displayName: "Microsoft Entra ID");
            auth.Services.Configure<OpenIdConnectOptions>(SsoSchemes.Entra, o =>
            {
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                // Identity.Web asks for form_post; a cross-site POST would not carry the Lax correlation cookie.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                Common(o, new SsoClaimNames(entra.StaffNumberClaim, entra.NameClaim, entra.RolesClaim));
            });
        }
        return auth;
    }

    /// <summary>What both schemes share: the portal cookie, cookies that survive plain http, and the portal's events.</summary>
    private static void Common(OpenIdConnectOptions o, SsoClaimNames claims)
    {
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        // Only the id_token is kept (for the provider's sign-out), by the events; access and refresh tokens would only
        // make the cookie larger.
        o.SaveTokens = false;
        // No library name and version in every authorization request.
        o.DisableTelemetry = true;
        o.MapInboundClaims = false;
        o.TokenValidationParameters.NameClaimType = "name";
        // The provider sends the browser back with a top-level GET, which Lax cookies survive; so the correlation and
        // nonce cookies need not be SameSite=None (which requires Secure) and also work over plain http on a developer
        // machine or behind a TLS-terminating proxy that is not forwarding the scheme.
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        o.CorrelationCookie.Name = "hv.sso.c.";
        o.NonceCookie.Name = "hv.sso.n.";
        var events = new SsoEvents(claims);
        o.Events.OnMessageReceived = events.OnMessageReceivedAsync;
        o.Events.OnAuthorizationCodeReceived = events.OnAuthorizationCodeReceivedAsync;
        o.Events.OnTokenResponseReceived = events.OnTokenResponseReceivedAsync;
        var identityWebTokenValidated = o.Events.OnTokenValidated;
        o.Events.OnTokenValidated = async context =>
        {
            await identityWebTokenValidated(context);
            await events.OnTokenValidatedAsync(context);
        };
        o.Events.OnUserInformationReceived = events.OnUserInformationReceivedAsync;
        o.Events.OnTicketReceived = events.OnTicketReceivedAsync;
        o.Events.OnRemoteFailure = SsoEvents.OnRemoteFailureAsync;
    }

    /// <summary>
    /// The handler sends client_secret in the form (client_secret_post) to the token and PAR endpoints; providers that
    /// registered the portal with client_secret_basic (the OAuth default, and the portal's) want it in the header.
    /// </summary>
    private sealed class ClientAuthenticationPostConfigure(string scheme, string method) : IPostConfigureOptions<OpenIdConnectOptions>
    {
        public void PostConfigure(string? name, OpenIdConnectOptions options)
        {
            if (name != scheme || options.Backchannel is not null) return;
            var inner = options.BackchannelHttpHandler ?? new HttpClientHandler();
            options.Backchannel = new HttpClient(method == "client_secret_post" ? inner : new ClientSecretBasicHandler { InnerHandler = inner })
            {
                Timeout = options.BackchannelTimeout,
                MaxResponseContentBufferSize = 1024 * 1024 * 10,
            };
            options.Backchannel.DefaultRequestHeaders.UserAgent.ParseAdd("HomeVisit-Portal");
        }
    }

    /// <summary>
    /// Moves client_secret from a form body into an HTTP Basic header with the client_id (RFC 6749 2.3.1); client_id
    /// stays in the form too, which pushed authorization requests need (RFC 9126 2.1).
    /// </summary>
    private sealed class ClientSecretBasicHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.Method == HttpMethod.Post && request.Content is FormUrlEncodedContent content)
            {
                var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await content.ReadAsStringAsync(ct));
                if (form.TryGetValue("client_secret", out var secret) && form.TryGetValue("client_id", out var id))
                {
                    // Both parts form-encoded before Base64, as the RFC says (a secret may hold ':' or non-ASCII).
                    var credentials = $"{Uri.EscapeDataString(id.ToString())}:{Uri.EscapeDataString(secret.ToString())}";
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
                    form.Remove("client_secret");
                    request.Content = new FormUrlEncodedContent(form.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.ToString())));
                }
            }
            return await base.SendAsync(request, ct);
        }
    }
}

/// <summary>Which claims carry the staff number, the name and the groups, for one scheme.</summary>
public sealed record SsoClaimNames(string StaffNumber, string Name, string Roles);

/// <summary>What went wrong with a campus sign-in, carried to the problem page in a protected, short-lived query value.</summary>
public sealed record SsoProblem(string Reason, string? StaffNumber = null, string? Name = null);

public sealed class SsoProblemCodec(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("HomeVisit.Sso.Problem").ToTimeLimitedDataProtector();

    public string Url(SsoProblem problem) =>
        "/account/sso/problem?p=" + Uri.EscapeDataString(
            _protector.Protect(JsonSerializer.Serialize(problem), clock.GetUtcNow() + Lifetime));

    /// <summary>The problem, or null when the value was tampered with or is too old.</summary>
    public SsoProblem? Read(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<SsoProblem>(_protector.Unprotect(value, out var expires)) is { } p
                   && expires >= clock.GetUtcNow() ? p : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// The portal's part of the handler's callback: it checks what the handler leaves to the application (RFC 9207 iss,
/// an unsigned id_token), gathers the id_token's and userinfo's claims as JSON (groups may be arrays or nested
/// objects), and at the end swaps the provider's principal for the portal account's, as a password sign-in makes it.
/// </summary>
internal sealed class SsoEvents(SsoClaimNames names)
{
    private const string ClaimsItem = "hv.sso.claims";
    private const string StageItem = "hv.sso.stage";
    private const string IdTokenItem = "hv.sso.id_token";

    public async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        // RFC 9207: a provider that names itself in the response must be the one the user was sent to, or a mix-up
        // attack may have swapped providers. The handler leaves this check to the application.
        var iss = context.ProtocolMessage.Iss;
        if (string.IsNullOrEmpty(iss) || context.Options.ConfigurationManager is null) return;
        var configuration = await context.Options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        if (iss != configuration.Issuer)
            context.Fail(new SsoProtocolException(SsoReasons.IssuerMismatch, $"The authorization response came from issuer {iss}, not {configuration.Issuer}."));
    }

    public Task OnAuthorizationCodeReceivedAsync(AuthorizationCodeReceivedContext context)
    {
        // From here until the answer arrives, a protocol error is the token endpoint's refusal.
        context.HttpContext.Items[StageItem] = SsoReasons.TokenEndpoint;
        return Task.CompletedTask;
    }

    public Task OnTokenResponseReceivedAsync(TokenResponseReceivedContext context)
    {
        context.HttpContext.Items.Remove(StageItem);
        if (string.IsNullOrEmpty(context.TokenEndpointResponse.IdToken))
            context.Fail(new SsoProtocolException(SsoReasons.IdTokenMissing, "The token response has no id_token (is the openid scope requested?)."));
        return Task.CompletedTask;
    }

    public Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        // The handler accepts an unsigned id_token from the token endpoint (the TLS channel vouches for it, says the
        // spec); the portal keeps refusing it, as it always has, so a misconfigured provider cannot slip one through.
        if (context.SecurityToken is { } jwt && (string.IsNullOrEmpty(jwt.RawSignature) || jwt.Header.Alg is null or "none"))
        {
            context.Fail(new SsoProtocolException(SsoReasons.Signature, "The id_token is not signed."));
            return Task.CompletedTask;
        }
        // Several audiences: the token must say it was issued to this client (OpenID Connect Core 3.1.3.7, azp), or
        // a token meant for another application that trusts the same provider could be played here.
        if (context.SecurityToken is { } token && token.Audiences.Count() > 1 && token.Payload.Azp != context.Options.ClientId)
        {
            context.Fail(new SsoProtocolException(SsoReasons.Audience, "The id_token has several audiences and its azp is not this client."));
            return Task.CompletedTask;
        }
        var raw = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken;
        context.HttpContext.Items[ClaimsItem] = OidcClaims.ReadPayload(context.SecurityToken!.RawPayload);
        context.HttpContext.Items[IdTokenItem] = raw;
        if (context.Options.GetClaimsFromUserInfoEndpoint) context.HttpContext.Items[StageItem] = SsoReasons.UserInfo;
        return Task.CompletedTask;
    }

    public Task OnUserInformationReceivedAsync(UserInformationReceivedContext context)
    {
        // The handler has checked that userinfo speaks of the id_token's subject (OpenID Connect Core 5.3.2).
        context.HttpContext.Items.Remove(StageItem);
        if (context.HttpContext.Items[ClaimsItem] is Dictionary<string, JsonElement> claims)
        {
            foreach (var (name, value) in OidcClaims.Read(context.User.RootElement))
            {
                if (name is "sub" or "iss" or "aud" or "nonce" or "exp" or "iat") continue;
                claims[name] = value;
            }
        }
        return Task.CompletedTask;
    }

    public async Task OnTicketReceivedAsync(TicketReceivedContext context)
    {
        var http = context.HttpContext;
        if (http.Items[ClaimsItem] is not Dictionary<string, JsonElement> claims)
            throw new SsoProtocolException(SsoReasons.InvalidToken, "No validated id_token reached the end of the sign-in.");
        var identity = new SsoIdentity(
            OidcClaims.First(claims, "iss")!,
            OidcClaims.First(claims, "sub") ?? throw new SsoProtocolException(SsoReasons.InvalidToken, "The id_token has no sub claim."),
            OidcClaims.First(claims, names.StaffNumber),
            OidcClaims.First(claims, names.Name),
            OidcClaims.Values(claims, names.Roles));
        var result = await http.RequestServices.GetRequiredService<SsoAccountService>().SignInAsync(identity, http.RequestAborted);
        if (result.Outcome != SsoOutcome.Succeeded)
        {
            // Already audited by the account service; the person gets the page saying whom to ask.
            var problem = new SsoProblem(SsoProblemTexts.ReasonOf(result.Outcome), identity.StaffNumber, identity.Name);
            http.Response.Redirect(http.RequestServices.GetRequiredService<SsoProblemCodec>().Url(problem));
            context.HandleResponse();
            return;
        }

        // The portal's own principal, as for a password sign-in, plus the provider's iss and sid: the handler's
        // front-channel logout compares them with what the provider sends before it ends this session.
        var principal = result.Principal!;
        var portalIdentity = (ClaimsIdentity)principal.Identity!;
        portalIdentity.AddClaim(new Claim("iss", identity.Issuer));
        if (OidcClaims.First(claims, "sid") is { } sid) portalIdentity.AddClaim(new Claim("sid", sid));
        context.Principal = principal;
        context.Properties ??= new AuthenticationProperties();
        context.Properties.IsPersistent = false;
        context.Properties.Items[SsoSchemes.SchemeItem] = context.Scheme.Name;
        if (http.Items[IdTokenItem] is string idToken)
            context.Properties.StoreTokens([new AuthenticationToken { Name = SsoSchemes.IdTokenName, Value = idToken }]);
    }

    /// <summary>Every failed campus sign-in ends on the problem page, not an error page; protocol failures are audited here.</summary>
    public static async Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var services = context.HttpContext.RequestServices;
        var problem = Classify(context.Failure, context.HttpContext.Items[StageItem] as string);
        var detail = context.Failure?.Message;
        if (context.Failure?.Data["error_description"] is string description && description.Length > 0) detail += "；" + description;
        await services.GetRequiredService<SsoAccountService>().RecordFailureAsync(SsoProblemTexts.AuditReason(problem.Reason), detail);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SsoEvents).FullName!)
            .LogWarning(context.Failure, "Campus sign-in failed: {Reason}", problem.Reason);
        context.Response.Redirect(services.GetRequiredService<SsoProblemCodec>().Url(problem));
        context.HandleResponse();
    }

    /// <summary>The handler's failures (exceptions of IdentityModel, or messages for state and correlation) as reasons.</summary>
    public static SsoProblem Classify(Exception? failure, string? stage = null) => failure switch
    {
        null => new SsoProblem(SsoReasons.Error),
        SsoProtocolException p => new SsoProblem(p.Reason),
        SecurityTokenExpiredException or SecurityTokenNoExpirationException => new SsoProblem(SsoReasons.Expired),
        SecurityTokenNotYetValidException => new SsoProblem(SsoReasons.NotYetValid),
        SecurityTokenInvalidAudienceException => new SsoProblem(SsoReasons.Audience),
        SecurityTokenInvalidIssuerException => new SsoProblem(SsoReasons.Issuer),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException
            => new SsoProblem(SsoReasons.Signature),
        OpenIdConnectProtocolInvalidNonceException => new SsoProblem(SsoReasons.Nonce),
        SecurityTokenException => new SsoProblem(SsoReasons.InvalidToken),
        { Message: "Correlation failed." } => new SsoProblem(SsoReasons.State),
        _ when failure.Message.Contains("message.State", StringComparison.Ordinal) => new SsoProblem(SsoReasons.State),
        _ when failure.Data["error"] is "access_denied" || failure.Message.StartsWith("Access was denied", StringComparison.Ordinal)
            => new SsoProblem(SsoReasons.Denied),
        _ when stage is not null => new SsoProblem(stage),
        _ when failure.Data["error"] is string { Length: > 0 } => new SsoProblem(SsoReasons.ProviderError),
        HttpRequestException => new SsoProblem(SsoReasons.Unavailable),
        _ => new SsoProblem(SsoReasons.Error),
    };
}
