using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Reminders;
using HomeVisit.Core.Scheduling;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HomeVisit.Tests.Scheduling;

/// <summary>Run on both providers: the lease is one conditional UPDATE, which each database must serialise.</summary>
public abstract class DailyJobSchedulerTests : IDisposable
{
    private readonly FakeClock _clock = FakeClock.AtBeijing(2026, 12, 1, 7, 0);
    private readonly TestDatabase _db;

    protected DailyJobSchedulerTests(PortalDatabaseProvider provider) => _db = TestDatabase.Create(_clock, provider);

    public void Dispose() => _db.Dispose();

    /// <summary>A scheduler as one portal instance has it: its own connection factory on the shared database file.</summary>
    private DailyJobScheduler Instance(params IDailyJob[] jobs)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(_db.Provider, _db.ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;
        return new DailyJobScheduler(new PortalDbContextFactory(options, _clock), jobs, _clock, NullLogger<DailyJobScheduler>.Instance);
    }

    private async Task<ScheduledJobState> StateAsync(string name)
    {
        await using var db = _db.CreateContext();
        return await db.ScheduledJobs.AsNoTracking().SingleAsync(s => s.Name == name);
    }

    [Fact]
    public async Task Two_instances_on_one_database_do_a_days_work_once_even_when_they_look_at_the_same_moment()
    {
        var runs = new Counter();
        var a = Instance(new CountingJob(runs));
        var b = Instance(new CountingJob(runs));

        for (var day = 0; day < 5; day++)
        {
            var ran = await Task.WhenAll(a.RunDueAsync(), b.RunDueAsync());
            Assert.Equal(1, ran.Sum(r => r.Count));
            Assert.Equal(day + 1, runs.Value);
            _clock.Advance(TimeSpan.FromDays(1));
        }
    }

    [Fact]
    public async Task While_one_instance_runs_the_job_the_other_leaves_it_and_does_not_run_it_again_afterwards()
    {
        var runs = new Counter();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Instance(new CountingJob(runs, started, release));
        var b = Instance(new CountingJob(runs));

        var runA = a.RunDueAsync();
        await started.Task;                       // a holds the lease and is working
        Assert.Empty(await b.RunDueAsync());
        Assert.Equal(a.InstanceId, (await StateAsync(CountingJob.Key)).LeaseOwner);
        release.SetResult();
        Assert.Equal([CountingJob.Key], await runA);
        Assert.Empty(await b.RunDueAsync());      // the occurrence is done

        Assert.Equal(1, runs.Value);
        var state = await StateAsync(CountingJob.Key);
        Assert.Null(state.LeaseOwner);
        Assert.Equal(a.InstanceId, state.LastRunBy);
    }

