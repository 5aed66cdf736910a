using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>The 廉洁家访台账 (annex 2) against the visits recorded: columns, cells, order, unit filter, year boundary.</summary>
public sealed class LedgerTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    private sealed record World(int KeyAppointment, int Home, int Team, int LastYear, int Yi, int Planned, int Cancelled);

    /// <summary>
    /// 李院长 (甲学院 副院长) and 陈主任 (甲系, under 甲学院) visit; 王院长 visits for 乙学院; a liaison of 乙学院 keeps the
    /// record of one of 李院长's visits. Visits on both sides of New Year, one planned, one cancelled.
    /// </summary>
    private async Task<World> ArrangeAsync()
    {
        var (dean, deanUser) = await _w.PersonAsync("陈主任", S.DeptJia, "系主任", null, Roles.Leader);
        var (liaison, _) = await _w.PersonAsync("刘联络员", S.CollegeYi, "办公室主任", null, Roles.Liaison);
        var (sun, _) = await _w.PersonAsync("孙老师", S.DeptJia, "讲师");

        var key = await _w.VisitAsync(deanUser!, new DateTime(2026, 1, 1, 9, 0, 0), [dean.Id], [S.StaffTwo.Id], VisitForm.KeyAppointment);
        var home = await _w.VisitAsync(S.Leader1, new DateTime(2026, 3, 5, 19, 30, 0), [S.LeaderOne.Id], [S.StaffOne.Id]);
        var team = await _w.VisitAsync(S.Leader1, new DateTime(2026, 6, 10, 20, 0, 0), [S.LeaderOne.Id, liaison.Id], [sun.Id, S.StaffTwo.Id],
            recorder: liaison.Id);
        var lastYear = await _w.VisitAsync(S.Leader1, new DateTime(2025, 12, 31, 20, 0, 0), [S.LeaderOne.Id], [S.StaffOne.Id]);
        var yi = await _w.VisitAsync(S.Leader2, new DateTime(2026, 4, 1, 19, 0, 0), [S.LeaderTwo.Id], [S.StaffTwo.Id]);
        var planned = await _w.VisitAsync(S.Leader1, new DateTime(2026, 11, 25, 19, 0, 0), [S.LeaderOne.Id], [S.StaffTwo.Id], done: false);
        var cancelled = await _w.VisitAsync(S.Leader1, new DateTime(2026, 5, 1, 19, 0, 0), [S.LeaderOne.Id], [S.StaffOne.Id], done: false);
        await S.Visits.CancelAsync(S.Leader1, cancelled, await _w.VersionAsync(cancelled), "改期");
        return new World(key, home, team, lastYear, yi, planned, cancelled);
    }

    private static string Cells(LedgerRow r) =>
        string.Join(" | ", r.Cells.Select(c => c ?? ""));

    [Fact]
    public async Task A_units_ledger_lists_its_leaders_done_visits_of_the_year_with_sub_units_in_date_order()
    {
        var w = await ArrangeAsync();

        var ledger = await _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, S.CollegeJia);

        Assert.Equal("甲学院", ledger.UnitName);
        Assert.Equal("甲示范学院", ledger.InstitutionName);
        Assert.Equal(2026, ledger.Year);
        Assert.Equal(
        [
            "1 | 1月1日 | 陈主任 | 系主任 | 赵老师 | 教师 | 重点约访",
            "2 | 3月5日 | 李院长 | 副院长 | 张老师 | 教师 | ",
            "3 | 6月10日 | 李院长 | 副院长 | 孙老师、赵老师 | 讲师、教师 | ",
        ], ledger.Rows.Select(Cells));
        Assert.Equal([w.KeyAppointment, w.Home, w.Team], ledger.Rows.Select(r => r.VisitId));
        Assert.Equal("甲示范学院廉政家访台账", ledger.Title);
        Assert.Equal("单位（部门）：甲学院　　2026 年度", ledger.Subtitle);
    }

    [Fact]
    public async Task The_unit_filter_is_the_visiting_leaders_unit_not_the_recorders_or_the_targets()
    {
        var w = await ArrangeAsync();

        var yi = await _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, S.CollegeYi);
        var dept = await _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, S.DeptJia);

        // The 乙学院 liaison kept the record of 李院长's visit: it is 甲学院's, not 乙学院's.
        Assert.Equal(["1 | 4月1日 | 王院长 | 院长 | 赵老师 | 教师 | "], yi.Rows.Select(Cells));
        Assert.Equal([w.Yi], yi.Rows.Select(r => r.VisitId));
        Assert.Equal([w.KeyAppointment], dept.Rows.Select(r => r.VisitId));

        // 本级: the unit's own leaders without its sub-units'.
        var own = await _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, S.CollegeJia, includeSubUnits: false);
        Assert.Equal("甲学院（本级）", own.UnitName);
        Assert.Equal([w.Home, w.Team], own.Rows.Select(r => r.VisitId));
    }

    [Fact]
    public async Task The_year_runs_from_1_January_to_31_December_by_the_actual_visit_date()
    {
        var w = await ArrangeAsync();

        var y2025 = await _w.Lianzheng.LedgerAsync(S.Zuzhi, 2025, S.CollegeJia);
        var y2026 = await _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, S.CollegeJia);

        Assert.Equal(["1 | 12月31日 | 李院长 | 副院长 | 张老师 | 教师 | "], y2025.Rows.Select(Cells));
        Assert.Equal([w.LastYear], y2025.Rows.Select(r => r.VisitId));
        Assert.DoesNotContain(w.LastYear, y2026.Rows.Select(r => r.VisitId));
        // Planned and cancelled visits are not in any ledger.
        Assert.DoesNotContain(y2026.Rows, r => r.VisitId == w.Planned || r.VisitId == w.Cancelled);
    }

    [Fact]
    public async Task Without_a_unit_the_ledger_is_the_institutions_and_a_leader_sees_only_the_visits_they_took_part_in()
    {
        var w = await ArrangeAsync();

        var all = await _w.Lianzheng.LedgerAsync(S.Jiwei, 2026, null);
        var own = await _w.Lianzheng.LedgerAsync(S.Leader2, 2026, null);
        var ownOfJia = await _w.Lianzheng.LedgerAsync(S.Leader2, 2026, S.CollegeJia);

        Assert.Equal("甲示范学院", all.UnitName);
        Assert.Equal([w.KeyAppointment, w.Home, w.Yi, w.Team], all.Rows.Select(r => r.VisitId));
        Assert.Equal([1, 2, 3, 4], all.Rows.Select(r => r.No));
        Assert.Equal([w.Yi], own.Rows.Select(r => r.VisitId));
        Assert.Empty(ownOfJia.Rows);
    }

    [Fact]
    public async Task The_ledger_has_the_annex_columns_and_refuses_a_bad_year_or_an_unknown_unit()
    {
        Assert.Equal(["序号", "时间", "家访领导姓名", "职务", "家访对象姓名", "职务", "备注"], Ledger.Columns);
        await Assert.ThrowsAsync<PortalValidationException>(() => _w.Lianzheng.LedgerAsync(S.Zuzhi, 1999, null));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, 999_999));
        // A unit of another institution is unknown here.
        var other = await _w.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .FirstAsync(db.OrgUnits, u => u.InstitutionId == S.InstitutionB));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, other.Id));
    }

    [Fact]
    public async Task The_xlsx_export_of_the_lianzheng_ledger_is_the_same_ledger_cell_by_cell()
    {
        await ArrangeAsync();
        var exports = new Core.Exports.ExportService(S.Db.Factory, [new LianzhengLedgerProvider(_w.Lianzheng)],
            new Core.Exports.CommonLedger(S.Db.Factory, _w.Catalog, S.Org, S.Rules), S.Clock);

        var table = await exports.LedgerAsync(S.Zuzhi, "lianzheng", 2026, S.CollegeJia);
        var rows = new List<string>();
        await foreach (var row in table.Rows) rows.Add(string.Join(" | ", row.Select(c => c ?? "")));

        var ledger = await _w.Lianzheng.LedgerAsync(S.Zuzhi, 2026, S.CollegeJia);
        Assert.Equal(ledger.Title, table.Title);
        Assert.Equal(ledger.Subtitle, table.Subtitle);
        Assert.Equal(Ledger.Columns, table.Columns);
        Assert.Equal(ledger.Rows.Select(Cells), rows);
        Assert.Equal(3, table.RowCount);
    }
}
