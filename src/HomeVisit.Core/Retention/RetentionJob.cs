using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Core.Retention;

/// <summary>How long notifications and audit entries are kept (<c>Retention:*</c>, docs/operations.md).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Off: nothing is deleted, the tables grow.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days a notification (reminder) is kept after it was recorded, read or not.</summary>
    public int NotificationDays { get; set; } = 180;

    /// <summary>Days an audit entry is kept; at least <see cref="AuditEntry.MinimumRetentionDays"/>, which the database enforces too.</summary>
    public int AuditDays { get; set; } = 1095;
}

/// <summary>Refuses a retention the rules do not allow; the portal does not start with one (ValidateOnStart).</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public const int MaximumDays = 36500;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        if (options.AuditDays < AuditEntry.MinimumRetentionDays || options.AuditDays > MaximumDays)
            failures.Add($"Retention:AuditDays is {options.AuditDays}; audit entries are kept at least {AuditEntry.MinimumRetentionDays} days (and at most {MaximumDays}).");
        if (options.NotificationDays < 1 || options.NotificationDays > MaximumDays)
            failures.Add($"Retention:NotificationDays is {options.NotificationDays}; use 1 to {MaximumDays} days.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Deletes notifications and audit entries older than their retention, daily at 03:30 Beijing time on one instance.
/// Deletes in batches, so a first run on a large database neither holds a long write lock on SQLite nor one huge
/// transaction on PostgreSQL.
/// </summary>
public sealed class RetentionJob(IDbContextFactory<PortalDbContext> dbFactory, IOptions<RetentionOptions> options, TimeProvider clock) : IDailyJob
{
    private const int Batch = 5000;

    public string Name => "retention";

    public string Title => "清理过期提醒和审计记录";

    public TimeOnly At => new(3, 30);

    public bool Enabled => options.Value.Enabled;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notificationsBefore = now.AddDays(-options.Value.NotificationDays);
        var auditBefore = now.AddDays(-options.Value.AuditDays);
        var notifications = await DeleteNotificationsAsync(notificationsBefore, ct);
        var audit = await DeleteAuditAsync(auditBefore, ct);
        return $"删除提醒 {notifications} 条（{options.Value.NotificationDays} 天前），审计记录 {audit} 条（{options.Value.AuditDays} 天前）";
    }

    private async Task<int> DeleteNotificationsAsync(DateTime before, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ids = await db.Notifications.Where(n => n.CreatedAt < before).OrderBy(n => n.Id).Select(n => n.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) return total;
            total += await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(ct);
        }
    }

    private async Task<int> DeleteAuditAsync(DateTime before, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ids = await db.AuditEntries.Where(a => a.At < before).OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) return total;
            total += await db.AuditEntries.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }
    }
}
