using HomeVisit.Core.Audit;
using System.Data.Common;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Security;

/// <summary>
/// Issue 13 item 20: the audit log is append-only in the database itself, not only in PortalDbContext: whoever opens the
/// file cannot change an entry or delete a recent one. Entries older than the 180-day minimum retention may go.
/// </summary>
public sealed class AuditLogTests
{
    private TestDatabase _db = null!;

    private async Task<long> AddEntryAsync(DateTime at)
    {
        await using var db = _db.CreateContext();
        var entry = new AuditEntry { InstitutionId = 1, At = at, UserName = "leader", Action = AuditActions.Read, EntityType = "Person", EntityId = "7" };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private async Task<int> ExecuteAsync(string sql)
    {
        await using var db = _db.CreateContext();
        return await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_database_refuses_to_change_any_entry_or_delete_a_recent_one_but_lets_old_ones_go(PortalDatabaseProvider provider)
    {
        using var database = _db = TestDatabase.Create(provider: provider);
        var recent = await AddEntryAsync(DateTime.UtcNow.AddDays(-1));
        var old = await AddEntryAsync(DateTime.UtcNow.AddDays(-AuditEntry.MinimumRetentionDays - 20));

        var update = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone-else' WHERE \"Id\" = {old}"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {recent}"));
        var deletedOld = await ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {old}");

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.Equal(1, deletedOld);
        await using var db = _db.CreateContext();
        Assert.Equal(["leader"], await db.AuditEntries.Where(a => a.Id == recent).Select(a => a.UserName!).ToListAsync());
    }
}
