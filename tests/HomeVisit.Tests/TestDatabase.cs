using HomeVisit.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests;

/// <summary>
/// A real database migrated like production, dropped on dispose: by default a SQLite file in its own temp folder
/// (real files rather than in-memory databases so foreign keys, WAL and concurrency behave as deployed), or a fresh
/// database on the test run's PostgreSQL server (<see cref="PostgresServer"/>).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public PortalDatabaseProvider Provider { get; }
    public string Folder { get; }
    /// <summary>The SQLite file; on PostgreSQL there is none.</summary>
    public string FilePath { get; }
    public string ConnectionString { get; }
    public TimeProvider Clock { get; }
    public IDbContextFactory<PortalDbContext> Factory { get; }

    private TestDatabase(bool migrate, TimeProvider? clock, PortalDatabaseProvider provider, string? template = null)
    {
        Provider = provider;
        Folder = Path.Combine(Path.GetTempPath(), "homevisit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "test.db");
        Clock = clock ?? TimeProvider.System;
        if (provider == PortalDatabaseProvider.PostgreSQL)
        {
            ConnectionString = template is not null ? PostgresServer.CreateDatabase(template)
                : migrate ? PostgresServer.CreateMigratedDatabase()
                : PostgresServer.CreateDatabase();
            migrate = false;
        }
        else
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
        }
        var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(provider, ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;
        Factory = new PortalDbContextFactory(options, Clock);
        if (migrate)
        {
            using var db = Factory.CreateDbContext();
            db.Database.Migrate();
        }
    }

    /// <summary>A migrated database.</summary>
    public static TestDatabase Create(TimeProvider? clock = null, PortalDatabaseProvider provider = PortalDatabaseProvider.Sqlite) => new(migrate: true, clock, provider);

    /// <summary>An empty database with no schema, for tests that build the schema themselves.</summary>
    public static TestDatabase CreateEmpty(TimeProvider? clock = null, PortalDatabaseProvider provider = PortalDatabaseProvider.Sqlite) => new(migrate: false, clock, provider);

    /// <summary>A copy of <paramref name="template"/> (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL).</summary>
    public static TestDatabase CopyOf(TestDatabase template, TimeProvider? clock = null)
    {
        template.ReleaseConnections();
        if (template.Provider == PortalDatabaseProvider.PostgreSQL)
            return new TestDatabase(migrate: false, clock, template.Provider, PostgresServer.DatabaseName(template.ConnectionString));
        var copy = new TestDatabase(migrate: false, clock, template.Provider);
        File.Copy(template.FilePath, copy.FilePath);
        return copy;
    }

    public PortalDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>Closes this database's pooled connections (only this one's: clearing all pools would pull connections from under tests running in parallel).</summary>
    public void ReleaseConnections()
    {
        if (Provider == PortalDatabaseProvider.PostgreSQL)
        {
            PostgresServer.ReleaseForTemplate(ConnectionString);
            return;
        }
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    public void Dispose()
    {
        if (Provider == PortalDatabaseProvider.PostgreSQL)
        {
            try
            {
                PostgresServer.DropDatabase(ConnectionString);
            }
            catch (Npgsql.NpgsqlException)
            {
                // Best effort, as for the files: the cluster is thrown away after the run.
            }
        }
        else
        {
            ReleaseConnections();
        }
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
