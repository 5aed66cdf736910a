using HomeVisit.Core.Scheduling;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// Escalates overdue requests once a day shortly after midnight, Beijing time, so a handler who opens nothing still
/// sees the request move on. The same check also runs whenever requests are read, so running it late is harmless.
/// </summary>
public sealed class GanbuEscalationJob(GanbuRequestService requests) : IDailyJob
{
    public string Name => "ganbu-escalation";

    public string Title => "干部家访诉求逾期升级";

    public TimeOnly At => new(0, 5);

    public bool Enabled => true;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var count = await requests.EscalateAllAsync(ct);
        return $"升级逾期诉求 {count} 件";
    }
}
