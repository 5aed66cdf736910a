using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Services;

/// <summary>Run on both providers: <see cref="FollowUpServiceTestsOnSqlite"/> and <see cref="FollowUpServiceTestsOnPostgreSql"/>.</summary>
public abstract class FollowUpServiceTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly Scenario _s = new(provider);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task An_item_raised_from_a_visit_takes_the_visits_programme_and_is_open()
    {
        var (visitId, id) = await _s.VisitWithFollowUpAsync();

        var row = Assert.Single((await _s.FollowUps.ListAsync(_s.Leader1, new FollowUpQuery(VisitId: visitId))).Items);
        Assert.Equal(id, row.Id);
        Assert.Equal("lianzheng", row.ProgrammeKey);
        Assert.Equal(FollowUpStatus.Open, row.Status);
        Assert.Equal("张老师", row.RaisedBy);
        Assert.Equal("李院长", row.OwnerName);
        Assert.False(row.IsOverdue);
    }

    [Fact]
    public async Task Only_a_visitor_or_oversight_may_raise_an_item_on_a_visit()
    {
        var visitId = await _s.PlannedVisitAsync();
        var raise = new FollowUpRaise { VisitId = visitId, Summary = "无关人员登记的事项" };

        await Assert.ThrowsAsync<NotFoundException>(() => _s.FollowUps.RaiseAsync(_s.Leader2, raise));
        await Assert.ThrowsAsync<NotFoundException>(() => _s.FollowUps.RaiseAsync(_s.LeaderB, raise));
        await _s.FollowUps.RaiseAsync(_s.Jiwei, new FollowUpRaise { VisitId = visitId, Summary = "纪委登记的事项" });

        Assert.Equal(["纪委登记的事项"], await _s.ReadAsync(db => db.FollowUpItems.Select(f => f.Summary).ToArrayAsync()));
    }

    [Fact]
    public async Task Resolving_needs_both_the_resolution_and_the_feedback()
    {
        var (_, id) = await _s.VisitWithFollowUpAsync();
        var version = (await _s.FollowUpRowAsync(id)).Version;

        var none = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.FollowUps.ResolveAsync(_s.Leader1, id, new FollowUpClose { Version = version }));
        var onlyResolution = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.FollowUps.ResolveAsync(_s.Leader1, id, new FollowUpClose { Version = version, Resolution = "已联系街道" }));

        Assert.Equal("请填写办理结果。", none.Errors[nameof(FollowUpClose.Resolution)]);
        Assert.Equal("请填写反馈情况。", none.Errors[nameof(FollowUpClose.Feedback)]);
        Assert.Equal([nameof(FollowUpClose.Feedback)], onlyResolution.Errors.Keys.ToArray());
        Assert.Equal(FollowUpStatus.Open, (await _s.FollowUpRowAsync(id)).Status);

        await _s.FollowUps.ResolveAsync(_s.Leader1, id, new FollowUpClose { Version = version, Resolution = "已联系街道", Feedback = "已告知本人" });

        var item = await _s.FollowUpRowAsync(id);
        Assert.Equal(FollowUpStatus.Resolved, item.Status);
        Assert.Equal("已告知本人", item.Feedback);
        Assert.Equal(_s.Clock.GetUtcNow().UtcDateTime, item.ClosedAt);
        Assert.Equal(_s.Leader1.UserId, item.ClosedByUserId);
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_a_closed_item_cannot_be_closed_again()
    {
        var (_, id) = await _s.VisitWithFollowUpAsync();
        var version = (await _s.FollowUpRowAsync(id)).Version;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.FollowUps.WithdrawAsync(_s.Leader1, id, version, ""));
        Assert.Equal("请填写撤回原因。", error.Errors["WithdrawReason"]);
        Assert.Equal(FollowUpStatus.Open, (await _s.FollowUpRowAsync(id)).Status);

        await _s.FollowUps.WithdrawAsync(_s.Leader1, id, version, "本人已自行解决");
        var item = await _s.FollowUpRowAsync(id);
        Assert.Equal(FollowUpStatus.Withdrawn, item.Status);
        Assert.Equal("本人已自行解决", item.WithdrawReason);

        var again = await Assert.ThrowsAsync<PortalValidationException>(() => _s.FollowUps.ResolveAsync(_s.Leader1, id,
            new FollowUpClose { Version = item.Version, Resolution = "结果", Feedback = "反馈" }));
        Assert.Equal("该事项已办结或已撤回。", again.Errors["Status"]);
    }

    [Fact]
    public async Task Nothing_is_ever_deleted_the_service_has_no_delete_and_closed_items_stay_listed()
    {
        var (_, id) = await _s.VisitWithFollowUpAsync();
        var version = (await _s.FollowUpRowAsync(id)).Version;
        await _s.FollowUps.WithdrawAsync(_s.Leader1, id, version, "重复登记");

        Assert.DoesNotContain(typeof(FollowUpService).GetMethods(), m => m.Name.Contains("Delete") || m.Name.Contains("Remove"));
        var all = await _s.FollowUps.ListAsync(_s.Jiwei, new FollowUpQuery());
        Assert.Equal(FollowUpStatus.Withdrawn, Assert.Single(all.Items).Status);
        Assert.Empty((await _s.FollowUps.ListAsync(_s.Jiwei, new FollowUpQuery(OpenOnly: true))).Items);
    }

    [Fact]
    public async Task Overdue_means_the_deadline_is_before_today_in_beijing()
    {
        // Raised with deadlines today and tomorrow; then the clock moves on one day at a time.
        var (visitId, dueToday) = await _s.VisitWithFollowUpAsync(deadline: _s.Clock.Today);
        var dueTomorrow = await _s.FollowUps.RaiseAsync(_s.Leader1, new FollowUpRaise
        {
            VisitId = visitId, Summary = "明天到期", Deadline = _s.Clock.Today.AddDays(1),
        });

        async Task<int[]> Overdue() =>
            (await _s.FollowUps.ListAsync(_s.Leader1, new FollowUpQuery(OverdueOnly: true))).Items.Select(f => f.Id).ToArray();

        Assert.Empty(await Overdue());

        // 23:59 the same day: still not overdue.
        _s.Clock.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(59));
        Assert.Empty(await Overdue());

        // Just after midnight: yesterday's deadline is overdue, today's is not.
        _s.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal([dueToday], await Overdue());
        var rows = (await _s.FollowUps.ListAsync(_s.Leader1, new FollowUpQuery())).Items;
        Assert.True(rows.Single(r => r.Id == dueToday).IsOverdue);
        Assert.False(rows.Single(r => r.Id == dueTomorrow).IsOverdue);

        // Resolving an overdue item takes it off the overdue list.
        var version = (await _s.FollowUpRowAsync(dueToday)).Version;
        await _s.FollowUps.ResolveAsync(_s.Leader1, dueToday, new FollowUpClose { Version = version, Resolution = "已办", Feedback = "已反馈" });
        Assert.Empty(await Overdue());
    }

    [Fact]
    public async Task A_deadline_in_the_past_is_refused()
    {
        var visitId = await _s.PlannedVisitAsync();

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.FollowUps.RaiseAsync(_s.Leader1,
            new FollowUpRaise { VisitId = visitId, Summary = "事项", Deadline = _s.Clock.Today.AddDays(-1) }));

        Assert.Equal("办理期限不能早于今天。", error.Errors[nameof(FollowUpRaise.Deadline)]);
    }

    [Fact]
    public async Task Two_people_closing_the_same_item_the_first_wins()
    {
        var (_, id) = await _s.VisitWithFollowUpAsync();
        var version = (await _s.FollowUpRowAsync(id)).Version;

        await _s.FollowUps.StartAsync(_s.Leader1, id, version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _s.FollowUps.WithdrawAsync(_s.Jiwei, id, version, "纪委撤回"));

        var item = await _s.FollowUpRowAsync(id);
        Assert.Equal(FollowUpStatus.InProgress, item.Status);
        Assert.Null(item.WithdrawReason);
    }

    [Fact]
    public async Task Another_leader_does_not_see_the_item()
    {
        var (_, id) = await _s.VisitWithFollowUpAsync();
        var version = (await _s.FollowUpRowAsync(id)).Version;

        Assert.Empty((await _s.FollowUps.ListAsync(_s.Leader2, new FollowUpQuery())).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => _s.FollowUps.WithdrawAsync(_s.Leader2, id, version, "不是我的"));
        Assert.Equal(FollowUpStatus.Open, (await _s.FollowUpRowAsync(id)).Status);
    }
}

public sealed class FollowUpServiceTestsOnSqlite() : FollowUpServiceTests(PortalDatabaseProvider.Sqlite);

public sealed class FollowUpServiceTestsOnPostgreSql() : FollowUpServiceTests(PortalDatabaseProvider.PostgreSQL);
