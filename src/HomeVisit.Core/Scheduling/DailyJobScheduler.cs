using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Scheduling;

/// <summary>The state of one daily job as the admins see it; times in Beijing time.</summary>
public sealed record DailyJobStatus(
    string Name, string Title, bool Enabled, TimeOnly At, DateTime? LastStarted, DateTime? LastFinished, JobOutcome? Outcome,
    string? Detail, string? RunBy, DateTime NextDue);

/// <summary>
/// The portal's one scheduler for daily work (reminders at 06:00, 干部家访 escalation after midnight). Every instance
/// runs this loop; the <c>ScheduledJobs</c> row makes only one of them do each occurrence: an instance takes the job
/// with a single UPDATE that succeeds only while the occurrence is not done and no other instance holds an unexpired
/// lease, so the database decides and no two instances can both see "free". A crashed instance's lease expires and
/// another takes the job over. At start (and every few minutes) the latest occurrence due is compared with the last
/// one done, so a day missed while the portal was down runs at once; several missed days run once, for today.
/// </summary>
public sealed class DailyJobScheduler(
    IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<IDailyJob> jobs, TimeProvider clock, ILogger<DailyJobScheduler> logger)
    : BackgroundService
{
    /// <summary>How long a run may take before another instance may assume this one died.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>How often an idle instance looks again, to take over a job whose runner died.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);

    /// <summary>Lets the portal finish starting (migrations, seeding) before the first run.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(20);

    /// <summary>Unique per scheduler, also across instances on one host.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Any(j => j.Enabled)) return;
        try
        {
            await Task.Delay(StartDelay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly unavailable; the next look retries.
                    logger.LogError(e, "The daily job scheduler could not check its jobs.");
                }
                await Task.Delay(UntilNextLook(), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs every enabled job whose latest occurrence is not done and that no other instance is running; returns the names of the jobs this instance ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken ct = default)
    {
        var ran = new List<string>();
        foreach (var job in jobs.Where(j => j.Enabled))
        {
            if (await TryRunAsync(job, ct)) ran.Add(job.Name);
        }
        return ran;
    }

    /// <summary>The last and next runs of every job; system admins only.</summary>
    public async Task<IReadOnlyList<DailyJobStatus>> StatusAsync(PortalUser user, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.SystemAdmin)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ScheduledJobState>().AsNoTracking().ToDictionaryAsync(s => s.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return jobs.OrderBy(j => j.At).Select(j =>
        {
            var row = rows.GetValueOrDefault(j.Name);
            return new DailyJobStatus(j.Name, j.Title, j.Enabled, j.At,
                row?.LastStartedUtc?.ToInstitutionTime(), row?.LastFinishedUtc?.ToInstitutionTime(), row?.LastOutcome, row?.LastDetail, row?.LastRunBy,
                InstitutionTime.FromUtc(LatestDueUtc(j, now).AddDays(1)));
        }).ToList();
    }

    /// <summary>The latest occurrence at or before now, as a UTC instant.</summary>
    internal static DateTime LatestDueUtc(IDailyJob job, DateTime nowUtc)
    {
        var beijing = InstitutionTime.FromUtc(nowUtc);
        var due = beijing.Date + job.At.ToTimeSpan();
        if (due > beijing) due = due.AddDays(-1);
        return DateTime.SpecifyKind(InstitutionTime.ToUtc(due), DateTimeKind.Utc);
    }

    private TimeSpan UntilNextLook()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = jobs.Where(j => j.Enabled).Select(j => LatestDueUtc(j, now).AddDays(1) - now).DefaultIfEmpty(Poll).Min();
        return next < Poll ? next : Poll;
    }

    private async Task<bool> TryRunAsync(IDailyJob job, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = LatestDueUtc(job, now);
        await EnsureRowAsync(job.Name, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var leaseUntil = now + Lease;
            var taken = await db.Set<ScheduledJobState>()
                .Where(s => s.Name == job.Name && (s.DoneThroughUtc == null || s.DoneThroughUtc < due) &&
                            (s.LeaseUntilUtc == null || s.LeaseUntilUtc < now))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.LeaseOwner, InstanceId)
                    .SetProperty(s => s.LeaseUntilUtc, leaseUntil)
                    .SetProperty(s => s.LastStartedUtc, now)
                    .SetProperty(s => s.LastFinishedUtc, (DateTime?)null)
                    .SetProperty(s => s.LastOutcome, JobOutcome.Running)
                    .SetProperty(s => s.LastDetail, (string?)null)
                    .SetProperty(s => s.LastRunBy, InstanceId), ct);
            if (taken == 0)
            {
                // At Debug only (every few minutes per job and instance); it tells an operator, and the two-process test,
                // that this instance looked and left the occurrence to the one that did or does it.
                logger.LogDebug("The daily job {Job} for {Due:u} is done or running on another instance; not taken.", job.Name, due);
                return false;
            }
        }

        JobOutcome outcome;
        string detail;
        try
        {
            logger.LogInformation("Running the daily job {Job} for {Due:u}.", job.Name, due);
            detail = await job.RunAsync(ct);
            outcome = JobOutcome.Succeeded;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down mid-run: give the job back undone, so this or another instance runs it at once.
            await FinishAsync(job.Name, null, JobOutcome.Failed, "门户停止，任务中断，将在下次启动时补运行。");
            throw;
        }
        catch (Exception e)
        {
            // As before the scheduler: a failed day is not retried in a loop; it is shown to the admins and runs again tomorrow.
            logger.LogError(e, "The daily job {Job} failed; it runs again at its next time.", job.Name);
            outcome = JobOutcome.Failed;
            detail = "运行失败：" + e.Message;
        }
        await FinishAsync(job.Name, due, outcome, detail);
        return true;
    }

    private async Task FinishAsync(string name, DateTime? done, JobOutcome outcome, string detail)
    {
        var finished = clock.GetUtcNow().UtcDateTime;
        var text = detail.Length > 1000 ? detail[..1000] : detail;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var query = db.Set<ScheduledJobState>().Where(s => s.Name == name && s.LeaseOwner == InstanceId);
        if (done is { } through)
        {
            await query.ExecuteUpdateAsync(u => u
                .SetProperty(s => s.DoneThroughUtc, through)
                .SetProperty(s => s.LastFinishedUtc, finished)
                .SetProperty(s => s.LastOutcome, outcome)
                .SetProperty(s => s.LastDetail, text)
                .SetProperty(s => s.LeaseOwner, (string?)null)
                .SetProperty(s => s.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        }
        else
        {
            await query.ExecuteUpdateAsync(u => u
                .SetProperty(s => s.LastFinishedUtc, finished)
                .SetProperty(s => s.LastOutcome, outcome)
                .SetProperty(s => s.LastDetail, text)
                .SetProperty(s => s.LeaseOwner, (string?)null)
                .SetProperty(s => s.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        }
    }

    private async Task EnsureRowAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<ScheduledJobState>().AnyAsync(s => s.Name == name, ct)) return;
        db.Set<ScheduledJobState>().Add(new ScheduledJobState { Name = name });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row first; the lease UPDATE decides who runs.
        }
    }
}

public static class DailyJobServiceCollectionExtensions
{
    /// <summary>Adds a job to the portal's one daily scheduler.</summary>
    public static IServiceCollection AddDailyJob<TJob>(this IServiceCollection services) where TJob : class, IDailyJob
    {
        services.AddSingleton<IDailyJob, TJob>();
        return services;
    }
}
