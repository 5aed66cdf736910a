using HomeVisit.Core.Accounts;
using HomeVisit.Core.Exports;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>
/// The .xlsx export of the 廉政家访台账 (issue 8's <see cref="ILedgerProvider"/>): the same rows as the ledger page
/// (<see cref="LianzhengService.LedgerAsync"/>) — the leaders are the visitors other than the liaison who kept the
/// record, and a unit's ledger holds the visits of its leaders.
/// </summary>
public sealed class LianzhengLedgerProvider(LianzhengService lianzheng) : ILedgerProvider
{
    private static readonly IReadOnlyList<double> Widths = [6, 10, 16, 18, 16, 18, 24];

    public string ProgrammeKey => LianzhengService.Key;

    public async Task<LedgerTable> BuildAsync(PortalUser user, int year, int? unitId, CancellationToken ct)
    {
        var ledger = await lianzheng.LedgerAsync(user, year, unitId, ct: ct);
        return new LedgerTable(ledger.Title, ledger.Subtitle, Ledger.Columns, Widths, RowsAsync(ledger), ledger.Rows.Count);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(Ledger ledger)
    {
        foreach (var row in ledger.Rows) yield return row.Cells;
        await Task.CompletedTask;
    }
}
