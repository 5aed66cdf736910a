using System.Security.Claims;
using System.Text.Encodings.Web;
using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> for the intake API. Only the API endpoints name this scheme, so the portal's
/// cookie never authenticates them and a key never opens a page. The principal carries the key's institution (so
/// the host's programme gate and the services scope by it) and the key's id. A missing, malformed, unknown or revoked
/// key is answered 401 with <c>WWW-Authenticate: Bearer</c> and a JSON problem body.
/// </summary>
public sealed class GanbuApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, GanbuApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "GanbuApiKey";
    public const string KeyIdClaim = "hv:apikey";
    public const string KeyNameClaim = "hv:apikey-name";
    private const string Realm = "Bearer realm=\"HomeVisit ganbu API\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Not a bearer credential.");
        var caller = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (caller is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "0"),
            new Claim(ClaimTypes.Name, $"api:{caller.KeyName}"),
            new Claim(PortalUser.InstitutionClaim, caller.InstitutionId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(KeyIdClaim, caller.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(KeyNameClaim, caller.KeyName),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The key that authenticated the request, from the principal this handler made.</summary>
    public static GanbuApiCaller? Caller(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(KeyIdClaim), out var keyId) &&
        int.TryParse(principal.FindFirstValue(PortalUser.InstitutionClaim), out var institutionId)
            ? new GanbuApiCaller(keyId, institutionId, principal.FindFirstValue(KeyNameClaim) ?? "")
            : null;

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var missing = result.None;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = missing ? Realm : $"{Realm}, error=\"invalid_token\", error_description=\"unknown or revoked key\"";
        await GanbuApiJson.WriteProblemAsync(Response, StatusCodes.Status401Unauthorized,
            missing ? "缺少接口密钥" : "接口密钥无效或已停用",
            "请在 Authorization 请求头中以 “Bearer <密钥>” 提供本单位的接口密钥；密钥由系统管理员在“干部家访 › 接口密钥”中创建。");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await GanbuApiJson.WriteProblemAsync(Response, StatusCodes.Status403Forbidden, "无权访问", null);
    }
}
