using System.Text.Json;
using HomeVisit.Core.Accounts;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Portal.Account.Sso;

/// <summary>Why a campus sign-in failed at the protocol level; the code picks the message on the problem page.</summary>
public sealed class SsoProtocolException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="SsoReasons"/>.</summary>
    public string Reason { get; } = reason;
}

/// <summary>The identity was valid but the portal would not sign it in (unknown person, disabled...); already audited.</summary>
public sealed class SsoRefusedException(SsoOutcome outcome, SsoIdentity identity)
    : Exception($"Campus sign-in refused: {outcome}")
{
    public SsoOutcome Outcome { get; } = outcome;
    public SsoIdentity Identity { get; } = identity;
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

/// <summary>Reads configured claims from the id_token payload merged with userinfo: plain names, or dotted paths into objects.</summary>
public static class OidcClaims
{
    /// <summary>A JWT's payload (base64url JSON) as claims, keeping arrays and objects as they came.</summary>
    public static Dictionary<string, JsonElement> ReadPayload(string encodedPayload)
    {
        using var doc = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(encodedPayload));
        return Read(doc.RootElement);
    }

    public static Dictionary<string, JsonElement> Read(JsonElement json) =>
        json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);

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
