using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.AspNetCore.Authorization;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// 干部家访's minimal API endpoints: the intake API for the institution's mini-program (API key, see docs/api.md) and the
/// quarterly summary export (signed-in overseers). Both carry the <c>Programme:ganbu</c> policy, so they answer 404 while
/// the institution has the programme switched off.
/// </summary>
public static class GanbuEndpoints
{
    public static IEndpointRouteBuilder MapGanbuEndpoints(this IEndpointRouteBuilder app)
    {
        // Only the API key scheme authenticates these; the cookie is never consulted, so they need no antiforgery token.
        var apiKey = new AuthorizationPolicyBuilder(GanbuApiKeyHandler.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(GanbuApiKeyHandler.KeyIdClaim).Build();
        // JSON clients get the API's own status codes and bodies, never the portal's HTML error pages (a re-executed
        // POST would even fail the pages' antiforgery check and turn a 404 into a 400).
        // Programme:ganbu as on every page of the module: with the programme switched off the API answers 404, as an unknown path.
        var api = app.MapGroup("/api/ganbu").RequireAuthorization(apiKey).RequireAuthorization(GanbuAccess.Policy)
            .DisableAntiforgery().WithMetadata(new NoStatusCodePages());
        api.MapPost("/requests", PostRequestAsync);
        api.MapGet("/requests/{id:int}", GetRequestAsync);

        app.MapGet("/programmes/ganbu/summary.xlsx", ExportSummaryAsync).RequireAuthorization(GanbuAccess.Policy);
        return app;
    }

    private sealed class NoStatusCodePages : Microsoft.AspNetCore.Http.Metadata.ISkipStatusCodePagesMetadata;

    private static async Task<IResult> PostRequestAsync(HttpContext http, GanbuRequestService requests, CancellationToken ct)
    {
        var caller = GanbuApiKeyHandler.Caller(http.User)!;
        var (submission, errors) = await GanbuApiJson.ReadSubmissionAsync(http.Request, ct);
        if (errors.Count > 0) return GanbuApiJson.Problem(400, "提交的诉求有误", "请按各字段的提示修改后重新提交。", errors);
        try
        {
            var (request, created) = await requests.SubmitAsync(caller, submission, ct);
            var body = GanbuApiJson.View(request);
            if (!created) return Results.Json(body, GanbuApiJson.Options, statusCode: StatusCodes.Status200OK);
            http.Response.Headers.Location = $"/api/ganbu/requests/{request.Id}";
            return Results.Json(body, GanbuApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (PortalValidationException ex) when (ex.Errors.ContainsKey("Programme"))
        {
            return GanbuApiJson.Problem(404, "本单位未启用干部家访", null);
        }
        catch (PortalValidationException ex) when (ex.Errors.Count == 1 && ex.Errors.ContainsKey(nameof(GanbuApiSubmission.Tier)))
        {
            // A well-formed request no one can take: the organisation tree lacks the leader its tier needs.
            return GanbuApiJson.Problem(422, "无法分派办理人", ex.Errors.Values.First(),
                ex.Errors.ToDictionary(e => GanbuApiJson.JsonName(e.Key), e => e.Value));
        }
        catch (PortalValidationException ex)
        {
            return GanbuApiJson.Problem(400, "提交的诉求有误", "请按各字段的提示修改后重新提交。",
                ex.Errors.ToDictionary(e => GanbuApiJson.JsonName(e.Key), e => e.Value));
        }
    }

    private static async Task<IResult> GetRequestAsync(int id, HttpContext http, GanbuRequestService requests, CancellationToken ct)
    {
        var caller = GanbuApiKeyHandler.Caller(http.User)!;
        return await requests.GetForApiAsync(caller, id, ct) is { } request
            ? Results.Json(GanbuApiJson.View(request), GanbuApiJson.Options)
            : GanbuApiJson.Problem(404, "诉求不存在", "只能查询本单位通过接口提交的诉求。");
    }

    /// <summary>The quarterly summary as .xlsx, written to a temporary file and streamed from it (deleted when sent).</summary>
    private static async Task<IResult> ExportSummaryAsync(HttpContext http, int year, int quarter, GanbuOversightService oversight, CancellationToken ct)
    {
        var user = PortalUser.FromPrincipal(http.User)!;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"ganbu-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await oversight.WriteQuarterXlsxAsync(user, year, quarter, file, ct);
        }
        catch (Exception ex) when (ex is AccessDeniedException or PortalValidationException)
        {
            await file.DisposeAsync();
            return ex is AccessDeniedException ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.BadRequest(ex.Message);
        }
        file.Position = 0;
        return Results.File(file, GanbuOversightService.XlsxContentType, $"干部家访诉求季度汇总-{year}年第{quarter}季度.xlsx");
    }
}
