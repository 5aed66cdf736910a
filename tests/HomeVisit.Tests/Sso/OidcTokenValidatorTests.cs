using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeVisit.Portal.Account.Sso;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Tests.Sso;

/// <summary>A real provider with nothing else: its discovery document, its keys and the id_tokens it issues.</summary>
public sealed class ProviderOnly : IAsyncLifetime
{
    public TestOpenIdProvider Provider { get; private set; } = default!;
    public OpenIdConnectConfiguration Discovery { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Provider = await TestOpenIdProvider.StartAsync([SsoPortal.AppOrigin + "/signin-oidc"], [SsoPortal.AppOrigin + "/account/login"]);
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            Provider.Issuer + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = false });
        Discovery = await manager.GetConfigurationAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Provider.DisposeAsync();

    /// <summary>Signs in at the provider as <paramref name="login"/> and redeems the code (PKCE, client_secret_basic): the id_token it issues.</summary>
    public async Task<string> IssueIdTokenAsync(string login, string nonce)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var redirectUri = SsoPortal.AppOrigin + "/signin-oidc";
        var url = new Uri(QueryHelpers.AddQueryString(Discovery.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["client_id"] = TestOpenIdProvider.ClientId, ["response_type"] = "code", ["scope"] = "openid", ["redirect_uri"] = redirectUri,
            ["nonce"] = nonce, ["state"] = "s", ["code_challenge_method"] = "S256",
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
        }));
        for (var hops = 0; hops < 10; hops++)
        {
            using var response = await http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // The login form: post any password.
                var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("form")!;
                var action = new Uri(url, form.GetAttribute("action"));
                using var posted = await http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["prompt"] = "login", ["login"] = login, ["password"] = "x",
                }));
                url = new Uri(action, posted.Headers.Location!);
                continue;
            }
            var location = new Uri(url, response.Headers.Location!);
            if (location.ToString().StartsWith(redirectUri, StringComparison.Ordinal))
            {
                var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
                using var token = new HttpRequestMessage(HttpMethod.Post, Discovery.TokenEndpoint)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
                    }),
                };
                token.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestOpenIdProvider.ClientId}:{TestOpenIdProvider.ClientSecret}")));
                using var answer = await http.SendAsync(token);
                var json = await answer.Content.ReadAsStringAsync();
                Assert.True(answer.IsSuccessStatusCode, json);
                return JsonDocument.Parse(json).RootElement.GetProperty("id_token").GetString()!;
            }
            url = location;
        }
        throw new InvalidOperationException("The provider did not come back with a code.\n" + Provider.Log);
    }
}

