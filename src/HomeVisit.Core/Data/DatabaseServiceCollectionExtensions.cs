using HomeVisit.Core.Demo;
using Microsoft.Data.Sqlite;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Portal";
    public const string DemoSeedKey = "Demo:Seed";

    /// <summary>
    /// Registers <see cref="IDbContextFactory{PortalDbContext}"/> on SQLite (<c>ConnectionStrings:Portal</c>,
    /// by default <c>&lt;ContentRoot&gt;/data/homevisit.db</c>) and <see cref="TimeProvider.System"/> unless a
    /// clock is already registered.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var connectionString = ResolveConnectionString(configuration, env);
        EnsureDataFolder(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        // The modules registered by the host's AddProgrammes() contribute their entities to the one model.
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>((sp, options) =>
            options.UsePortalSqlite(connectionString).UseProgrammeModels(sp.GetServices<Programmes.IProgrammeModule>()));
        return services;
    }

    /// <summary>
    /// The configured SQLite connection string, or the default file under the content root. A relative
    /// file name is taken relative to the content root rather than the working directory, so
    /// <c>dotnet run</c> from another folder opens the same database.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment env)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var builder = string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(env.ContentRootPath, "data", "homevisit.db") }
            : new SqliteConnectionStringBuilder(configured);
        if (IsFile(builder) && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(env.ContentRootPath, builder.DataSource));
        return builder.ToString();
    }

    /// <summary>
    /// Brings the database to the current schema and, when <c>Demo:Seed</c> is set outside production,
    /// fills an empty database with the demo institution. Call once at start-up, before serving requests.
    /// </summary>
    public static async Task InitialisePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseServiceCollectionExtensions).FullName!);
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            EnsureDataFolder(db.Database.GetConnectionString());
            await AdoptHandWrittenHistoryAsync(db, logger, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers (the pages) carry on while a writer saves; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!configuration.GetValue<bool>(DemoSeedKey)) return;
        if (env.IsProduction())
        {
            logger.LogWarning("{Key} is set but the environment is Production; the demo data is not seeded.", DemoSeedKey);
            return;
        }
        if (await DemoSeeder.SeedAsync(db, services.GetRequiredService<TimeProvider>(), cancellationToken))
            logger.LogInformation("Seeded the demo institution {Name}; demo accounts use the password in DemoAccounts.", DemoAccounts.InstitutionName);
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
        if (!applied.Contains(SqliteMigrations.LastHandWritten)) return;
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

    private static void EnsureDataFolder(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!IsFile(builder) || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

/// <summary>
/// Hands out contexts that stamp audit entries with the registered clock, so a test's fake
/// <see cref="TimeProvider"/> reaches the audit log too.
/// </summary>
internal sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, TimeProvider clock) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => new(options) { Clock = clock };
}
