using System.Security.Cryptography;
using System.Text;
using HomeVisit.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace HomeVisit.Tests.Data;

/// <summary>
/// An institution running the portal from before the move to generated migrations upgrades by starting the new
/// version on its database file: the fixture is such a file (Data/Fixtures/README.md).
/// </summary>
public sealed class LegacyDatabaseUpgradeTests
{
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "handwritten-migrations-20261121.db");

    [Fact]
    public async Task A_database_made_by_the_hand_written_migrations_upgrades_at_start_with_nothing_lost()
    {
        using var legacy = TestDatabase.CreateEmpty();
        File.Copy(Fixture, legacy.FilePath, overwrite: true);
        var before = TableChecksums(legacy.ConnectionString);
        Assert.True(before["Visits"].Rows > 0 && before["People"].Rows > 0 && before["UserAccounts"].Rows > 0);

        await InitialiseAsync(legacy.ConnectionString);

        // Every row of every table is still there, byte for byte (in the columns it had: later migrations add some).
        var after = TableChecksums(legacy.ConnectionString);
        var kept = TableChecksums(legacy.ConnectionString, Columns(Fixture));
        foreach (var (table, sum) in before.Where(t => !t.Key.StartsWith("__EFMigrations", StringComparison.Ordinal)))
            Assert.Equal((table, sum), (table, kept[table]));

        using var db = legacy.CreateContext();
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Contains(db.Database.GetMigrations().First(), db.Database.GetAppliedMigrations());

        // The upgraded file has the schema a new installation gets: same columns, keys, indexes.
        using var fresh = TestDatabase.Create();
        Assert.Equal(MigrationSchemaTests.Rows(fresh.ConnectionString, MigrationSchemaTests.ColumnsQuery), MigrationSchemaTests.Rows(legacy.ConnectionString, MigrationSchemaTests.ColumnsQuery));
        Assert.Equal(MigrationSchemaTests.Rows(fresh.ConnectionString, MigrationSchemaTests.ForeignKeysQuery), MigrationSchemaTests.Rows(legacy.ConnectionString, MigrationSchemaTests.ForeignKeysQuery));
        Assert.Equal(MigrationSchemaTests.MasterRows(fresh.ConnectionString), MigrationSchemaTests.MasterRows(legacy.ConnectionString));

        // Starting again changes nothing.
        await InitialiseAsync(legacy.ConnectionString);
        Assert.Equal(after, TableChecksums(legacy.ConnectionString));
    }

    [Fact]
    public async Task An_empty_file_gets_the_generated_migrations_from_the_start()
    {
        using var empty = TestDatabase.CreateEmpty();

        await InitialiseAsync(empty.ConnectionString);

        using var db = empty.CreateContext();
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
    }

    private static async Task InitialiseAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = connectionString, ["Demo:Seed"] = "false" })
            .Build();
        var env = new TestHostEnvironment();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(env)
            .AddLogging()
            .AddPortalDatabase(configuration, env);
        await using var provider = services.BuildServiceProvider();
        await provider.InitialisePortalDatabaseAsync();
    }

    /// <summary>Each table's columns in a database file.</summary>
    private static Dictionary<string, HashSet<string>> Columns(string file)
    {
        var result = new Dictionary<string, HashSet<string>>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!result.TryGetValue(reader.GetString(0), out var columns)) result[reader.GetString(0)] = columns = [];
            columns.Add(reader.GetString(1));
        }
        return result;
    }

    private static Dictionary<string, (long Rows, string Sha256)> TableChecksums(string connectionString, Dictionary<string, HashSet<string>>? onlyColumns = null)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            // The FTS5 search tables are derived from the others (and some of their shadow tables have no rowid).
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'Search\\_%' ESCAPE '\\' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var result = new Dictionary<string, (long, string)>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (reader.Read())
            {
                rows++;
                // Columns by name, so a column's position in the table does not matter. NULLs are left out: a nullable
                // column a later migration adds (AuditEntries.ClientAddress) is NULL in every old row and changes no data.
                // In name order: SQLite rebuilds a table to add a foreign key (SanctionRecords), which may reorder its columns.
                foreach (var i in Enumerable.Range(0, reader.FieldCount).OrderBy(reader.GetName, StringComparer.Ordinal))
                    // Old columns only, and no NULLs: a later migration adds columns, nullable ones empty.
                    if ((onlyColumns is null || !onlyColumns.TryGetValue(table, out var only) || only.Contains(reader.GetName(i))) && !reader.IsDBNull(i))
                        hash.AppendData(Encoding.UTF8.GetBytes($"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)};"));
            }
            result[table] = (rows, Convert.ToHexString(hash.GetHashAndReset()));
        }
        return result;
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "HomeVisit.Portal";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
