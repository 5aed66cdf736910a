using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Portal.Account.Sso;

/// <summary>Why a campus sign-in failed at the protocol level; the code picks the message on the problem page.</summary>
public sealed class SsoProtocolException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="SsoReasons"/>.</summary>
    public string Reason { get; } = reason;
}

/// <summary>Reason codes for failed campus sign-ins (problem page, audit log, tests).</summary>
public static class SsoReasons
{
    public const string State = "state";
    public const string ProviderError = "provider_error";
    public const string Denied = "denied";
    public const string Unavailable = "unavailable";
    public const string TokenEndpoint = "token_endpoint";
    public const string IssuerMismatch = "issuer_mismatch";
    public const string IdTokenMissing = "id_token_missing";
    public const string Signature = "signature";
    public const string Issuer = "issuer";
    public const string Audience = "audience";
    public const string Expired = "expired";
    public const string NotYetValid = "not_yet_valid";
    public const string Nonce = "nonce";
    public const string InvalidToken = "invalid_token";
    public const string UserInfo = "userinfo";
    public const string Error = "error";
}

/// <summary>What the id_token must satisfy: the provider's issuer and keys (from discovery), our client id, the nonce we sent.</summary>
public sealed record OidcTokenExpectations(
    string Issuer, string ClientId, IEnumerable<SecurityKey> SigningKeys, string? Nonce, TimeSpan ClockSkew,
    IEnumerable<string>? Algorithms = null);

/// <summary>A checked id_token and its payload as JSON (claims may be arrays or objects).</summary>
public sealed record OidcValidatedToken(JsonWebToken Token, IReadOnlyDictionary<string, JsonElement> Payload)
{
    public string Subject => Token.Subject;
}

/// <summary>
/// Validates an id_token (OpenID Connect Core 3.1.3.7): signature by one of the provider's keys (JWKS), issuer,
/// audience (and azp when there are several audiences), expiry with a small clock skew, and the nonce sent with the
/// authorization request. Separate from the handler so tests can feed it tokens signed by the real test provider's key,
/// and crafted ones.
/// </summary>
public sealed class OidcTokenValidator(TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<OidcValidatedToken> ValidateAsync(string idToken, OidcTokenExpectations expected)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = expected.Issuer,
            ValidAudience = expected.ClientId,
            IssuerSigningKeys = expected.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ClockSkew = expected.ClockSkew,
            // Expiry against the portal's clock (tests move it), with the same exceptions as the built-in check.
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (expires is null) throw new SecurityTokenNoExpirationException("The id_token has no exp claim.");
                if (notBefore is { } nbf && nbf > now + p.ClockSkew)
                    throw new SecurityTokenNotYetValidException($"The id_token is valid from {nbf:o}.") { NotBefore = nbf };
                if (expires.Value < now - p.ClockSkew)
                    throw new SecurityTokenExpiredException($"The id_token expired at {expires:o}.") { Expires = expires.Value };
                return true;
            },
            ValidAlgorithms = expected.Algorithms?.Where(a => a != "none").ToList() is { Count: > 0 } algs ? algs : null,
        };

        var result = await Handler.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid)
        {
            var e = result.Exception;
            var reason = e switch
            {
                SecurityTokenExpiredException or SecurityTokenNoExpirationException => SsoReasons.Expired,
                SecurityTokenNotYetValidException => SsoReasons.NotYetValid,
                SecurityTokenInvalidAudienceException => SsoReasons.Audience,
                SecurityTokenInvalidIssuerException => SsoReasons.Issuer,
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
                    or SecurityTokenInvalidAlgorithmException => SsoReasons.Signature,
                _ => SsoReasons.InvalidToken,
            };
            throw new SsoProtocolException(reason, $"The id_token is not valid ({reason}): {e?.Message}", e);
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (string.IsNullOrEmpty(token.Subject))
            throw new SsoProtocolException(SsoReasons.InvalidToken, "The id_token has no sub claim.");
        if (token.Audiences.Count() > 1 && (!token.TryGetPayloadValue<string>("azp", out var azp) || azp != expected.ClientId))
            throw new SsoProtocolException(SsoReasons.Audience, "The id_token has several audiences and its azp is not this client.");
        if (expected.Nonce is not null)
        {
            token.TryGetPayloadValue<string>("nonce", out var nonce);
            if (nonce is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(expected.Nonce)))
                throw new SsoProtocolException(SsoReasons.Nonce, "The id_token's nonce is not the one sent with the sign-in request.");
        }

        return new OidcValidatedToken(token, ReadPayload(token.EncodedPayload));
    }

    public static IReadOnlyDictionary<string, JsonElement> ReadPayload(string encodedPayload)
    {
        using var doc = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(encodedPayload));
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}

/// <summary>Reads configured claims from the id_token payload merged with userinfo: plain names, or dotted paths into objects.</summary>
public static class OidcClaims
{
    public static IReadOnlyList<string> Values(IReadOnlyDictionary<string, JsonElement> claims, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        if (!claims.TryGetValue(name, out var element))
        {
            // "realm_access.roles": Keycloak's realm roles sit in an object.
            var parts = name.Split('.');
            if (parts.Length < 2 || !claims.TryGetValue(parts[0], out element)) return [];
            foreach (var part in parts.Skip(1))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return [];
            }
        }
        return element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Select(Scalar).OfType<string>().ToList(),
            _ => Scalar(element) is { } s ? [s] : [],
        };
    }

    public static string? First(IReadOnlyDictionary<string, JsonElement> claims, string? name) => Values(claims, name).FirstOrDefault();

    private static string? Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(e.GetString()) ? null : e.GetString()!.Trim(),
        JsonValueKind.Number => e.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        _ => null,
    };
}
