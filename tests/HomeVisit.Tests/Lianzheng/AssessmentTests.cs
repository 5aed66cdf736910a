using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Programmes.Lianzheng;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>The year-end view for the 党风廉政建设 assessment (seed 1 §8(四)): each unit's completion of the year.</summary>
public sealed class AssessmentTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    private static string Row(AssessmentRow r) =>
        $"{r.UnitName}: {r.Visitors} visitors, {r.Met} met, {r.Behind} behind, {r.Done}/{r.Required} ({r.Percent}%), {r.VisitsDone} visits";

    [Fact]
    public async Task Each_units_visitors_with_quotas_how_many_met_them_the_completion_rate_and_the_visits_done_that_year()
    {
        // 甲学院: 李院长 (deputy) and 陈主任 of 甲系 (head of a department under the college); 乙学院: 王院长 (head).
        await _w.LeadsAsync(S.LeaderOne.Id, S.CollegeJia, LeadershipRole.Deputy);
        await _w.LeadsAsync(S.LeaderTwo.Id, S.CollegeYi, LeadershipRole.Head);
        var (dean, deanUser) = await _w.PersonAsync("陈主任", S.DeptJia, "系主任", null, Roles.Leader);
        await _w.LeadsAsync(dean.Id, S.DeptJia, LeadershipRole.Head);
        var extra = new List<int>();
        for (var i = 0; i < 4; i++) extra.Add((await _w.PersonAsync($"对象{i}", S.DeptJia, "讲师")).Person.Id);

        // 李院长 visits 4 different people (met), one of them twice; 陈主任 visits 1 of the 2 a department head owes.
        foreach (var (target, month) in extra.Select((t, i) => (t, i + 2)))
            await _w.VisitAsync(S.Leader1, new DateTime(2026, month, 10, 19, 0, 0), [S.LeaderOne.Id], [target]);
        await _w.VisitAsync(S.Leader1, new DateTime(2026, 9, 10, 19, 0, 0), [S.LeaderOne.Id], [extra[0]]);
        await _w.VisitAsync(deanUser!, new DateTime(2026, 5, 10, 19, 0, 0), [dean.Id], [S.StaffOne.Id]);
        // Last year's visit does not count, nor does one still planned.
        await _w.VisitAsync(S.Leader2, new DateTime(2025, 12, 20, 19, 0, 0), [S.LeaderTwo.Id], [S.StaffTwo.Id]);
        await _w.VisitAsync(S.Leader2, new DateTime(2026, 12, 5, 19, 0, 0), [S.LeaderTwo.Id], [S.StaffTwo.Id], done: false);

        var assessment = await _w.Lianzheng.AssessmentAsync(S.Jiwei, 2026);

        Assert.Equal("2026年度", assessment.PeriodLabel);
        Assert.Equal(
        [
            "甲学院: 2 visitors, 1 met, 1 behind, 5/6 (83%), 6 visits",
            "乙学院: 1 visitors, 0 met, 1 behind, 0/4 (0%), 0 visits",
        ], assessment.Units.Select(Row));
        Assert.Equal("全校（单位）合计: 3 visitors, 1 met, 2 behind, 5/10 (50%), 6 visits", Row(assessment.Total));

        var lastYear = await _w.Lianzheng.AssessmentAsync(S.Jiwei, 2025);
        Assert.Equal(1, lastYear.Total.VisitsDone);
    }

    [Fact]
    public async Task Only_the_programmes_overseers_and_rule_admins_see_the_assessment()
    {
        Assert.NotNull(await _w.Lianzheng.AssessmentAsync(S.Zuzhi, 2026));
        Assert.NotNull(await _w.Lianzheng.AssessmentAsync(S.Admin, 2026));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lianzheng.AssessmentAsync(S.Leader1, 2026));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lianzheng.AssessmentAsync(S.Staff1, 2026));
    }
}
