using HomeVisit.Core.Accounts;
using HomeVisit.Core.Exports;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>
/// The .xlsx export of the 廉政家访台账 (issue 8's <see cref="ILedgerProvider"/>): the same rows as the ledger page
/// (<see cref="LianzhengService.LedgerAsync"/>) — the leaders are the visitors other than the liaison who kept the
/// record, and a unit's ledger holds the visits of its leaders. The rows are streamed from the database in batches
/// while the workbook is written (<see cref="LianzhengService.LedgerRowsAsync"/>), so memory stays flat for a county's year.
/// </summary>
public sealed class LianzhengLedgerProvider(LianzhengService lianzheng) : ILedgerProvider
{
    private static readonly IReadOnlyList<double> Widths = [6, 10, 16, 18, 16, 18, 24];

    public string ProgrammeKey => LianzhengService.Key;

    public async Task<LedgerTable> BuildAsync(PortalUser user, int year, int? unitId, CancellationToken ct)
    {
        var page = await lianzheng.LedgerPageAsync(user, year, unitId, includeSubUnits: true, page: 1, pageSize: 0, ct);
        return new LedgerTable(page.Head.Title, page.Head.Subtitle, Ledger.Columns, Widths, RowsAsync(user, year, unitId, ct), page.Page.Total);
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(PortalUser user, int year, int? unitId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in lianzheng.LedgerRowsAsync(user, year, unitId, ct: ct)) yield return row.Cells;
    }
}
