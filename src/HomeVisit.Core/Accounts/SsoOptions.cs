namespace HomeVisit.Core.Accounts;

/// <summary>
/// Campus single sign-on with OpenID Connect (<c>Authentication:Oidc</c>). Off unless <see cref="Authority"/>
/// and <see cref="ClientId"/> are set. See docs/sso.md for Entra ID, Keycloak, CAS and Authing.
/// </summary>
public sealed class SsoOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The provider's issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Where the discovery document is, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: user secrets or an environment variable, never appsettings.json in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How the client authenticates at the token endpoint: <c>client_secret_basic</c> (the OAuth default) or <c>client_secret_post</c>.</summary>
    public string TokenEndpointAuthMethod { get; set; } = "client_secret_basic";

    /// <summary>Space-separated scopes; <c>openid</c> is always sent.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The portal's redirect URI path, registered at the provider as <c>https://&lt;portal&gt;/signin-oidc</c>.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Where the provider sends the browser after its sign-out; registered as a post-logout redirect URI.</summary>
    public string PostLogoutRedirectPath { get; set; } = "/account/login";

    /// <summary>Also read the claims from the userinfo endpoint (needed when the provider keeps them out of the id_token).</summary>
    public bool UseUserInfo { get; set; }

    /// <summary>Discovery and keys over https only; switch off for a provider on loopback in development and tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerance for clock differences when checking the id_token's expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The claim carrying the staff number (工号) the person is matched by. Dotted paths reach into objects.</summary>
    public string StaffNumberClaim { get; set; } = "staff_number";

    /// <summary>The claim with the person's name (shown on the "unknown person" page and in the audit log).</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim with the groups or roles that admins map to portal roles, e.g. <c>groups</c> or <c>realm_access.roles</c>.</summary>
    public string RolesClaim { get; set; } = "groups";

    /// <summary>Match people of this institution only; unset: the staff number must be unique over all institutions.</summary>
    public int? InstitutionId { get; set; }

    /// <summary>A known person without an account gets one (with mapped roles, else 职工); false: an admin creates accounts first.</summary>
    public bool CreateAccounts { get; set; } = true;

    /// <summary>Whom to ask when the sign-in cannot be matched, e.g. "人事处 张老师，电话 0771-1234567".</summary>
    public string? ContactText { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Whether <c>Authentication:Entra</c> is configured; set at start-up, never read from this section.</summary>
    public bool EntraEnabled { get; internal set; }

    /// <summary>Some campus sign-in exists (generic or Entra), so password sign-in may be kept for admins only.</summary>
    public bool AnyEnabled => Enabled || EntraEnabled;

    public IReadOnlyList<string> ScopeList()
    {
        var scopes = (Scopes ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (!scopes.Contains("openid", StringComparer.Ordinal)) scopes.Insert(0, "openid");
        return scopes.Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>
/// Campus SSO for institutions on Microsoft Entra ID (<c>Authentication:Entra</c>), through Microsoft.Identity.Web as a
/// scheme of its own beside the generic one: Identity.Web assumes Entra's endpoints and issuers and does not work
/// against other providers. People are matched exactly as with the generic scheme (<see cref="SsoOptions"/>'s
/// InstitutionId, CreateAccounts, ContactText and the role mapping); only the claim names are Entra's own.
/// </summary>
public sealed class EntraOptions
{
    public const string Section = "Authentication:Entra";

    /// <summary>The cloud's sign-in host; another national cloud (e.g. 21Vianet's <c>https://login.chinacloudapi.cn/</c>) where needed.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The tenant id (a GUID or the verified domain); never <c>common</c>, since people of any tenant could then sign in.</summary>
    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: user secrets or an environment variable, never appsettings.json in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The redirect URI path registered in the app registration.</summary>
    public string CallbackPath { get; set; } = "/signin-entra";

    /// <summary>The claim carrying the staff number; Entra has none by default, so the app registration adds one.</summary>
    public string StaffNumberClaim { get; set; } = "employeeid";

    public string NameClaim { get; set; } = "name";

    /// <summary>App roles arrive as <c>roles</c>; group object ids as <c>groups</c>.</summary>
    public string RolesClaim { get; set; } = "roles";

    public bool Enabled => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(Instance);
}

/// <summary>Password sign-in (<c>Authentication:Local</c>). System admins always keep it, so a provider outage locks no one out of the settings.</summary>
public sealed class LocalSignInOptions
{
    public const string Section = "Authentication:Local";

    /// <summary>With SSO configured: only system admins may sign in with a password; everyone else uses 统一身份认证.</summary>
    public bool AdminsOnly { get; set; }
}
