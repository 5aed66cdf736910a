using HomeVisit.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests;

/// <summary>
/// A real SQLite file in its own temp folder, migrated like production, deleted on dispose.
/// Real files rather than in-memory databases so foreign keys, WAL and concurrency behave as deployed.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public string Folder { get; }
    public string FilePath { get; }
    public string ConnectionString { get; }
    public TimeProvider Clock { get; }
    public IDbContextFactory<PortalDbContext> Factory { get; }

    private TestDatabase(bool migrate, TimeProvider? clock)
    {
        Folder = Path.Combine(Path.GetTempPath(), "homevisit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "test.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
        Clock = clock ?? TimeProvider.System;
        var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;
        Factory = new PortalDbContextFactory(options, Clock);
        if (migrate)
        {
            using var db = Factory.CreateDbContext();
            db.Database.Migrate();
        }
    }

    /// <summary>A migrated database.</summary>
    public static TestDatabase Create(TimeProvider? clock = null) => new(migrate: true, clock);

    /// <summary>An empty file with no schema, for tests that build the schema themselves.</summary>
    public static TestDatabase CreateEmpty(TimeProvider? clock = null) => new(migrate: false, clock);

    public PortalDbContext CreateContext() => Factory.CreateDbContext();

    public void Dispose()
    {
        // Pooled connections keep the file open; release this file's only (clearing all pools would
        // pull connections from under tests running in parallel).
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

/// <summary>A clock standing still at a given instant.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
