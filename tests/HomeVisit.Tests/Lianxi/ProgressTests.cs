using HomeVisit.Core.Data;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Lianxi;

/// <summary>Semester counts per link (seed 4 四、1, 四、2), the record table and the semester summary (四、5).</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly LianxiWorld _w = new();

    private async Task ArrangeSemesterAsync()
    {
        await _w.LinkLeaderOneAsync();
        // Branch 1: two activities, one report done and one planned, a talk with its secretary.
        await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(10, 10), branch: _w.S.BranchJia);
        await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(10, 20), branch: _w.S.BranchJia);
        await _w.ActivityAsync(LianxiForms.BranchReport, LianxiWorld.At(11, 2), branch: _w.S.BranchJia);
        await _w.ActivityAsync(LianxiForms.BranchReport, LianxiWorld.At(12, 1), branch: _w.S.BranchJia, done: false);
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(11, 5), person: _w.Secretary.Id, record: "与支部书记谈心，了解发展党员工作。");
        // Branch 2: one activity.
        await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(10, 12), branch: _w.BranchTwo);
        // 张老师: two talks and a visit in illness.
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(9, 15), person: _w.S.StaffOne.Id);
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(11, 18), person: _w.S.StaffOne.Id);
        await _w.ActivityAsync(VisitForm.HomeVisit, LianxiWorld.At(11, 10), person: _w.S.StaffOne.Id, occasion: "罹患重大疾病", record: "到医院看望慰问。");
        // 教师02: one talk done and one planned; one in the spring semester and one cancelled do not count.
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(10, 8), person: _w.Teacher2.Id);
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(12, 3), person: _w.Teacher2.Id, done: false);
        await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(8, 20), person: _w.Teacher2.Id);
        var cancelled = await _w.ActivityAsync(VisitForm.HeartTalk, LianxiWorld.At(12, 10), person: _w.Teacher2.Id, done: false);
        await _w.Visits.CancelAsync(_w.S.Leader1, cancelled, (await _w.Visits.GetAsync(_w.S.Leader1, cancelled)).Version, "改期");
    }

    [Fact]
    public async Task Each_link_counts_its_own_activities_in_the_semester()
    {
        await ArrangeSemesterAsync();

        var p = await _w.Progress.ProgressAsync(_w.S.Leader1, _w.S.LeaderOne.Id);

        Assert.Equal("2026-2027学年第一学期", p.Period.Label);
        var one = p.Branches.Single(b => b.Link.BranchId == _w.S.BranchJia);
        Assert.Equal((2, 2, 0), (one.Activities.Done, one.Activities.Required, one.Activities.Planned));
        Assert.Equal((1, 2, 1), (one.Reports.Done, one.Reports.Required, one.Reports.Planned));
        Assert.Equal((1, 1), (one.SecretaryTalks.Done, one.SecretaryTalks.Required));
        Assert.Equal("教师01", one.Secretary);
        Assert.False(one.Met);
        var two = p.Branches.Single(b => b.Link.BranchId == _w.BranchTwo);
        Assert.Equal((1, 0, 0), (two.Activities.Done, two.Reports.Done, two.SecretaryTalks.Done));

        var staff = p.Individuals.Single(i => i.Link.PersonId == _w.S.StaffOne.Id);
        Assert.Equal((2, 2), (staff.Talks.Done, staff.Talks.Required));
        Assert.True(staff.Met);
        Assert.Equal(["罹患重大疾病"], staff.CareVisits.Select(c => c.Occasion));
        var teacher = p.Individuals.Single(i => i.Link.PersonId == _w.Teacher2.Id);
        Assert.Equal((1, 1), (teacher.Talks.Done, teacher.Talks.Planned));
        Assert.False(p.Met);
    }

    [Fact]
    public async Task A_leader_sees_only_their_own_progress_and_overseers_and_the_office_see_everyones()
    {
        await _w.LinkLeaderOneAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Progress.ProgressAsync(_w.S.Leader2, _w.S.LeaderOne.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Progress.RecordTableAsync(_w.S.Staff1, _w.S.LeaderOne.Id));
        Assert.Equal("李院长", (await _w.Progress.ProgressAsync(_w.S.Zuzhi, _w.S.LeaderOne.Id)).Name);
        Assert.Equal("李院长", (await _w.Progress.ProgressAsync(_w.Office, _w.S.LeaderOne.Id)).Name);
    }

    [Fact]
    public async Task The_record_table_lists_the_links_and_each_done_activity_with_its_date_and_account()
    {
        await ArrangeSemesterAsync();

        var t = await _w.Progress.RecordTableAsync(_w.S.Leader1, _w.S.LeaderOne.Id);

        Assert.Equal(("李院长", "副院长"), (t.Name, t.Position));
        Assert.Equal(["甲学院第一党支部", "甲学院第二党支部"], t.Branches.Order());
        Assert.Equal(["张老师（专家）", "教师02（青年教师）"], t.Individuals);
        Assert.Equal(9, t.Entries.Count);
        Assert.Equal(new DateTime(2026, 9, 15, 15, 0, 0), t.Entries[0].When);
        Assert.Contains(t.Entries, e => e.Text == "谈心谈话（教师01）：与支部书记谈心，了解发展党员工作。");
        Assert.Contains(t.Entries, e => e.Text == "走访慰问（张老师），事由：罹患重大疾病：到医院看望慰问。");
        Assert.DoesNotContain(t.Entries, e => e.When.Month == 8);
    }

    [Fact]
    public async Task The_semester_summary_adds_up_per_leader_per_college_and_school_wide()
    {
        await ArrangeSemesterAsync();
        await _w.Links.SaveBranchesAsync(_w.S.Zuzhi, new BranchLinksEdit { LeaderId = _w.S.LeaderTwo.Id, BranchIds = [_w.BranchTwo], StartsOn = LianxiWorld.At(9, 1), ConfirmOutsideCollege = true });

        var s = await _w.Progress.SummaryAsync(_w.Office);

        Assert.Equal(["甲学院", "乙学院"], s.Units.Select(u => u.UnitName));
        var jia = s.Units[0].Leaders.Single();
        // 2 branches × (2 + 2 + 1) + 2 individuals × 2 = 14 required; done capped per line: 2+1+1 + 1+0+0 + 2+1 = 8.
        Assert.Equal((14, 8, 1, false), (jia.Required, jia.Done, jia.CareVisits, jia.Met));
        Assert.Contains("甲学院第一党支部：听取支部工作汇报差 1 次", jia.Shortfalls);
        var yi = s.Units[1].Leaders.Single();
        Assert.Equal((5, 0), (yi.Required, yi.Done));
        Assert.Contains("联系对象 0 名，不足 2 名（三、2）", yi.Shortfalls);
        Assert.Equal((2, 0, 19, 8), (s.Total.Leaders.Count, s.Total.MetCount, s.Total.Required, s.Total.Done));

        var college = await _w.Progress.SummaryAsync(_w.Office, unitId: _w.S.CollegeYi);
        Assert.Equal(["王院长"], college.Total.Leaders.Select(l => l.Name));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Progress.SummaryAsync(_w.S.Leader1));
    }

    public void Dispose() => _w.Dispose();
}
