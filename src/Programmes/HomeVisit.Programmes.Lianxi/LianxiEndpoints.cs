using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Exports;

namespace HomeVisit.Programmes.Lianxi;

public static class LianxiEndpoints
{
    /// <summary>
    /// GET /programmes/lianxi/semester-summary.xlsx?day=&amp;unit=: the 学期总结 (四、5) of the semester containing the day, as the
    /// page shows it; audited as an export. 404 for anyone who may not read the summary; the programme's policy answers 404
    /// too where the programme is switched off for the institution.
    /// </summary>
    public static IEndpointRouteBuilder MapLianxiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/programmes/lianxi/semester-summary.xlsx", async (string? day, int? unit, HttpContext http, LianxiProgressService progress,
            ExportService exports, TimeProvider clock) =>
        {
            if (PortalUser.FromPrincipal(http.User) is not { } user) return Results.NotFound();
            var d = DateOnly.TryParse(day, out var parsed) ? parsed : clock.Today();
            var stream = new MemoryStream();
            SemesterSummary summary;
            try
            {
                summary = await progress.WriteSummaryXlsxAsync(user, d, unit, stream, http.RequestAborted);
            }
            catch (Exception e) when (e is NotFoundException or AccessDeniedException)
            {
                return Results.NotFound();
            }
            await exports.AuditAsync(user, "summary", $"{LianxiAccess.ProgrammeKey} {summary.Period.Label} unit={unit?.ToString() ?? "all"}",
                http.RequestAborted, LianxiAccess.ProgrammeKey);
            stream.Position = 0;
            return Results.File(stream, XlsxWriter.ContentType, $"联系师生学期总结-{summary.Period.Start:yyyyMMdd}.xlsx");
        }).RequireAuthorization(LianxiAccess.Policy);
        return app;
    }
}
