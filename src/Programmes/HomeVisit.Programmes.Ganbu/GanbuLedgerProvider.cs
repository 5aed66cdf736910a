using HomeVisit.Core.Accounts;
using HomeVisit.Core.Exports;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The .xlsx export of the 魏县领导干部家访台账: the ledger page's rows (<see cref="GanbuFormsService.LedgerAsync"/>), in the
/// columns and cells of its one definition (<see cref="GanbuLedger.Columns"/>, <see cref="GanbuLedger.Cells"/>), for a unit
/// or for all units.
/// </summary>
public sealed class GanbuLedgerProvider(GanbuFormsService forms) : ILedgerProvider
{
    public string ProgrammeKey => "ganbu";

    public async Task<LedgerTable> BuildAsync(PortalUser user, int year, int? unitId, CancellationToken ct)
    {
        var ledger = await forms.LedgerAsync(user, unitId, year, ct);
        return new LedgerTable(ledger.Title, ledger.Subtitle, GanbuLedger.Columns, GanbuLedger.Widths, RowsAsync(ledger), ledger.Rows.Count);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(GanbuLedger ledger)
    {
        foreach (var r in ledger.Rows) yield return GanbuLedger.Cells(r);
        await Task.CompletedTask;
    }
}
