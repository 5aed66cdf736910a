using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HomeVisit.Core.Data;

/// <summary>One table's rows on both sides of a copy, and whether their checksums agree.</summary>
public sealed record TableCopy(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
}

/// <summary>
/// Copies every row of one portal database into another, empty one (<c>--migrate-to-postgres</c>, docs/operations.md):
/// the target is migrated first, tables are copied parents before children with their ids kept, and afterwards each
/// table is read back from both sides and compared by row count and a SHA-256 over every column of every row in key
/// order. Rows go through EF on both sides, so each provider reads and writes its own column types; no audit entries
/// are added and versions are kept (the copy is not an edit).
/// </summary>
public static class DatabaseCopy
{
    private const int Batch = 2000;

    public static async Task<IReadOnlyList<TableCopy>> CopyAsync(
        DbContextOptions<PortalDbContext> source, DbContextOptions<PortalDbContext> target, Action<string>? progress = null, CancellationToken ct = default)
    {
        await using (var db = new PortalDbContext(target))
        {
            await db.Database.MigrateAsync(ct);
            foreach (var type in Ordered(db.Model))
            {
                if (await CountAsync(db, type, ct) > 0)
                    throw new InvalidOperationException($"The target database is not empty (table {type.GetTableName()} has rows); copy only into a new, empty database.");
            }
        }

        List<IEntityType> types;
        await using (var db = new PortalDbContext(source)) types = Ordered(db.Model);
        foreach (var type in types)
        {
            var copied = await (Task<int>)Generic(nameof(CopyTableAsync), type).Invoke(null, [source, target, type, ct])!;
            progress?.Invoke($"{type.GetTableName()}: {copied}");
        }

        await using (var db = new PortalDbContext(target))
        {
            if (db.Database.ProviderName == PostgreSqlDatabase.ProviderName) await PostgreSqlDatabase.ResetIdentitiesAsync(db, ct);
        }

        return await VerifyAsync(source, target, ct);
    }

    /// <summary>Each table's row count and checksum on both sides.</summary>
    public static async Task<IReadOnlyList<TableCopy>> VerifyAsync(DbContextOptions<PortalDbContext> source, DbContextOptions<PortalDbContext> target, CancellationToken ct = default)
    {
        List<IEntityType> types;
        await using (var db = new PortalDbContext(source)) types = Ordered(db.Model);
        var report = new List<TableCopy>();
        foreach (var type in types)
        {
            var (sourceRows, sourceSum) = await ChecksumAsync(source, type, ct);
            var (targetRows, targetSum) = await ChecksumAsync(target, type, ct);
            report.Add(new TableCopy(type.GetTableName()!, sourceRows, targetRows, sourceSum, targetSum));
        }
        return report;
    }

    /// <summary>Entity types with parents before children (a table's references to itself aside), so foreign keys hold as rows arrive.</summary>
    internal static List<IEntityType> Ordered(IModel model)
    {
        var pending = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || ordered.Contains(fk.PrincipalEntityType)))
                        ?? throw new InvalidOperationException("The model's foreign keys form a cycle between tables; the copy cannot order them.");
            ordered.Add(ready);
            pending.Remove(ready);
        }
        return ordered;
    }

    private static MethodInfo Generic(string name, IEntityType type)
        => typeof(DatabaseCopy).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.ClrType);

    private static Task<long> CountAsync(PortalDbContext db, IEntityType type, CancellationToken ct)
        => (Task<long>)Generic(nameof(CountOfAsync), type).Invoke(null, [db, ct])!;

    private static Task<long> CountOfAsync<T>(PortalDbContext db, CancellationToken ct) where T : class => db.Set<T>().LongCountAsync(ct);

    private static async Task<int> CopyTableAsync<T>(DbContextOptions<PortalDbContext> source, DbContextOptions<PortalDbContext> target, IEntityType type, CancellationToken ct) where T : class
    {
        // A table that refers to itself (org units, visit chains) goes in one save, which EF orders parent first.
        var selfReferencing = type.GetForeignKeys().Any(fk => fk.PrincipalEntityType == type);
        await using var from = new PortalDbContext(source);
        var rows = KeyOrdered(from.Set<T>().AsNoTracking(), type).AsAsyncEnumerable();
        var batch = new List<T>();
        var total = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            batch.Add(row);
            if (!selfReferencing && batch.Count >= Batch) total += await SaveAsync(target, batch, ct);
        }
        if (batch.Count > 0) total += await SaveAsync(target, batch, ct);
        return total;
    }

    private static async Task<int> SaveAsync<T>(DbContextOptions<PortalDbContext> target, List<T> batch, CancellationToken ct) where T : class
    {
        await using var to = new PortalDbContext(target) { CopyingRows = true };
        to.ChangeTracker.AutoDetectChangesEnabled = false;
        to.Set<T>().AddRange(batch);
        await to.SaveChangesAsync(ct);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private static IQueryable<T> KeyOrdered<T>(IQueryable<T> query, IEntityType type) where T : class
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in type.FindPrimaryKey()!.Properties)
            ordered = ordered is null ? query.OrderBy(e => EF.Property<object>(e, key.Name)) : ordered.ThenBy(e => EF.Property<object>(e, key.Name));
        return ordered ?? query;
    }

    private static async Task<(long Rows, string Checksum)> ChecksumAsync(DbContextOptions<PortalDbContext> options, IEntityType type, CancellationToken ct)
    {
        await using var db = new PortalDbContext(options);
        return await (Task<(long, string)>)Generic(nameof(ChecksumOfAsync), type).Invoke(null, [db, ct])!;
    }

    private static async Task<(long, string)> ChecksumOfAsync<T>(PortalDbContext db, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var properties = type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        await foreach (var row in KeyOrdered(db.Set<T>().AsNoTracking(), type).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            var entry = db.Entry(row);
            foreach (var p in properties) hash.AppendData(Encoding.UTF8.GetBytes(Canonical(entry.Property(p.Name).CurrentValue) + "\u001f"));
            hash.AppendData("\u001e"u8);
        }
        return (rows, Convert.ToHexString(hash.GetHashAndReset()));
    }

    // The same value reads back with another DateTime.Kind on another provider (SQLite keeps none), and PostgreSQL keeps
    // microseconds where SQLite's text keeps 100-nanosecond ticks: times are compared to the microsecond, which is all
    // a PostgreSQL copy can hold (the seventh decimal of a second is dropped by the copy, documented in docs/operations.md).
    private static string Canonical(object? value) => value switch
    {
        null => "\u0000",
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
