using HomeVisit.Core.Data;
using HomeVisit.Core.Scheduling;
using Microsoft.Extensions.Configuration;

namespace HomeVisit.Core.Reminders;

/// <summary>Records the day's reminders (and sends the optional email digests) at 06:00 Beijing time; off with <c>Reminders:Enabled=false</c>.</summary>
public sealed class ReminderJob(ReminderService reminders, IConfiguration configuration, TimeProvider clock) : IDailyJob
{
    public string Name => "reminders";

    public string Title => "每日提醒";

    public TimeOnly At => new(6, 0);

    public bool Enabled => configuration.GetValue("Reminders:Enabled", true);

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var added = await reminders.GenerateAsync(clock.Today(), ct);
        return $"新增提醒 {added} 条";
    }
}
