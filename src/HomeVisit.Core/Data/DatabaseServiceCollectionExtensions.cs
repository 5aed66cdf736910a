using HomeVisit.Core.Demo;
using HomeVisit.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Data;

/// <summary>Which database engine holds the portal's data (<c>Database:Provider</c>).</summary>
public enum PortalDatabaseProvider
{
    /// <summary>One file beside the portal; the default for one institution on one server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; for several portal instances or a large system (docs/operations.md).</summary>
    PostgreSQL,
}

public static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Portal";
    public const string ProviderKey = "Database:Provider";
    public const string DemoSeedKey = "Demo:Seed";

    /// <summary>
    /// Registers <see cref="IDbContextFactory{PortalDbContext}"/> on the configured provider (<c>Database:Provider</c>,
    /// SQLite unless told otherwise) with <c>ConnectionStrings:Portal</c> (on SQLite by default
    /// <c>&lt;ContentRoot&gt;/data/homevisit.db</c>), and <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var provider = Provider(configuration);
        var connectionString = ResolveConnectionString(configuration, env);
        if (provider == PortalDatabaseProvider.Sqlite)
        {
            SqliteMigrations.EnsureDataFolder(connectionString);
            // PostgreSQL's autovacuum keeps its statistics; SQLite's are kept by a daily job.
            services.AddDailyJob<SqliteStatisticsJob>();
        }
        services.TryAddSingleton(TimeProvider.System);
        // The modules registered by the host's AddProgrammes() contribute their entities to the one model.
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>((sp, options) =>
            options.UsePortalDatabase(provider, connectionString).UseProgrammeModels(sp.GetServices<Programmes.IProgrammeModule>()));
        return services;
    }

    /// <summary>The configured provider; an unknown name stops the start rather than silently using SQLite.</summary>
    public static PortalDatabaseProvider Provider(IConfiguration configuration)
    {
        var configured = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(configured)) return PortalDatabaseProvider.Sqlite;
        return Enum.TryParse<PortalDatabaseProvider>(configured.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} is \"{configured}\"; use Sqlite or PostgreSQL.");
    }

    /// <summary>The provider with the portal's migrations assembly for it; use it wherever a context is configured.</summary>
    public static TBuilder UsePortalDatabase<TBuilder>(this TBuilder builder, PortalDatabaseProvider provider, string connectionString) where TBuilder : DbContextOptionsBuilder
        => provider == PortalDatabaseProvider.PostgreSQL ? builder.UsePortalPostgreSql(connectionString) : builder.UsePortalSqlite(connectionString);

    /// <summary>
    /// The configured connection string. On SQLite, the default file under the content root when none is set, and a
    /// relative file name taken relative to the content root rather than the working directory, so <c>dotnet run</c>
    /// from another folder opens the same database. PostgreSQL needs one configured.
    /// </summary>
    public static string ResolveConnectionString(IConfiguration configuration, IHostEnvironment env)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (Provider(configuration) == PortalDatabaseProvider.Sqlite) return SqliteMigrations.Resolve(configured, env.ContentRootPath);
        return string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException($"{ProviderKey} is PostgreSQL but ConnectionStrings:{ConnectionStringName} is not set.")
            : configured;
    }

    /// <summary>
    /// The portal's data folder for files beside the database (uploads by default): the SQLite file's folder, else
    /// <c>&lt;content root&gt;/data</c>. Several instances share uploads only through <c>Uploads:Root</c> on a shared path.
    /// </summary>
    public static string DataFolder(IConfiguration configuration, IHostEnvironment env)
        => (Provider(configuration) == PortalDatabaseProvider.Sqlite ? SqliteMigrations.DataFolder(ResolveConnectionString(configuration, env)) : null)
           ?? Path.Combine(env.ContentRootPath, "data");

    public const string UploadsRootKey = "Uploads:Root";

    /// <summary>
    /// Where uploaded files live (a module's scans, say): <c>Uploads:Root</c> if set (a shared path when several instances
    /// serve), else an <c>uploads</c> folder in the data folder (beside the SQLite database file, by default
    /// &lt;content root&gt;/data/uploads), so uploads live with the data and never in wwwroot. Backups take this folder.
    /// </summary>
    public static string UploadsRoot(IConfiguration configuration, IHostEnvironment env)
    {
        if (configuration[UploadsRootKey] is { Length: > 0 } configured)
            return Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(env.ContentRootPath, configured));
        return Path.Combine(DataFolder(configuration, env), "uploads");
    }

    /// <summary>
    /// Brings the database to the current schema and, when <c>Demo:Seed</c> is set outside production,
    /// fills an empty database with the demo institution. Call once at start-up, before serving requests.
    /// Several instances starting together on PostgreSQL are safe: EF's migration lock lets one migrate at a time.
    /// </summary>
    public static async Task InitialisePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var env = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseServiceCollectionExtensions).FullName!);
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite()) await SqliteMigrations.MigrateAsync(db, logger, cancellationToken);
        else await db.Database.MigrateAsync(cancellationToken);

        if (!configuration.GetValue<bool>(DemoSeedKey)) return;
        if (env.IsProduction())
        {
            logger.LogWarning("{Key} is set but the environment is Production; the demo data is not seeded.", DemoSeedKey);
            return;
        }
        if (await DemoSeeder.SeedAsync(db, services.GetRequiredService<TimeProvider>(), cancellationToken))
            logger.LogInformation("Seeded the demo institution {Name}; demo accounts use the password in DemoAccounts.", DemoAccounts.InstitutionName);
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
