using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Reminders;

/// <summary>Runs the reminders shortly after start and then every day at 06:00 Beijing time.</summary>
public sealed class ReminderJob(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reminders:Enabled", true)) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(20), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await services.GetRequiredService<ReminderService>().GenerateAsync(ct: stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The reminder job failed; it runs again tomorrow.");
                }
                await Task.Delay(UntilNextRun(), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private TimeSpan UntilNextRun()
    {
        var now = Data.BeijingTime.Now(clock);
        var next = now.Date.AddHours(6);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }
}