    [Fact]
    public async Task A_day_missed_while_the_portal_was_down_runs_at_start_and_the_daily_time_is_kept()
    {
        var runs = new Counter();
        Assert.Single(await Instance(new CountingJob(runs)).RunDueAsync()); // 12-01 07:00: today's 06:00 run
        _clock.Advance(TimeSpan.FromHours(12));
        Assert.Empty(await Instance(new CountingJob(runs)).RunDueAsync());   // 12-01 19:00: nothing new

        // Down from 12-01 19:00 until 12-03 05:00: the 06:00 run of 12-02 was missed.
        _clock.Advance(TimeSpan.FromHours(34));
        var restarted = Instance(new CountingJob(runs));
        Assert.Single(await restarted.RunDueAsync());
        Assert.Equal(InstitutionTime.ToUtc(new DateTime(2026, 12, 2, 6, 0, 0)), (await StateAsync(CountingJob.Key)).DoneThroughUtc);
        Assert.Equal(2, runs.Value);

        _clock.Advance(TimeSpan.FromMinutes(59));                          // 05:59
        Assert.Empty(await restarted.RunDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));                           // 06:00
        Assert.Single(await restarted.RunDueAsync());
        Assert.Equal(3, runs.Value);
    }

    [Fact]
    public async Task The_last_run_is_recorded_with_its_outcome_and_shown_to_system_admins_only()
    {
        var scheduler = Instance(new CountingJob(new Counter()), new FailingJob());
        var before = _clock.GetUtcNow().UtcDateTime;

        Assert.Equal(2, (await scheduler.RunDueAsync()).Count);

        var ok = await StateAsync(CountingJob.Key);
        Assert.Equal((JobOutcome.Succeeded, "运行 1 次"), (ok.LastOutcome, ok.LastDetail));
        Assert.Equal(before, ok.LastStartedUtc);
        Assert.NotNull(ok.LastFinishedUtc);
        var failed = await StateAsync("failing");
        Assert.Equal((JobOutcome.Failed, "运行失败：邮件服务器无法连接"), (failed.LastOutcome, failed.LastDetail));
        Assert.Empty(await scheduler.RunDueAsync());                       // a failed day is not retried in a loop

        await using var db = _db.CreateContext();
        await DemoSeeder.SeedAsync(db, _clock);
        var admin = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
        var leader = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader));
        var status = await scheduler.StatusAsync(admin);
        var counting = status.Single(s => s.Name == CountingJob.Key);
        Assert.Equal((JobOutcome.Succeeded, new DateTime(2026, 12, 1, 7, 0, 0), new DateTime(2026, 12, 2, 6, 0, 0)),
            (counting.Outcome, counting.LastStarted, counting.NextDue));
        Assert.Equal(JobOutcome.Failed, status.Single(s => s.Name == "failing").Outcome);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scheduler.StatusAsync(leader));
    }

    [Fact]
    public async Task Reminders_run_at_six_beijing_time_unless_switched_off()
    {
        var on = new ConfigurationBuilder().Build();
        var off = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" }).Build();

        var job = new ReminderJob(null!, on, _clock);
        Assert.True(job.Enabled);
        Assert.Equal(new TimeOnly(6, 0), job.At);
        Assert.False(new ReminderJob(null!, off, _clock).Enabled);
        Assert.Empty(await Instance(new ReminderJob(null!, off, _clock)).RunDueAsync()); // off: never run, nothing recorded
        await using var db = _db.CreateContext();
        Assert.False(await db.ScheduledJobs.AnyAsync());
    }

    private sealed class Counter
    {
        private int _value;
        public int Value => _value;
        public int Increment() => Interlocked.Increment(ref _value);
    }

    private sealed class CountingJob(Counter runs, TaskCompletionSource? started = null, TaskCompletionSource? release = null) : IDailyJob
    {
        public const string Key = "counting";
        public string Name => Key;
        public string Title => "计数";
        public TimeOnly At => new(6, 0);
        public bool Enabled => true;

        public async Task<string> RunAsync(CancellationToken ct)
        {
            var n = runs.Increment();
            started?.SetResult();
            if (release is not null) await release.Task;
            return $"运行 {n} 次";
        }
    }

    private sealed class FailingJob : IDailyJob
    {
        public string Name => "failing";
        public string Title => "失败";
        public TimeOnly At => new(0, 5);
        public bool Enabled => true;
        public Task<string> RunAsync(CancellationToken ct) => throw new IOException("邮件服务器无法连接");
    }
}

public sealed class DailyJobSchedulerTestsOnSqlite() : DailyJobSchedulerTests(PortalDatabaseProvider.Sqlite);

public sealed class DailyJobSchedulerTestsOnPostgreSql() : DailyJobSchedulerTests(PortalDatabaseProvider.PostgreSQL);

public sealed class ScheduledJobsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task System_admins_see_each_daily_jobs_last_run_on_the_institutions_page()
    {
        // The hosted scheduler may be running the escalation right now; then this finds the lease taken, and the
        // test waits until that run is recorded.
        await portal.Services.GetRequiredService<DailyJobScheduler>().RunDueAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = portal.OpenDatabase();
            var state = await db.ScheduledJobs.AsNoTracking().SingleAsync(s => s.Name == "ganbu-escalation");
            if (state.LastOutcome != JobOutcome.Running || DateTime.UtcNow > deadline) break;
            await Task.Delay(50);
        }
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);

        var page = await client.GetDocumentAsync("/admin/institutions");

        var escalation = page.QuerySelector("[data-testid=scheduled-jobs] tr[data-job=ganbu-escalation]")!;
        Assert.Contains("干部家访诉求逾期升级", escalation.TextContent);
        Assert.Contains("00:05", escalation.TextContent);
        Assert.Contains("成功", escalation.TextContent);
        Assert.Contains("升级逾期诉求", escalation.TextContent);
        var reminders = page.QuerySelector("[data-testid=scheduled-jobs] tr[data-job=reminders]")!;
        Assert.Contains("每日提醒", reminders.TextContent);
        Assert.Contains("已关闭", reminders.TextContent);   // Reminders:Enabled=false in the test host
    }
}
