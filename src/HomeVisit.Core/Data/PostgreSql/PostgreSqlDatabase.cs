using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace HomeVisit.Core.Data;

/// <summary>
/// Everything the portal does differently on PostgreSQL (docs/decisions/0014-postgresql.md): its migrations assembly,
/// the two kinds of time columns, and the readiness of a server. SQL of its own lives in its migrations
/// (<c>src/HomeVisit.Migrations.PostgreSQL</c>) and here, nowhere else.
/// </summary>
public static class PostgreSqlDatabase
{
    public const string AssemblyName = "HomeVisit.Migrations.PostgreSQL";
    public const string ProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>PostgreSQL with the portal's PostgreSQL migrations assembly; use it wherever a context is configured.</summary>
    public static TBuilder UsePortalPostgreSql<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(AssemblyName));
        // The migrations are the whole product's, made from the model of the core and every module; a portal built with
        // a module left out has that module's tables without mapping them, which must not stop it from migrating. A
        // forgotten migration is caught by MigrationSchemaTests on the composed model instead.
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.PendingModelChangesWarning, LogLevel.Warning)));
        return builder;
    }

    // Npgsql refuses a DateTime whose Kind does not match the column (UTC into timestamp, Unspecified into timestamptz).
    // The portal's code hands over wall-clock times as Unspecified and instants as UTC, as SQLite never checked; these
    // converters make that explicit instead of failing on a value built elsewhere (a test's literal, an import).
    private static readonly ValueConverter<DateTime, DateTime> AsUtc = new(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime, DateTime> AsWallClock = new(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));

    /// <summary>Wall-clock times as <c>timestamp without time zone</c>, instants as <c>timestamptz</c>.</summary>
    internal static void ConfigureModel(ModelBuilder modelBuilder)
    {
        PostgreSqlTextSearch.ConfigureModel(modelBuilder);
        foreach (var (property, kind) in TimeColumns.Of(modelBuilder.Model))
        {
            var wallClock = kind == TimeColumnKind.WallClock;
            property.SetColumnType(wallClock ? "timestamp without time zone" : "timestamp with time zone");
            property.SetValueConverter(wallClock ? AsWallClock : AsUtc);
        }
    }

    /// <summary>
    /// After rows were inserted with their ids (<see cref="DatabaseCopy"/>), moves each identity column's sequence past
    /// the largest id, so the next row the portal adds does not collide.
    /// </summary>
    internal static async Task ResetIdentitiesAsync(PortalDbContext db, CancellationToken ct)
    {
        foreach (var type in db.Model.GetEntityTypes())
        {
            var key = type.FindPrimaryKey()?.Properties;
            if (key is not { Count: 1 } || key[0].ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never) continue;
            if (key[0].ClrType != typeof(int) && key[0].ClrType != typeof(long)) continue;
            var table = type.GetTableName()!;
            var column = key[0].GetColumnName();
            // Identifiers come from our own model, never from input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), coalesce(max(\"{column}\"), 0) + 1, false) FROM \"{table}\"", ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>The connection string with the password hidden, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
