using HomeVisit.Core.Accounts;
using HomeVisit.Core.Exports;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The .xlsx export of the 魏县领导干部家访台账: for a unit, the same rows and numbers as the ledger page
/// (<see cref="GanbuFormsService.LedgerAsync"/>); the annex is per unit, so without one the common ledger of the
/// whole institution is exported.
/// </summary>
public sealed class GanbuLedgerProvider(GanbuFormsService forms, CommonLedger common) : ILedgerProvider
{
    private static readonly IReadOnlyList<double> Widths = [6, 10, 16, 18, 16, 18, 24];

    public string ProgrammeKey => "ganbu";

    public async Task<LedgerTable> BuildAsync(PortalUser user, int year, int? unitId, CancellationToken ct)
    {
        if (unitId is not int unit) return await common.BuildAsync(user, ProgrammeKey, year, null, ct);
        var ledger = await forms.LedgerAsync(user, unit, year, ct);
        return new LedgerTable($"{ledger.InstitutionName}领导干部家访台账", $"单位：{ledger.UnitName}　　{year} 年度",
            CommonLedger.Columns, Widths, RowsAsync(ledger), ledger.Rows.Count);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(GanbuLedger ledger)
    {
        foreach (var r in ledger.Rows)
            yield return [r.Number, $"{r.Date.Month}月{r.Date.Day}日", r.LeaderNames, r.LeaderPositions, r.TargetName, r.TargetPosition, r.Note];
        await Task.CompletedTask;
    }
}
