using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;

namespace HomeVisit.Tests.Calendar;

/// <summary>Issue 16 item 5: the calendar's reschedule path (VisitService.RescheduleAsync) refuses a move into the past.</summary>
public sealed class RescheduleRuleTests : IDisposable
{
    private readonly Scenario s = new();

    public void Dispose() => s.Dispose();

    [Fact]
    public async Task A_planned_visit_cannot_be_moved_into_the_past_but_to_a_later_day_at_its_own_time()
    {
        var id = await s.PlannedVisitAsync();
        var version = (await s.VisitRowAsync(id)).Version;
        var yesterday = s.Clock.Today.AddDays(-1).AddHours(19);

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => s.Visits.RescheduleAsync(s.Leader1, id, version, yesterday));
        Assert.StartsWith("不能改期到已经过去的时间", e.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal(s.Clock.Today.AddDays(1).AddHours(19), (await s.VisitRowAsync(id)).PlannedStart);

        await s.Visits.RescheduleAsync(s.Leader1, id, version, s.Clock.Today.AddDays(3).AddHours(19));
        Assert.Equal(s.Clock.Today.AddDays(3).AddHours(19), (await s.VisitRowAsync(id)).PlannedStart);
    }

    [Fact]
    public void A_visit_dropped_on_a_day_of_the_month_view_keeps_its_time_of_day()
    {
        var at16 = new DateTime(2026, 11, 24, 16, 0, 0);
        // Month view: the slot is the whole day (00:00), the offset the calendar gives is slot minus start.
        var monthSlot = new DateTime(2026, 11, 26);
        Assert.Equal(new DateTime(2026, 11, 26, 16, 0, 0), Core.Calendar.CalendarService.DroppedStart(at16, monthSlot, monthSlot - at16));
        // Week view: the slot carries its time.
        var weekSlot = new DateTime(2026, 11, 26, 9, 30, 0);
        Assert.Equal(weekSlot, Core.Calendar.CalendarService.DroppedStart(at16, weekSlot, weekSlot - at16));
    }

    [Fact]
    public void A_day_picked_for_a_new_plan_gets_an_evening_time_not_midnight()
    {
        Assert.Equal(new DateTime(2026, 11, 26, 19, 0, 0), VisitTimes.WithDefaultTime(null, new DateTime(2026, 11, 26)));
        Assert.Equal(new DateTime(2026, 11, 27, 15, 30, 0), VisitTimes.WithDefaultTime(new DateTime(2026, 11, 26, 15, 30, 0), new DateTime(2026, 11, 27)));
        Assert.Equal(new DateTime(2026, 11, 27, 9, 0, 0), VisitTimes.WithDefaultTime(null, new DateTime(2026, 11, 27, 9, 0, 0)));
    }
}
