using HomeVisit.Core.Accounts;
using HomeVisit.Core.Exports;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// The common ledger in the programme's own words (seed 5 附件 登记表 “回访人员”, 第五条 “回访对象”): the discipline staff
/// who revisit are not 家访领导, and the disciplined person is a 回访对象.
/// </summary>
public sealed class HuifangLedgerProvider(CommonLedger common) : ILedgerProvider
{
    public static readonly IReadOnlyList<string> Columns = ["序号", "时间", "回访人员姓名", "职务", "回访对象姓名", "职务", "备注"];

    public string ProgrammeKey => SanctionAccess.ProgrammeKey;

    public async Task<LedgerTable> BuildAsync(PortalUser user, int year, int? unitId, CancellationToken ct) =>
        await common.BuildAsync(user, ProgrammeKey, year, unitId, ct) with { Columns = Columns };
}
