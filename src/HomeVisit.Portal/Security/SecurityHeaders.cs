namespace HomeVisit.Portal.Security;

/// <summary>
/// Headers on every answer. The Content-Security-Policy lets only the portal's own script files run (no inline
/// script, no eval: Blazor Server and MudBlazor need neither) and loads images, fonts and connections from the portal
/// only, so neither an injected tag nor a Markdown template can run script or call out to another site. Inline
/// styles stay allowed: MudBlazor components set style attributes.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    // The provider loads its front-channel logout requests in a hidden frame; those answers have no content to
    // click on, so they may be framed by another site.
    private static readonly PathString[] FramedByProvider =
        [Account.Sso.SsoSchemes.OidcFrontChannelLogoutPath, Account.Sso.SsoSchemes.EntraFrontChannelLogoutPath];

    public Task InvokeAsync(HttpContext context)
    {
        var framed = FramedByProvider.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
        context.Response.OnStarting(() =>
        {
            // An endpoint that set its own (stricter) policy keeps it: an uploaded scan is served with "sandbox".
            var headers = context.Response.Headers;
            // Blazor adds "frame-ancestors 'self'" to component pages by itself; the portal's policy includes a stricter one.
            if (!headers.ContainsKey("Content-Security-Policy") || headers.ContentSecurityPolicy.ToString().StartsWith("frame-ancestors", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = framed ? ContentSecurityPolicy.Replace("; frame-ancestors 'none'", "", StringComparison.Ordinal) : ContentSecurityPolicy;
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            // Antiforgery sets SAMEORIGIN on pages with a form; the policy above says 'none', so say the same here.
            if (!framed) headers.XFrameOptions = "DENY";
            // Addresses inside the portal (/people/123, /visits/45) are not told to other sites.
            headers.TryAdd("Referrer-Policy", "same-origin");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