/// <summary>
/// <see cref="OidcTokenValidator"/> on id_tokens the real provider issued (checked against its discovery document and
/// JWKS) and on crafted ones signed with the provider's own key, or a forged one.
/// </summary>
public sealed class OidcTokenValidatorTests(ProviderOnly idp) : IClassFixture<ProviderOnly>
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);

    private OidcTokenExpectations Expect(string? nonce, string? clientId = null, string? issuer = null, IEnumerable<SecurityKey>? keys = null) =>
        new(issuer ?? idp.Discovery.Issuer, clientId ?? TestOpenIdProvider.ClientId, keys ?? idp.Discovery.SigningKeys, nonce, Skew,
            idp.Discovery.IdTokenSigningAlgValuesSupported);

    private static OidcTokenValidator At(DateTimeOffset now) => new(new FixedTimeProvider(now));

    private static async Task<string> ReasonAsync(Func<Task> validate) => (await Assert.ThrowsAsync<SsoProtocolException>(validate)).Reason;

    [Fact]
    public async Task A_token_the_provider_issued_is_valid_and_carries_the_subject()
    {
        var token = await idp.IssueIdTokenAsync("li.ming", "nonce-1");

        var result = await At(DateTimeOffset.UtcNow).ValidateAsync(token, Expect("nonce-1"));

        Assert.Equal("li.ming", result.Subject);
        Assert.Equal(idp.Provider.Issuer, result.Payload["iss"].GetString());
        Assert.Equal(TestOpenIdProvider.KeyId, result.Token.Kid);
    }

    [Fact]
    public async Task A_provider_token_expires_after_its_lifetime_plus_the_clock_skew()
    {
        var token = await idp.IssueIdTokenAsync("li.ming", "nonce-2");
        var now = DateTimeOffset.UtcNow;

        // Issued for 10 minutes: a minute after expiry it is still inside the 2 minute skew, three minutes after it is not.
        await At(now.AddMinutes(11)).ValidateAsync(token, Expect("nonce-2"));
        Assert.Equal(SsoReasons.Expired, await ReasonAsync(() => At(now.AddMinutes(13)).ValidateAsync(token, Expect("nonce-2"))));
    }

    [Fact]
    public async Task A_provider_token_for_another_sign_in_request_fails_the_nonce()
    {
        var token = await idp.IssueIdTokenAsync("li.ming", "the-nonce-of-another-request");

        Assert.Equal(SsoReasons.Nonce, await ReasonAsync(() => At(DateTimeOffset.UtcNow).ValidateAsync(token, Expect("the-nonce-we-sent"))));
    }

    [Fact]
    public async Task A_provider_token_for_another_client_fails_the_audience()
    {
        var token = await idp.IssueIdTokenAsync("li.ming", "n");

        Assert.Equal(SsoReasons.Audience, await ReasonAsync(() => At(DateTimeOffset.UtcNow).ValidateAsync(token, Expect("n", clientId: "another-portal"))));
    }

    [Fact]
    public async Task A_provider_token_checked_against_another_issuer_fails()
    {
        var token = await idp.IssueIdTokenAsync("li.ming", "n");

        Assert.Equal(SsoReasons.Issuer, await ReasonAsync(() => At(DateTimeOffset.UtcNow).ValidateAsync(token, Expect("n", issuer: "https://sso.example.edu"))));
    }

    [Fact]
    public async Task A_provider_token_checked_against_other_keys_fails_the_signature()
    {
        var token = await idp.IssueIdTokenAsync("li.ming", "n");
        var otherKeys = new[] { new RsaSecurityKey(TestOpenIdProvider.ForgedKey().Rsa.ExportParameters(false)) { KeyId = TestOpenIdProvider.KeyId } };

        Assert.Equal(SsoReasons.Signature, await ReasonAsync(() => At(DateTimeOffset.UtcNow).ValidateAsync(token, Expect("n", keys: otherKeys))));
    }

    private Dictionary<string, object> Claims(string nonce = "n", long? exp = null, object? aud = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = idp.Provider.Issuer, ["sub"] = "crafted", ["aud"] = aud ?? TestOpenIdProvider.ClientId,
            ["iat"] = now, ["exp"] = exp ?? now + 300, ["nonce"] = nonce,
        };
    }

    [Fact]
    public async Task A_token_signed_with_the_providers_key_passes_and_one_with_a_forged_key_of_the_same_id_does_not()
    {
        var validator = At(DateTimeOffset.UtcNow);
        await validator.ValidateAsync(idp.Provider.Sign(Claims()), Expect("n"));

        var forged = idp.Provider.Sign(Claims(), TestOpenIdProvider.ForgedKey());
        Assert.Equal(SsoReasons.Signature, await ReasonAsync(() => validator.ValidateAsync(forged, Expect("n"))));
        var unknownKey = idp.Provider.Sign(Claims(), TestOpenIdProvider.ForgedKey("some-other-key"));
        Assert.Equal(SsoReasons.Signature, await ReasonAsync(() => validator.ValidateAsync(unknownKey, Expect("n"))));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        static string B(object o) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(o));
        var unsigned = $"{B(new { alg = "none", typ = "JWT" })}.{B(Claims())}.";

        var reason = await ReasonAsync(() => At(DateTimeOffset.UtcNow).ValidateAsync(unsigned, Expect("n")));

        Assert.Contains(reason, new[] { SsoReasons.Signature, SsoReasons.InvalidToken });
    }

    [Fact]
    public async Task Several_audiences_need_an_azp_naming_this_client()
    {
        var validator = At(DateTimeOffset.UtcNow);
        var claims = Claims(aud: new[] { TestOpenIdProvider.ClientId, "another-app" });
        Assert.Equal(SsoReasons.Audience, await ReasonAsync(() => validator.ValidateAsync(idp.Provider.Sign(claims), Expect("n"))));

        claims["azp"] = TestOpenIdProvider.ClientId;
        await validator.ValidateAsync(idp.Provider.Sign(claims), Expect("n"));
    }

    [Fact]
    public async Task A_token_without_expiry_or_not_yet_valid_is_refused()
    {
        var validator = At(DateTimeOffset.UtcNow);
        var noExp = Claims();
        noExp.Remove("exp");
        Assert.Equal(SsoReasons.Expired, await ReasonAsync(() => validator.ValidateAsync(idp.Provider.Sign(noExp), Expect("n"))));

        var later = Claims();
        later["nbf"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        Assert.Equal(SsoReasons.NotYetValid, await ReasonAsync(() => validator.ValidateAsync(idp.Provider.Sign(later), Expect("n"))));
    }

    [Fact]
    public void Configured_claims_are_read_by_name_or_by_a_dotted_path()
    {
        var payload = OidcTokenValidator.ReadPayload(Base64UrlEncoder.Encode(JsonSerializer.Serialize(new
        {
            staff_number = 20260001,
            groups = new[] { "/staff", " /staff/leaders " },
            realm_access = new { roles = new[] { "hv-leader" } },
            name = "  ",
        })));

        Assert.Equal("20260001", OidcClaims.First(payload, "staff_number"));
        Assert.Equal(["/staff", "/staff/leaders"], OidcClaims.Values(payload, "groups"));
        Assert.Equal(["hv-leader"], OidcClaims.Values(payload, "realm_access.roles"));
        Assert.Empty(OidcClaims.Values(payload, "name"));
        Assert.Empty(OidcClaims.Values(payload, "realm_access.missing"));
    }
}
