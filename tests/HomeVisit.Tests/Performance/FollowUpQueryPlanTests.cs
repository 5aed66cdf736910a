using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// The follow-up list finds what a user may see through indexes: the sets they see an item by (owner, their visits,
/// their units) are unions of index lookups, and the items are then fetched by id, not tested one by one with a
/// correlated EXISTS per item of the institution. Checked with EXPLAIN QUERY PLAN on the commands the service sends.
/// </summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class FollowUpQueryPlanTests(LargeDatabaseFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_leaders_follow_up_list_looks_items_up_by_id_with_no_correlated_subquery_per_item()
    {
        var plans = await PlansOfAsync(async user => await portal.Services.GetRequiredService<FollowUpService>().ListAsync(user, new FollowUpQuery()), DemoAccounts.Leader);

        Assert.NotEmpty(plans);
        Assert.All(plans, plan =>
        {
            Assert.DoesNotContain("CORRELATED", plan, StringComparison.Ordinal);
            // The items ("f") are fetched by id from the union of the visible sets.
            Assert.Contains("SEARCH f USING INTEGER PRIMARY KEY", plan, StringComparison.Ordinal);
            Assert.Contains("IX_VisitVisitors_PersonId", plan, StringComparison.Ordinal);
            Assert.Contains("IX_FollowUpItems_OwnerPersonId", plan, StringComparison.Ordinal);
        });
    }

    /// <summary>The query plans of the list's SELECTs on FollowUpItems (count and page) sent as the given user.</summary>
    private async Task<List<string>> PlansOfAsync(Func<PortalUser, Task> action, string userName)
    {
        PortalUser user;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            user = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));

        portal.Commands.Reset();
        await action(user);
        var selects = portal.Commands.Captured.Where(c => c.Text.Contains("FROM \"FollowUpItems\" AS \"f\"", StringComparison.Ordinal)
            && (c.Text.Contains("COUNT(*)", StringComparison.Ordinal) || c.Text.Contains("LIMIT", StringComparison.Ordinal))).ToList();

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
            output.WriteLine(select.Text + "\n--\n" + plans[^1] + "\n====");
        }
        return plans;
    }
}
