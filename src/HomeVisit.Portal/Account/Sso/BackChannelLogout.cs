using System.Text.Json;
using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Portal.Account.Sso;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 for the generic scheme: the provider posts a logout_token when the person's
/// session there ends (signed out at the campus portal or another application). The token is checked as the
/// specification asks (2.6: signature by the provider's keys from the handler's configuration manager, iss, aud, iat and
/// exp, the back-channel event, sub or sid, no nonce, a jti used once) and every portal session of the linked account
/// ends, through its security stamp.
/// </summary>
public sealed class BackChannelLogout(
    IOptionsMonitor<OpenIdConnectOptions> oidc, IOptions<SsoOptions> sso, SsoAccountService accounts, IMemoryCache seen,
    ILogger<BackChannelLogout> log)
{
    public const string EventType = "http://schemas.openid.net/event/backchannel-logout";
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        if (!sso.Value.Enabled) return Results.NotFound();
        // 2.8: the answer must not be cached.
        http.Response.Headers.CacheControl = "no-cache, no-store";
        if (!http.Request.HasFormContentType) return Refuse("not a form post");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var logoutToken = form["logout_token"].ToString();
        if (logoutToken.Length == 0) return Refuse("no logout_token");

        var options = oidc.Get(SsoSchemes.Oidc);
        var result = await ValidateAsync(options, logoutToken, http.RequestAborted);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rolled its keys: read them again, once.
            options.ConfigurationManager!.RequestRefresh();
            result = await ValidateAsync(options, logoutToken, http.RequestAborted);
        }
        if (!result.IsValid) return Refuse(result.Exception?.Message ?? "invalid token");

        var token = (JsonWebToken)result.SecurityToken;
        var claims = OidcClaims.ReadPayload(token.EncodedPayload);
        if (!claims.ContainsKey("iat")) return Refuse("no iat");
        if (!claims.TryGetValue("events", out var events) || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(EventType, out var logoutEvent) || logoutEvent.ValueKind != JsonValueKind.Object)
            return Refuse("no back-channel logout event");
        // An id_token carries a nonce, a logout token must not: one can never pass for the other.
        if (claims.ContainsKey("nonce")) return Refuse("a nonce is present");
        var subject = OidcClaims.First(claims, "sub");
        var sessionId = OidcClaims.First(claims, "sid");
        if (subject is null && sessionId is null) return Refuse("neither sub nor sid");
        if (subject is null)
        {
            // The portal keeps no server-side record of provider sessions, so a sid alone names no account (2.8 allows
            // declining what the RP does not support). Providers send sub as well by default.
            log.LogWarning("Back-channel logout with sid only declined: the portal needs sub");
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }
        if (OidcClaims.First(claims, "jti") is { } jti)
        {
            // A logout token replayed within its lifetime is refused, so a captured one cannot keep ending sessions.
            if (seen.TryGetValue("hv.sso.logout." + jti, out _)) return Refuse("jti already used");
            var keep = token.ValidTo.AddMinutes(5) - DateTime.UtcNow;
            seen.Set("hv.sso.logout." + jti, true, keep > TimeSpan.FromMinutes(1) ? keep : TimeSpan.FromMinutes(1));
        }

        var ended = await accounts.EndSessionsAsync(token.Issuer, subject, sessionId, http.RequestAborted);
        log.LogInformation("Back-channel logout for {Subject}: {Outcome}", subject, ended ? "sessions ended" : "no linked account");
        return Results.Ok();
    }

    private async Task<TokenValidationResult> ValidateAsync(OpenIdConnectOptions options, string token, CancellationToken ct)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new TokenValidationResult { IsValid = false, Exception = e };
        }
        return await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = options.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = configuration.IdTokenSigningAlgValuesSupported.Where(a => a != "none").ToList() is { Count: > 0 } algs ? algs : null,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = sso.Value.ClockSkew,
        });
    }

    private IResult Refuse(string why)
    {
        log.LogWarning("Back-channel logout refused: {Why}", why);
        return Results.BadRequest(new { error = "invalid_request", error_description = why });
    }
}
