using HomeVisit.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Ganbu;

/// <summary>
/// Escalates overdue requests once a day (shortly after midnight, Beijing time), and once a minute after start-up, so a
/// handler who opens nothing still sees the request move on. The same check also runs whenever requests are read.
/// </summary>
public sealed class GanbuEscalationWorker(GanbuRequestService requests, TimeProvider clock, ILogger<GanbuEscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
                var count = await requests.EscalateAllAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Escalated {Count} overdue 干部家访 requests.", count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The daily escalation of overdue 干部家访 requests failed; it runs again tomorrow.");
            }
            var now = clock.Now();
            delay = now.Date.AddDays(1).AddMinutes(5) - now;
        }
    }
}
