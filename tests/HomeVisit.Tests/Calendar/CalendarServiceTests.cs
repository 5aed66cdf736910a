using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Ical.Net;
using IcalCalendar = Ical.Net.Calendar;

namespace HomeVisit.Tests.Calendar;

public sealed class CalendarServiceTests : IDisposable
{
    private readonly Scenario _s = new();
    private readonly CalendarService _calendar;

    public CalendarServiceTests()
    {
        _calendar = new CalendarService(_s.Db.Factory, new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules), _s.Org, _s.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CalendarService>.Instance);
    }

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_feed_holds_only_its_owners_visits_and_nothing_sensitive()
    {
        var mine = await _s.PlannedVisitAsync(); // leader 1 visits 张老师 at 张老师家中
        var plan = _s.PlanForLeaderOne();
        plan.VisitorIds = [_s.LeaderTwo.Id];
        var theirs = await _s.Visits.SavePlanAsync(_s.Leader2, plan);
        var token = await _calendar.CreateFeedAsync(_s.Leader1, "手机");

        var ics = await _calendar.RenderFeedAsync(token, "https://portal.example");

        var events = IcalCalendar.Load(ics!)!.Events;
        var e = Assert.Single(events);
        Assert.Equal($"visit-{mine}-inst-{_s.InstitutionA}@homevisit", e.Uid);
        Assert.Equal("廉政家访：张老师", e.Summary);
        Assert.Equal($"https://portal.example/visits/{mine}", e.Url!.OriginalString);
        Assert.DoesNotContain("张老师家中", ics);                   // the place can be a home address
        Assert.DoesNotContain($"visit-{theirs}-", ics);
        Assert.DoesNotContain("LOCATION", ics);
    }

    [Fact]
    public async Task A_reschedule_or_cancellation_keeps_the_uid_and_raises_the_sequence()
    {
        var id = await _s.PlannedVisitAsync();
        var token = await _calendar.CreateFeedAsync(_s.Leader1, null);
        var before = Assert.Single(IcalCalendar.Load((await _calendar.RenderFeedAsync(token, "https://p"))!)!.Events);

        var visit = await _s.Visits.GetAsync(_s.Leader1, id);
        await _s.Visits.RescheduleAsync(_s.Leader1, id, visit.Version, visit.PlannedStart.AddDays(1));
        var moved = Assert.Single(IcalCalendar.Load((await _calendar.RenderFeedAsync(token, "https://p"))!)!.Events);
        visit = await _s.Visits.GetAsync(_s.Leader1, id);
        await _s.Visits.CancelAsync(_s.Leader1, id, visit.Version, "家属外出");
        var cancelled = Assert.Single(IcalCalendar.Load((await _calendar.RenderFeedAsync(token, "https://p"))!)!.Events);

        Assert.Equal(before.Uid, moved.Uid);
        Assert.Equal(before.Uid, cancelled.Uid);
        Assert.True(moved.Sequence > before.Sequence);
        Assert.True(cancelled.Sequence > moved.Sequence);
        Assert.NotEqual(before.DtStart!.Value, moved.DtStart!.Value);
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task Unknown_and_revoked_tokens_give_nothing_and_only_the_owner_can_revoke()
    {
        var token = await _calendar.CreateFeedAsync(_s.Leader1, null);
        var feed = Assert.Single(await _calendar.FeedsAsync(_s.Leader1));

        Assert.Null(await _calendar.RenderFeedAsync("not-a-token", "https://p"));
        await Assert.ThrowsAsync<NotFoundException>(() => _calendar.RevokeFeedAsync(_s.Leader2, feed.Id));
        Assert.NotNull(await _calendar.RenderFeedAsync(token, "https://p"));

        await _calendar.RevokeFeedAsync(_s.Leader1, feed.Id);
        Assert.Null(await _calendar.RenderFeedAsync(token, "https://p"));
        Assert.Empty(await _calendar.FeedsAsync(_s.Leader2));
    }

    [Fact]
    public async Task A_confidential_programme_appears_in_the_feed_only_as_a_bare_work_appointment()
    {
        var rules = await _s.Rules.CurrentRulesAsync(_s.InstitutionA, "huifang");
        rules.Targets |= TargetScope.InEstablishmentStaff;
        rules.MinTeamSize = 1;
        rules.PlanNeedsApproval = false;
        await _s.Rules.SaveAsync(_s.Jiwei, "huifang", rules, new DateOnly(2026, 1, 1), null);
        await _s.Visits.SavePlanAsync(_s.Jiwei, new VisitPlan
        {
            ProgrammeKey = "huifang", Form = VisitForm.HeartTalk, PlannedStart = _s.Clock.Today.AddDays(2).AddHours(15),
            VisitorIds = [_s.DisciplinePerson.Id], TargetPersonIds = [_s.StaffTwo.Id],
        });
        var token = await _calendar.CreateFeedAsync(_s.Jiwei, null);

        var ics = (await _calendar.RenderFeedAsync(token, "https://p"))!;

        var e = Assert.Single(IcalCalendar.Load(ics)!.Events);
        Assert.Equal("工作安排", e.Summary);
        Assert.DoesNotContain("回访", ics);
        Assert.DoesNotContain(_s.StaffTwo.Name, ics);
    }

    [Fact]
    public async Task Overlapping_visits_of_the_same_visitor_are_reported_without_revealing_what_the_user_cannot_see()
    {
        var first = await _s.PlannedVisitAsync(); // tomorrow 19:00–20:30, leader 1
        var start = _s.Clock.Today.AddDays(1).AddHours(20);

        var conflicts = await _calendar.ConflictsAsync(_s.Leader1, [_s.LeaderOne.Id], start, start.AddHours(1), excludeVisitId: null);
        var seenByOther = await _calendar.ConflictsAsync(_s.Leader2, [_s.LeaderOne.Id], start, start.AddHours(1), excludeVisitId: null);
        var afterwards = await _calendar.ConflictsAsync(_s.Leader1, [_s.LeaderOne.Id], start.AddMinutes(30), start.AddHours(2), excludeVisitId: null);
        var itself = await _calendar.ConflictsAsync(_s.Leader1, [_s.LeaderOne.Id], start, start.AddHours(1), excludeVisitId: first);

        Assert.Equal(first, Assert.Single(conflicts).VisitId);
        var hidden = Assert.Single(seenByOther);
        Assert.Null(hidden.VisitId);
        Assert.Equal(_s.LeaderOne.Name, hidden.PersonName);
        Assert.Empty(afterwards); // 20:30 is where the first one ends
        Assert.Empty(itself);
    }

    [Fact]
    public async Task Rescheduling_checks_the_programme_rules_again()
    {
        var plan = _s.PlanForLeaderOne();
        plan.ProgrammeKey = "qinglian";
        plan.PlannedStart = _s.Clock.Today.AddDays(5).AddHours(19);
        var id = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        var visit = await _s.Visits.GetAsync(_s.Leader1, id);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _s.Visits.RescheduleAsync(_s.Leader1, id, visit.Version, _s.Clock.Today.AddDays(2).AddHours(19)));
        Assert.Contains("3 天", error.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal(plan.PlannedStart, (await _s.VisitRowAsync(id)).PlannedStart);

        await _s.Visits.RescheduleAsync(_s.Leader1, id, visit.Version, _s.Clock.Today.AddDays(4).AddHours(9));
        Assert.Equal(_s.Clock.Today.AddDays(4).AddHours(9), (await _s.VisitRowAsync(id)).PlannedStart);
    }

    [Fact]
    public async Task My_calendar_spans_programmes_and_the_overview_is_for_overseers()
    {
        await _s.PlannedVisitAsync();
        var from = _s.Clock.Today;
        var mine = await _calendar.MyEntriesAsync(_s.Leader1, from, from.AddDays(30));
        Assert.Single(mine);
        Assert.Empty(await _calendar.MyEntriesAsync(_s.Leader2, from, from.AddDays(30)));
        Assert.Single(await _calendar.OverviewEntriesAsync(_s.Zuzhi, _s.CollegeJia, null, from, from.AddDays(30)));
        Assert.Empty(await _calendar.OverviewEntriesAsync(_s.Zuzhi, _s.CollegeYi, null, from, from.AddDays(30)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _calendar.OverviewEntriesAsync(_s.Leader1, null, null, from, from.AddDays(30)));
    }

    [Fact]
    public async Task A_day_long_visit_that_starts_the_evening_before_a_range_is_in_it_and_one_that_ends_as_it_starts_is_not()
    {
        // The range query looks back only the longest a visit may last (Visit.MaxDuration), so the edge is checked here.
        var day = _s.Clock.Today.AddDays(10);
        var plan = _s.PlanForLeaderOne();
        plan.PlannedStart = day.AddDays(-1).AddMinutes(30); // 00:30 the day before, for 24 hours: ends at 00:30 on the day
        plan.DurationMinutes = (int)Visit.MaxDuration.TotalMinutes;
        plan.AcceptWarnings = true;
        var overlapping = await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        plan = _s.PlanForLeaderOne();
        plan.VisitorIds = [_s.LeaderTwo.Id];
        plan.PlannedStart = day.AddHours(-1); // 23:00 the day before, for an hour: ends as the day starts
        plan.DurationMinutes = 60;
        plan.AcceptWarnings = true;
        var endsAtStart = await _s.Visits.SavePlanAsync(_s.Leader2, plan);

        Assert.Equal([overlapping], (await _calendar.MyEntriesAsync(_s.Leader1, day, day.AddDays(1))).Select(e => e.VisitId));
        Assert.Equal([overlapping], (await _calendar.OverviewEntriesAsync(_s.Zuzhi, null, null, day, day.AddDays(1))).Select(e => e.VisitId));
        Assert.Empty(await _calendar.MyEntriesAsync(_s.Leader2, day, day.AddDays(1)));
        Assert.Equal([endsAtStart], (await _calendar.MyEntriesAsync(_s.Leader2, day.AddDays(-1), day)).Select(e => e.VisitId));
    }
}
