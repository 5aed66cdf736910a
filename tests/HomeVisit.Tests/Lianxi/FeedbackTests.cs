using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Core.Visits;

namespace HomeVisit.Tests.Lianxi;

/// <summary>四、3: a problem raised by teachers and students is forwarded to a department, registered there, answered, and the leader sees the answer.</summary>
public sealed class FeedbackTests : IDisposable
{
    private readonly LianxiWorld _w = new();

    [Fact]
    public async Task Forwarded_registered_answered_and_the_leader_sees_the_answer()
    {
        var visit = await _w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(11, 2), branch: _w.S.BranchJia);
        var id = await _w.Feedback.RaiseAsync(_w.S.Leader1, new FeedbackRaise
        {
            VisitId = visit, Kind = FollowUpKind.Suggestion, Summary = "实训设备老化", RaisedByName = "学生党员代表", ResponsibleUnitId = _w.S.CollegeYi,
        });

        // 乙学院's head (王院长, whose unit it is) handles it; the leader who raised it does not.
        var inbox = await _w.Feedback.ListAsync(_w.S.Leader2, new FeedbackQuery(FeedbackScope.MyUnit));
        var row = Assert.Single(inbox.Items);
        Assert.True(row.CanRegister);
        Assert.Empty((await _w.Feedback.ListAsync(_w.S.Leader1, new FeedbackQuery(FeedbackScope.MyUnit))).Items);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Feedback.RegisterAsync(_w.S.Staff1, id, row.Version));

        var early = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Feedback.AnswerAsync(_w.S.Leader2, id, new FollowUpClose { Version = row.Version, Resolution = "x", Feedback = "y" }));
        Assert.Equal("请先登记该问题，再答复办理结果。", early.Errors["Resolution"]);

        await _w.Feedback.RegisterAsync(_w.S.Leader2, id, row.Version);
        row = (await _w.Feedback.ListAsync(_w.S.Leader2, new FeedbackQuery(FeedbackScope.MyUnit))).Items.Single();
        Assert.Equal(FollowUpStatus.InProgress, row.Status);
        Assert.Equal("王院长", row.RegisteredBy);
        await _w.Feedback.AnswerAsync(_w.S.Leader2, id, new FollowUpClose { Version = row.Version, Resolution = "已列入年度设备更新计划。", Feedback = "已向学生党员代表和李院长说明。" });

        var mine = (await _w.Feedback.ListAsync(_w.S.Leader1, new FeedbackQuery(FeedbackScope.Raised))).Items.Single();
        Assert.Equal((FollowUpStatus.Resolved, "乙学院", "已列入年度设备更新计划。", "已向学生党员代表和李院长说明。"),
            (mine.Status, mine.UnitName, mine.Resolution, mine.Feedback));
        // The same item under 跟踪事项.
        Assert.Equal("已列入年度设备更新计划。", (await _w.FollowUps.GetAsync(_w.S.Leader1, id)).Resolution);
    }

    [Fact]
    public async Task A_forwarded_problem_needs_what_was_raised_by_whom_and_the_department()
    {
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Feedback.RaiseAsync(_w.S.Leader1, new FeedbackRaise()));

        Assert.Equal("请填写反映的问题。", error.Errors[nameof(FeedbackRaise.Summary)]);
        Assert.Equal("请填写反映问题的师生。", error.Errors[nameof(FeedbackRaise.RaisedByName)]);
        Assert.Equal("请选择转交的责任部门。", error.Errors[nameof(FeedbackRaise.ResponsibleUnitId)]);
        var branch = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Feedback.RaiseAsync(_w.S.Leader1,
            new FeedbackRaise { Summary = "x", RaisedByName = "学生", ResponsibleUnitId = _w.S.BranchJia }));
        Assert.Equal("所选部门不存在。", branch.Errors[nameof(FeedbackRaise.ResponsibleUnitId)]);
    }

    public void Dispose() => _w.Dispose();
}
