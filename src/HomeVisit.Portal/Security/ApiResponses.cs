using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace HomeVisit.Portal.Security;

/// <summary>
/// Everything under /api/ answers JSON problem details (RFC 9457), never the portal's HTML: no re-executed
/// not-found page, no redirect to the sign-in page, no developer exception page. Endpoints that write their own
/// problem body keep it; an answer of 400 or more without a body gets one here.
/// </summary>
public sealed class ApiResponses(RequestDelegate next, ILogger<ApiResponses> logger)
{
    public const string ProblemContentType = "application/problem+json";

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsApi(context.Request))
        {
            await next(context);
            return;
        }
        // The status code pages middleware runs outside this one and would swap an empty 404 for the HTML page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        // No endpoint (a module API path whose id fails the route's int constraint): not found, before the fallback
        // authorisation policy would send a key-bearing client to the cookie's sign-in page.
        if (context.GetEndpoint() is null)
        {
            await WriteAsync(context.Response, StatusCodes.Status404NotFound, TitleOf(404), null);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error in {Path}", context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        if (context.Response.HasStarted || context.Response.StatusCode < 400 ||
            context.Response.ContentLength > 0 || context.Response.ContentType is not null) return;
        await WriteAsync(context.Response, context.Response.StatusCode, TitleOf(context.Response.StatusCode), null);
    }

    public static string TitleOf(int status) => status switch
    {
        400 => "请求有误",
        401 => "未通过身份验证",
        403 => "无权访问",
        404 => "资源不存在",
        405 => "不支持该请求方法",
        413 => "请求体过大",
        415 => "不支持该内容类型",
        429 => "请求过于频繁",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求未能完成",
    };

    // Readable Chinese in the body (no \u escapes), camelCase names: as the modules' APIs write theirs.
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static Task WriteAsync(HttpResponse response, int status, string title, string? detail)
    {
        response.StatusCode = status;
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
        };
        if (detail is not null) body["detail"] = detail;
        return response.WriteAsJsonAsync(body, JsonOptions, ProblemContentType);
    }
}
