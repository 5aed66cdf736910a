using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// SQLite's EXPLAIN QUERY PLAN of the commands a service really sends (with their parameter values) against the
/// generated database: the query-plan tests assert on these instead of on the LINQ they cannot see through.
/// </summary>
internal static class QueryPlans
{
    /// <summary>
    /// Runs <paramref name="action"/> as the account named <paramref name="userName"/> and returns the plan of each
    /// command it sent that <paramref name="pick"/> keeps, one string per command, its lines joined with newlines.
    /// </summary>
    public static async Task<List<string>> OfAsync(LargeDatabaseFixture portal, string userName, Func<PortalUser, Task> action,
        Func<string, bool> pick, ITestOutputHelper? output = null)
    {
        PortalUser user;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            user = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));

        portal.Commands.Reset();
        await action(user);
        var selects = portal.Commands.Captured.Where(c => c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && pick(c.Text)).ToList();

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = portal.DatabasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        var plans = new List<string>();
        foreach (var select in selects)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + select.Text;
            foreach (var (name, value) in select.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
            plans.Add(string.Join("\n", lines));
            output?.WriteLine(select.Text + "\n--\n" + plans[^1] + "\n====");
        }
        return plans;
    }
}
