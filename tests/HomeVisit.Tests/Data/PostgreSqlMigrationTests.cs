using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HomeVisit.Tests.Data;

/// <summary>
/// The PostgreSQL migrations (src/HomeVisit.Migrations.PostgreSQL) against a real server, as MigrationSchemaTests does
/// for SQLite: the migrated schema is the model's, no model change lacks its migration, and the two kinds of time
/// columns get their own types (docs/decisions/0014-postgresql.md).
/// </summary>
public sealed class PostgreSqlMigrationTests
{
    private const string Columns = """
        SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, ''), coalesce(character_maximum_length, 0)
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EFMigrations%'
        ORDER BY table_name, column_name
        """;

    private const string Indexes = """
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EFMigrations%'
        ORDER BY indexname
        """;

    private const string ForeignKeys = """
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE contype IN ('f', 'p', 'u', 'c') AND connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_EFMigrations%'
        ORDER BY conname
        """;

    [Fact]
    public void Migrated_schema_equals_the_schema_the_model_creates()
    {
        using var migrated = TestDatabase.Create(provider: PortalDatabaseProvider.PostgreSQL);
        using var created = TestDatabase.CreateEmpty(provider: PortalDatabaseProvider.PostgreSQL);
        using (var db = created.CreateContext()) Assert.True(db.Database.EnsureCreated());

        foreach (var query in new[] { Columns, Indexes, ForeignKeys })
        {
            var expected = Rows(created.ConnectionString, query);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Rows(migrated.ConnectionString, query));
        }
    }

    [Fact]
    public void Every_model_change_has_its_generated_migration_and_a_fresh_database_has_none_pending()
    {
        using var database = TestDatabase.Create(provider: PortalDatabaseProvider.PostgreSQL);
        using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.EndsWith("_Baseline", db.Database.GetAppliedMigrations().First());
    }

    [Fact]
    public void Wall_clock_visit_times_are_timestamp_without_time_zone_and_instants_are_timestamptz()
    {
        using var database = TestDatabase.Create(provider: PortalDatabaseProvider.PostgreSQL);
        var types = Rows(database.ConnectionString, """
            SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type LIKE 'timestamp%' ORDER BY 1
            """);

        Assert.Equal(
            ["QinglianNotices.VisitTime timestamp without time zone", "Visits.ActualStart timestamp without time zone",
             "Visits.EffectiveStart timestamp without time zone", "Visits.PlannedEnd timestamp without time zone", "Visits.PlannedStart timestamp without time zone"],
            types.Where(t => t.EndsWith("without time zone", StringComparison.Ordinal)));
        Assert.Contains("AuditEntries.At timestamp with time zone", types);
        Assert.Contains("ScheduledJobs.LeaseUntilUtc timestamp with time zone", types);
        Assert.Contains("Visits.CreatedAt timestamp with time zone", types);
    }

    [Fact]
    public async Task A_visit_planned_at_nine_Beijing_time_reads_back_at_nine_whatever_the_servers_time_zone()
    {
        using var database = TestDatabase.Create(provider: PortalDatabaseProvider.PostgreSQL);
        // A server in another zone must not shift wall-clock times (timestamptz would); instants stay the same instant.
        var zoned = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timezone = "America/New_York" }.ToString();
        var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(zoned).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options;
        var created = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
        await using (var db = new PortalDbContext(options))
        {
            var institution = new Institution { Name = "甲示范学院", Kind = InstitutionKind.University, CreatedAt = created };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync();
            var account = new UserAccount { InstitutionId = institution.Id, UserName = "leader", DisplayName = "李院长" };
            db.UserAccounts.Add(account);
            await db.SaveChangesAsync();
            db.Visits.Add(new Visit
            {
                InstitutionId = institution.Id, CreatedByUserId = account.Id, ProgrammeKey = "lianzheng", Form = VisitForm.HomeVisit,
                PlannedStart = new DateTime(2026, 12, 8, 9, 0, 0), PlannedEnd = new DateTime(2026, 12, 8, 10, 30, 0), CreatedAt = created,
            });
            await db.SaveChangesAsync();
        }

        await using var read = new PortalDbContext(options);
        var visit = await read.Visits.AsNoTracking().SingleAsync();
        Assert.Equal((new DateTime(2026, 12, 8, 9, 0, 0), DateTimeKind.Unspecified), (visit.PlannedStart, visit.PlannedStart.Kind));
        Assert.Equal((created, DateTimeKind.Utc), (visit.CreatedAt, visit.CreatedAt.Kind));
        Assert.Equal(["2026-12-08 09:00:00"], Rows(database.ConnectionString, """SELECT to_char("PlannedStart", 'YYYY-MM-DD HH24:MI:SS') FROM "Visits" """));
    }

    internal static List<string> Rows(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
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
}
