using HomeVisit.Core;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Reminders;
using HomeVisit.Core.Retention;
using HomeVisit.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Scheduling;

/// <summary>
/// Old notifications and audit entries are deleted by the daily retention job, recent ones kept; a retention that would
/// keep the audit log under 180 days stops the portal from starting.
/// </summary>
public sealed class RetentionJobTests
{
    [Theory]
    [InlineData(PortalDatabaseProvider.Sqlite)]
    [InlineData(PortalDatabaseProvider.PostgreSQL)]
    public async Task The_job_deletes_what_is_past_its_retention_and_keeps_the_rest(PortalDatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider: provider);
        await using (var db = database.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
        var now = DateTime.UtcNow;
        int institution, user;
        await using (var db = database.CreateContext())
        {
            var account = await db.UserAccounts.FirstAsync(a => a.UserName == DemoAccounts.Leader);
            (institution, user) = (account.InstitutionId, account.Id);
            foreach (var days in new[] { 400, 200, 30 })
                db.AuditEntries.Add(new AuditEntry { InstitutionId = institution, At = now.AddDays(-days), Action = AuditActions.Update, EntityType = "Test", EntityId = $"{days}" });
            foreach (var days in new[] { 100, 10 })
                db.Notifications.Add(new Notification { InstitutionId = institution, UserId = user, Kind = ReminderKinds.UpcomingVisit, Title = "测试", DedupKey = $"retention-{days}", CreatedAt = now.AddDays(-days) });
            await db.SaveChangesAsync();
        }
        var auditBefore = await CountAsync(database, db => db.AuditEntries.CountAsync());

        var job = new RetentionJob(database.Factory, Options.Create(new RetentionOptions { AuditDays = 365, NotificationDays = 60 }), TimeProvider.System);
        var summary = await job.RunAsync(CancellationToken.None);

        Assert.Contains("审计记录 1 条", summary);
        Assert.Equal(["200", "30"], await CountAsync(database, db => db.AuditEntries.Where(a => a.EntityType == "Test").OrderBy(a => a.EntityId).Select(a => a.EntityId!).ToListAsync()));
        Assert.Equal(auditBefore - 1, await CountAsync(database, db => db.AuditEntries.CountAsync()));
        var keys = await CountAsync(database, db => db.Notifications.Where(n => n.DedupKey.StartsWith("retention-")).Select(n => n.DedupKey).ToListAsync());
        Assert.Equal(["retention-10"], keys);

        // The shortest allowed audit retention: what is older than 180 days goes, and the database lets it.
        await new RetentionJob(database.Factory, Options.Create(new RetentionOptions { AuditDays = 180 }), TimeProvider.System).RunAsync(CancellationToken.None);
        Assert.Equal(["30"], await CountAsync(database, db => db.AuditEntries.Where(a => a.EntityType == "Test").Select(a => a.EntityId!).ToListAsync()));
    }

    [Theory]
    [InlineData("90", null, "at least 180 days")]
    [InlineData("0", null, "at least 180 days")]
    [InlineData(null, "0", "NotificationDays")]
    public void A_retention_the_rules_do_not_allow_stops_the_start(string? auditDays, string? notificationDays, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retention:AuditDays"] = auditDays,
            ["Retention:NotificationDays"] = notificationDays,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddPortalCoreServices(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_defaults_are_valid_and_the_job_is_on_the_daily_scheduler()
    {
        var configuration = new ConfigurationBuilder().Build();
        var collection = new ServiceCollection().AddLogging().AddPortalCoreServices(configuration);
        using var services = collection.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        Assert.True(options.AuditDays >= AuditEntry.MinimumRetentionDays);
        Assert.Contains(collection, d => d.ServiceType == typeof(IDailyJob) && d.ImplementationType == typeof(RetentionJob));
    }

    private static async Task<T> CountAsync<T>(TestDatabase database, Func<PortalDbContext, Task<T>> query)
    {
        await using var db = database.CreateContext();
        return await query(db);
    }
}
