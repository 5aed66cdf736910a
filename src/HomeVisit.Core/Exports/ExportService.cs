using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Exports;

/// <summary>Ledger workbooks for any programme, audited: who exported what, when.</summary>
public sealed class ExportService(
    IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<ILedgerProvider> providers, CommonLedger common, TimeProvider clock)
{
    public async Task<LedgerTable> LedgerAsync(PortalUser user, string key, int year, int? unitId, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100) throw new PortalValidationException("year", "年度不正确。");
        var provider = providers.FirstOrDefault(p => p.ProgrammeKey == key);
        return provider is not null ? await provider.BuildAsync(user, year, unitId, ct) : await common.BuildAsync(user, key, year, unitId, ct);
    }

    /// <summary>Writes the ledger as .xlsx to the stream, reporting progress 0..1, and records the export in the audit log.</summary>
    public async Task WriteLedgerXlsxAsync(PortalUser user, string key, int year, int? unitId, Stream output, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var ledger = await LedgerAsync(user, key, year, unitId, ct);
        await WriteXlsxAsync(ledger, output, progress, ct);
        await AuditAsync(user, "ledger", $"{key} {year} unit={unitId?.ToString() ?? "all"} rows={ledger.RowCount}", ct, key);
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
