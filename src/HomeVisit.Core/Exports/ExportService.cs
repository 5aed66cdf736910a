using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Exports;

/// <summary>Ledger workbooks for any programme, audited: who exported what, when.</summary>
public sealed class ExportService(
    IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<ILedgerProvider> providers, CommonLedger common, TimeProvider clock)
{
    /// <summary>The ledger of a calendar year (a module's own ledger, or the common one over the whole year).</summary>
    public async Task<LedgerTable> LedgerAsync(PortalUser user, string key, int year, int? unitId, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100) throw new PortalValidationException("year", "年度不正确。");
        var provider = providers.FirstOrDefault(p => p.ProgrammeKey == key);
        return provider is not null ? await provider.BuildAsync(user, year, unitId, ct) : await common.BuildAsync(user, key, year, unitId, ct);
    }

    /// <summary>
    /// The ledger of the programme's period that contains the day: a module's own ledger keeps its annex's year; the
    /// common ledger follows the rules' period (半年 for 清廉家访, 学期 for 联系师生), the same period the period summary
    /// and the quotas count, so its rows are the summary's done visits.
    /// </summary>
    public async Task<LedgerTable> LedgerAsync(PortalUser user, string key, DateOnly day, int? unitId, CancellationToken ct = default)
    {
        if (day.Year is < 2000 or > 2100) throw new PortalValidationException("day", "日期不正确。");
        if (providers.Any(p => p.ProgrammeKey == key)) return await LedgerAsync(user, key, day.Year, unitId, ct);
        return await common.BuildAsync(user, key, await common.PeriodOnAsync(user.InstitutionId, key, day, ct), unitId, ct);
    }

    /// <summary>The ledger periods to offer: the one containing the day and the <paramref name="count"/> − 1 before it, newest first.</summary>
    public async Task<IReadOnlyList<Period>> LedgerPeriodsAsync(PortalUser user, string key, DateOnly day, int count = 6, CancellationToken ct = default)
    {
        var result = new List<Period>(count);
        var yearly = providers.Any(p => p.ProgrammeKey == key);
        for (var i = 0; i < count && day.Year >= 2000; i++)
        {
            var period = yearly ? Periods.Containing(PeriodKind.Year, day) : await common.PeriodOnAsync(user.InstitutionId, key, day, ct);
            result.Add(period);
            day = period.Start.AddDays(-1);
        }
        return result;
    }

    /// <summary>Writes the ledger as .xlsx to the stream, reporting progress 0..1, and records the export in the audit log.</summary>
    public async Task WriteLedgerXlsxAsync(PortalUser user, string key, int year, int? unitId, Stream output, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var ledger = await LedgerAsync(user, key, year, unitId, ct);
        await WriteXlsxAsync(ledger, output, progress, ct);
        await AuditAsync(user, "ledger", $"{key} {year} unit={unitId?.ToString() ?? "all"} rows={ledger.RowCount}", ct, key);
    }

    /// <summary>As the other overload, for the programme's period containing the day.</summary>
    public async Task WriteLedgerXlsxAsync(PortalUser user, string key, DateOnly day, int? unitId, Stream output, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var ledger = await LedgerAsync(user, key, day, unitId, ct);
        await WriteXlsxAsync(ledger, output, progress, ct);
        await AuditAsync(user, "ledger", $"{key} {day:yyyy-MM-dd} unit={unitId?.ToString() ?? "all"} rows={ledger.RowCount}", ct, key);
    }

    public static async Task WriteXlsxAsync(LedgerTable ledger, Stream output, IProgress<double>? progress, CancellationToken ct)
    {
        using var xlsx = new XlsxWriter(output);
        xlsx.StartSheet(ledger.Title, ledger.Widths);
        xlsx.TitleRow(ledger.Title, ledger.Columns.Count);
        xlsx.NoteRow(ledger.Subtitle, ledger.Columns.Count);
        xlsx.HeaderRow(ledger.Columns);
        var done = 0;
        await foreach (var row in ledger.Rows.WithCancellation(ct))
        {
            xlsx.Row(row);
            if (++done % 200 == 0) progress?.Report(ledger.RowCount == 0 ? 1 : (double)done / ledger.RowCount);
        }
        progress?.Report(1);
    }

    /// <summary>
    /// Every export and print of personal data is recorded: who, what, when. The programme's key is the entry's
    /// entity id, so the audit log can leave a secret programme's exports out for those outside it (AuditService).
    /// </summary>
    public async Task AuditAsync(PortalUser user, string what, string detail, CancellationToken ct = default, string? programmeKey = null)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        db.AuditEvent("export", what, programmeKey, detail);
        await db.SaveChangesAsync(ct);
    }
}
