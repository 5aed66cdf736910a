using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace HomeVisit.Portal.Security;

/// <summary>Limits of the /api/ rate limiter (<c>RateLimiting:Api</c>).</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "RateLimiting:Api";

    /// <summary>Requests one API key may make per window.</summary>
    public int PermitsPerKey { get; set; } = 60;

    /// <summary>Requests one client address may make per window, whatever key it sends (or none).</summary>
    public int PermitsPerAddress { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (<c>ForwardedHeaders</c>).</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the portal, e.g. "10.0.0.5". Loopback is always trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public string[] KnownNetworks { get; set; } = [];
}

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Forwarded headers from known proxies, and the /api/ rate limiter.</summary>
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ClientAddressCircuitHandler>();

        var forwarded = builder.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The client address (audit, rate limits) and whether the browser spoke HTTPS (Secure cookies, HSTS) come
            // from the proxy; the Host header is the portal's own and is not taken from it.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in forwarded.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in forwarded.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        // A cookie challenge under /api/ is a status code (the problem body follows in ApiResponses), never the sign-in page.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = c => ApiResponses.IsApi(c.Request) ? Answer(c.Response, 401) : toLogin(c);
            o.Events.OnRedirectToAccessDenied = c => ApiResponses.IsApi(c.Request) ? Answer(c.Response, 403) : toDenied(c);
        });

        var limits = builder.Configuration.GetSection(ApiRateLimitOptions.Section).Get<ApiRateLimitOptions>() ?? new();
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    ApiResponses.IsApi(http.Request)
                        ? RateLimitPartition.GetFixedWindowLimiter("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                            _ => Window(limits.PermitsPerAddress, limits.Window))
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    ApiResponses.IsApi(http.Request) && KeyOf(http.Request) is { } key
                        ? RateLimitPartition.GetFixedWindowLimiter("key:" + key, _ => Window(limits.PermitsPerKey, limits.Window))
                        : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)Math.Ceiling(limits.Window.TotalSeconds);
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ApiResponses.WriteAsync(context.HttpContext.Response, StatusCodes.Status429TooManyRequests, ApiResponses.TitleOf(429),
                    $"请求过于频繁，请在 {seconds} 秒后重试。");
            };
        });
        return builder;
    }

    private static Task Answer(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>
    /// The key a request presents, as a short hash: the limiter counts per key without a database lookup and without
    /// keeping the secret in memory. A flood of made-up keys is still held by the per-address limit.
    /// </summary>
    private static string? KeyOf(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header)) return null;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header.Trim())))[..32];
    }
}
