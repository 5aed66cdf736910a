using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Portal.Account.Sso;

/// <summary>The OAuth handler's options plus what OpenID Connect needs: the portal's SSO settings and the discovery document.</summary>
public sealed class OidcOptions : OAuthOptions
{
    public const string Scheme = "oidc";

    public SsoOptions Sso { get; set; } = new();

    /// <summary>Discovery document and JWKS, fetched over <see cref="RemoteAuthenticationOptions.Backchannel"/> and cached.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration>? ConfigurationManager { get; set; }

    public override void Validate()
    {
        // The OAuth options insist on a client secret; a public client (PKCE only) has none, and a missing secret must
        // not fail every request of the portal (local sign-in included): the token endpoint will say no instead.
        var secret = ClientSecret;
        if (string.IsNullOrEmpty(secret)) ClientSecret = "-";
        try
        {
            base.Validate();
        }
        finally
        {
            ClientSecret = secret;
        }
        if (ConfigurationManager is null) throw new InvalidOperationException("The OpenID Connect configuration manager is not set.");
    }
}

/// <summary>
/// OpenID Connect authorization code flow with PKCE (S256) on the shared framework's OAuth handler: endpoints from the
/// provider's discovery document, a nonce and the PKCE verifier kept in the protected state (bound to the browser by
/// the correlation cookie), the id_token checked by <see cref="OidcTokenValidator"/>, claims optionally from userinfo,
/// then <see cref="SsoAccountService"/> maps the identity to a portal account. The ticket carries the portal principal
/// and the id_token (for the provider's sign-out).
/// </summary>
public sealed class OidcHandler(
    IOptionsMonitor<OidcOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OidcTokenValidator validator, SsoAccountService accounts)
    : OAuthHandler<OidcOptions>(options, logger, encoder)
{
    public const string NonceKey = "hv.nonce";
    public const string IdTokenName = "id_token";

    private OpenIdConnectConfiguration? _configuration;

    private async Task<OpenIdConnectConfiguration> ConfigurationAsync()
    {
        if (_configuration is not null) return _configuration;
        try
        {
            return _configuration = await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SsoProtocolException(SsoReasons.Unavailable, "The provider's discovery document could not be read: " + e.Message, e);
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await ConfigurationAsync();
        await base.HandleChallengeAsync(properties);
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var codeVerifier = Random();
        properties.Items[OAuthConstants.CodeVerifierKey] = codeVerifier;
        var nonce = Random();
        properties.Items[NonceKey] = nonce;

        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = Options.ClientId,
            ["response_type"] = "code",
            ["scope"] = FormatScope(),
            ["redirect_uri"] = redirectUri,
            [OAuthConstants.CodeChallengeKey] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier))),
            [OAuthConstants.CodeChallengeMethodKey] = OAuthConstants.CodeChallengeMethodS256,
            ["nonce"] = nonce,
            // The nonce and verifier travel inside the state, encrypted and signed by data protection.
            ["state"] = Options.StateDataFormat.Protect(properties),
        };
        return QueryHelpers.AddQueryString(_configuration!.AuthorizationEndpoint, parameters);
    }

    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var configuration = await ConfigurationAsync();

        // RFC 9207: a provider that names itself in the response must be the one we sent the user to.
        var iss = Request.Query["iss"].ToString();
        if (iss.Length > 0 && iss != configuration.Issuer)
            return OAuthTokenResponse.Failed(new SsoProtocolException(SsoReasons.IssuerMismatch, $"The authorization response came from issuer {iss}, not {configuration.Issuer}."));

        var parameters = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = context.Code,
            ["redirect_uri"] = context.RedirectUri,
        };
        if (context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey, out var codeVerifier) && codeVerifier is not null)
            parameters[OAuthConstants.CodeVerifierKey] = codeVerifier;

        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (string.IsNullOrEmpty(Options.ClientSecret) || Options.Sso.TokenEndpointAuthMethod == "client_secret_post")
        {
            parameters["client_id"] = Options.ClientId;
            if (!string.IsNullOrEmpty(Options.ClientSecret)) parameters["client_secret"] = Options.ClientSecret;
        }
        else
        {
            // RFC 6749 2.3.1: both parts form-encoded before Base64.
            var credentials = $"{Uri.EscapeDataString(Options.ClientId)}:{Uri.EscapeDataString(Options.ClientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        request.Content = new FormUrlEncodedContent(parameters);

        HttpResponseMessage response;
        try
        {
            response = await Backchannel.SendAsync(request, Context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            return OAuthTokenResponse.Failed(new SsoProtocolException(SsoReasons.Unavailable, "The token endpoint could not be reached: " + e.Message, e));
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Context.RequestAborted);
            if (!response.IsSuccessStatusCode)
                return OAuthTokenResponse.Failed(new SsoProtocolException(SsoReasons.TokenEndpoint,
                    $"The token endpoint answered {(int)response.StatusCode}: {Shorten(body)}"));
            try
            {
                return OAuthTokenResponse.Success(JsonDocument.Parse(body));
            }
            catch (JsonException e)
            {
                return OAuthTokenResponse.Failed(new SsoProtocolException(SsoReasons.TokenEndpoint, "The token endpoint's answer is not JSON.", e));
            }
        }
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(
        System.Security.Claims.ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        var configuration = await ConfigurationAsync();
        var idToken = tokens.Response?.RootElement.TryGetProperty("id_token", out var t) == true ? t.GetString() : null;
        if (string.IsNullOrEmpty(idToken))
            throw new SsoProtocolException(SsoReasons.IdTokenMissing, "The token response has no id_token (is the openid scope requested?).");
        properties.Items.Remove(NonceKey, out var nonce);
        if (string.IsNullOrEmpty(nonce)) throw new SsoProtocolException(SsoReasons.State, "The sign-in state carries no nonce.");

        OidcValidatedToken validated;
        try
        {
            validated = await validator.ValidateAsync(idToken, Expectations(configuration, nonce));
        }
        catch (SsoProtocolException e) when (e.Reason == SsoReasons.Signature && e.InnerException is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rolled its keys: read the JWKS again, once.
            Options.ConfigurationManager!.RequestRefresh();
            _configuration = null;
            configuration = await ConfigurationAsync();
            validated = await validator.ValidateAsync(idToken, Expectations(configuration, nonce));
        }

        var claims = new Dictionary<string, JsonElement>(validated.Payload, StringComparer.Ordinal);
        if (Options.Sso.UseUserInfo && !string.IsNullOrEmpty(configuration.UserInfoEndpoint) && !string.IsNullOrEmpty(tokens.AccessToken))
        {
            foreach (var (name, value) in await UserInfoAsync(configuration.UserInfoEndpoint, tokens.AccessToken, validated.Subject))
            {
                if (name is "sub" or "iss" or "aud" or "nonce" or "exp" or "iat") continue;
                claims[name] = value;
            }
        }

        var ssoIdentity = new SsoIdentity(
            validated.Token.Issuer,
            validated.Subject,
            OidcClaims.First(claims, Options.Sso.StaffNumberClaim),
            OidcClaims.First(claims, Options.Sso.NameClaim),
            OidcClaims.Values(claims, Options.Sso.RolesClaim));
        var result = await accounts.SignInAsync(ssoIdentity, Context.RequestAborted);
        if (result.Outcome != SsoOutcome.Succeeded) throw new SsoRefusedException(result.Outcome, ssoIdentity);

        properties.IsPersistent = false;
        properties.StoreTokens([new AuthenticationToken { Name = IdTokenName, Value = idToken }]);
        return new AuthenticationTicket(result.Principal!, properties, Scheme.Name);
    }

    private OidcTokenExpectations Expectations(OpenIdConnectConfiguration configuration, string nonce) => new(
        configuration.Issuer, Options.ClientId, configuration.SigningKeys, nonce, Options.Sso.ClockSkew,
        configuration.IdTokenSigningAlgValuesSupported);

    private async Task<IReadOnlyDictionary<string, JsonElement>> UserInfoAsync(string endpoint, string accessToken, string subject)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
            var body = await response.Content.ReadAsStringAsync(Context.RequestAborted);
            if (!response.IsSuccessStatusCode)
                throw new SsoProtocolException(SsoReasons.UserInfo, $"The userinfo endpoint answered {(int)response.StatusCode}: {Shorten(body)}");
            using var doc = JsonDocument.Parse(body);
            var claims = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            // OpenID Connect Core 5.3.2: userinfo about someone else must not be used.
            if (!claims.TryGetValue("sub", out var sub) || sub.ValueKind != JsonValueKind.String || sub.GetString() != subject)
                throw new SsoProtocolException(SsoReasons.UserInfo, "The userinfo sub is not the id_token's sub.");
            return claims;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            throw new SsoProtocolException(SsoReasons.UserInfo, "The userinfo endpoint could not be read: " + e.Message, e);
        }
    }

    private static string Random() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Shorten(string s) => s.Length > 300 ? s[..300] : s;
}

/// <summary>The identity was valid but the portal would not sign it in (unknown person, disabled...); already audited.</summary>
public sealed class SsoRefusedException(SsoOutcome outcome, SsoIdentity identity)
    : Exception($"Campus sign-in refused: {outcome}")
{
    public SsoOutcome Outcome { get; } = outcome;
    public SsoIdentity Identity { get; } = identity;
}
