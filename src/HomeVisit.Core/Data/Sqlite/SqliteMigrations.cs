using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Data;

/// <summary>
/// Everything the portal does differently on SQLite: where its generated migrations live (their own assembly, so that
/// each provider keeps its own set; docs/decisions/0006-dotnet-ef-migrations.md), the data folder, WAL, and the
/// adoption of databases made by the hand-written migrations.
/// </summary>
public static class SqliteMigrations
{
    public const string AssemblyName = "HomeVisit.Migrations.Sqlite";

    /// <summary>The last hand-written migration; a database that has it is at the schema of the generated baseline.</summary>
    public const string LastHandWritten = "20261121070000_Calendar";

    /// <summary>SQLite with the portal's migrations assembly; use it wherever a context is configured.</summary>
    public static TBuilder UsePortalSqlite<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(AssemblyName));
        builder.AddInterceptors(SqliteConnectionTuning.Instance);
        // The migrations are the whole product's, made from the model of the core and every module; a portal built with
        // a module left out has that module's tables without mapping them, which must not stop it from migrating. A
        // forgotten migration is caught by MigrationSchemaTests on the composed model instead.
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.PendingModelChangesWarning, LogLevel.Warning)));
        return builder;
    }

    /// <summary>The configured connection string, or the default file; a relative file is taken from the content root.</summary>
    internal static string Resolve(string? configured, string contentRoot)
    {
        var builder = string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(contentRoot, "data", "homevisit.db") }
            : new SqliteConnectionStringBuilder(configured);
        if (IsFile(builder) && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        return builder.ToString();
    }

    /// <summary>The folder of the database file, or null for an in-memory database.</summary>
    internal static string? DataFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!IsFile(builder) || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        return Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
    }

    internal static void EnsureDataFolder(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        if (DataFolder(connectionString) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
    }

    internal static async Task MigrateAsync(PortalDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        EnsureDataFolder(db.Database.GetConnectionString());
        await AdoptHandWrittenHistoryAsync(db, logger, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers (the pages) carry on while a writer saves; the setting persists in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// A database made before the move to generated migrations has every hand-written migration applied, which
    /// is exactly the generated baseline's schema: record the baseline as applied so that only later migrations run.
    /// </summary>
    internal static async Task AdoptHandWrittenHistoryAsync(PortalDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken)) return;
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        if (!applied.Contains(LastHandWritten)) return;
        var baseline = db.Database.GetMigrations().First();
        if (applied.Contains(baseline)) return;
        var productVersion = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "10.0";
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, productVersion)), cancellationToken);
        logger.LogInformation("Adopted a database made by hand-written migrations: recorded {Baseline} as applied.", baseline);
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder)
        => builder.Mode != SqliteOpenMode.Memory
           && !string.IsNullOrEmpty(builder.DataSource)
           && !string.Equals(builder.DataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
}
