using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Data;

/// <summary>
/// The migrations are written by hand, so this guards that they build exactly the schema the model
/// describes: a model change without a matching migration fails here.
/// </summary>
public sealed partial class MigrationSchemaTests
{
    // EF's own bookkeeping (__EFMigrationsHistory, and since EF 9 __EFMigrationsLock) exists only in the migrated file.
    private static string OurTables(string name) => $@"{name} NOT LIKE 'sqlite_%' AND {name} NOT LIKE '\_\_EFMigrations%' ESCAPE '\'";

    [Fact]
    public void Migrated_schema_equals_the_schema_the_model_creates()
    {
        using var migrated = TestDatabase.Create();
        using var created = TestDatabase.CreateEmpty();
        using (var db = created.CreateContext()) Assert.True(db.Database.EnsureCreated());

        var expected = MasterRows(created.ConnectionString);
        var actual = MasterRows(migrated.ConnectionString);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Migrated_columns_equal_the_columns_the_model_creates()
    {
        using var migrated = TestDatabase.Create();
        using var created = TestDatabase.CreateEmpty();
        using (var db = created.CreateContext()) db.Database.EnsureCreated();

        var columns = $"""
            SELECT m.name, p.name, p.type, p."notnull", ifnull(p.dflt_value, ''), p.pk
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND {OurTables("m.name")}
            ORDER BY m.name, p.name
            """;
        Assert.Equal(Rows(created.ConnectionString, columns), Rows(migrated.ConnectionString, columns));

        var foreignKeys = $"""
            SELECT m.name, f."table", f."from", f."to", f.on_update, f.on_delete
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table' AND {OurTables("m.name")}
            ORDER BY m.name, f."from"
            """;
        Assert.Equal(Rows(created.ConnectionString, foreignKeys), Rows(migrated.ConnectionString, foreignKeys));
    }

    [Fact]
    public void A_fresh_database_has_no_pending_migrations_after_migrating()
    {
        using var database = TestDatabase.Create();
        using var db = database.CreateContext();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Contains("20261121000000_Initial", db.Database.GetAppliedMigrations());
    }

    // Tables are compared by name here and column by column below: a later migration's AddColumn puts the
    // column last, where EnsureCreated may put it elsewhere, and column order carries no meaning.
    private static List<string> MasterRows(string connectionString)
        => Rows(connectionString, $"""
            SELECT type, name, tbl_name, CASE WHEN type = 'table' THEN '' ELSE sql END FROM sqlite_master
            WHERE {OurTables("name")}
            ORDER BY name
            """)
            .Select(row => Whitespace().Replace(row, " ").Trim())
            .ToList();

    private static List<string> Rows(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(string.Join(" | ", values));
        }
        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
