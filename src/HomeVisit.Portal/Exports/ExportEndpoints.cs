using System.Globalization;
using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Localization;

namespace HomeVisit.Portal.Exports;

public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Both programme downloads answer 404 like an unknown address unless the user may use the programme named by {key}.
        // The ledger of a programme as .xlsx: generated row by row into a temp file, then streamed.
        // ?day= the programme's period containing that day (the default: today's), ?year= a whole calendar year.
        app.MapGet("/programmes/{key}/ledger.xlsx", async (string key, int? year, string? day, int? unit, HttpContext http,
            ExportService exports, ProgrammeCatalog catalog, TimeProvider clock) =>
        {
            if (PortalUser.FromPrincipal(http.User) is not { } user || catalog.Find(key) is not { } module) return Results.NotFound();
            var d = DateOnly.TryParse(day, CultureInfo.InvariantCulture, out var parsed) ? parsed : clock.Today();
            var path = Path.Combine(Path.GetTempPath(), $"homevisit-ledger-{Guid.NewGuid():N}.xlsx");
            string name;
            try
            {
                name = year is int y ? $"{y}" : (await exports.LedgerPeriodsAsync(user, key, d, 1, http.RequestAborted))[0].Label;
                await using (var file = File.Create(path))
                {
                    if (year is int whole) await exports.WriteLedgerXlsxAsync(user, key, whole, unit, file, null, http.RequestAborted);
                    else await exports.WriteLedgerXlsxAsync(user, key, d, unit, file, null, http.RequestAborted);
                }
            }
            catch (Exception e) when (e is NotFoundException or AccessDeniedException or PortalValidationException)
            {
                ExportFiles.TryDelete(path);
                return e is PortalValidationException v ? Results.BadRequest(v.Errors) : Results.NotFound();
            }
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return Results.File(stream, XlsxWriter.ContentType, $"{module.Name}台账-{name}.xlsx");
        }).RequireAuthorization(PortalPolicies.ProgrammeInRoute);

        app.MapGet("/programmes/{key}/summary.xlsx", async (string key, string? day, HttpContext http, PeriodSummaryService summaries,
            ProgrammeCatalog catalog, TimeProvider clock, ProgrammeTexts texts) =>
        {
            if (PortalUser.FromPrincipal(http.User) is not { } user || catalog.Find(key) is not { } module) return Results.NotFound();
            var d = DateOnly.TryParse(day, out var parsed) ? parsed : clock.Today();
            var stream = new MemoryStream();
            try
            {
                // In the user's language (the request culture): the programme's set, with the core's behind it.
                await summaries.WriteXlsxAsync(user, key, d, stream, http.RequestAborted, texts.For(key).Message);
            }
            catch (Exception e) when (e is NotFoundException or AccessDeniedException)
            {
                return Results.NotFound();
            }
            stream.Position = 0;
            return Results.File(stream, XlsxWriter.ContentType, texts.For(key).Message(new PortalMessage("{0}期间汇总-{1:yyyyMMdd}.xlsx", module.Name, d.ToDateTime(TimeOnly.MinValue))));
        }).RequireAuthorization(PortalPolicies.ProgrammeInRoute);

        // A finished export from the page, for the user who made it.
        app.MapGet("/exports/{id}", (string id, HttpContext http, ExportFiles files) =>
        {
            if (PortalUser.FromPrincipal(http.User) is not { } user || files.Take(id, user.UserId) is not { } f) return Results.NotFound();
            var stream = new FileStream(f.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var type = f.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? Core.Archives.RecordArchiveService.ZipContentType : XlsxWriter.ContentType;
            return Results.File(stream, type, f.FileName);
        });
        return app;
    }
}
