using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// The list queries use the indexes meant for them, checked with SQLite's EXPLAIN QUERY PLAN on the commands the
/// service really sends (with their parameters) against the generated database.
/// </summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class VisitQueryPlanTests(LargeDatabaseFixture portal)
{
    [Fact]
    public async Task A_leaders_visit_list_starts_from_their_own_visitor_rows_not_from_every_visit()
    {
        var plans = await PlansOfAsync(async user => await portal.Services.GetRequiredService<VisitService>().ListAsync(user, new VisitQuery()), DemoAccounts.Leader);

        Assert.NotEmpty(plans);
        Assert.All(plans, plan =>
        {
            Assert.True(plan.Contains("IX_VisitVisitors_PersonId", StringComparison.Ordinal), plan);
            // Visits ("v") are looked up by id from that list, never walked for the whole institution.
            var visitLines = plan.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("SCAN v ", StringComparison.Ordinal) || l == "SCAN v"
                || l.StartsWith("SEARCH v ", StringComparison.Ordinal)).ToList();
            Assert.All(visitLines, l => Assert.True(l.StartsWith("SEARCH v USING INTEGER PRIMARY KEY", StringComparison.Ordinal), plan));
        });
    }

    [Fact]
    public async Task The_period_summary_and_the_dashboard_find_a_periods_visits_through_the_effective_start_index()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var summary = await PlansOfAsync(async user => await portal.Services.GetRequiredService<HomeVisit.Core.Exports.PeriodSummaryService>()
            .BuildAsync(user, "lianzheng", today), DemoAccounts.DisciplineOffice, onEffectiveStart: true);
        var dashboard = await PlansOfAsync(async user => await portal.Services.GetRequiredService<HomeVisit.Core.Dashboards.DashboardService>()
            .BuildAsync(user, today.Year, null), DemoAccounts.DisciplineOffice, onEffectiveStart: true);

        // A period is a range on one column now; (ActualStart ?? PlannedStart) could only be checked row by row.
        Assert.NotEmpty(summary);
        Assert.NotEmpty(dashboard);
        Assert.All(summary.Concat(dashboard), plan => Assert.Matches(@"USING (COVERING )?INDEX IX_Visits_InstitutionId_(ProgrammeKey_)?EffectiveStart \(.*EffectiveStart>\? AND EffectiveStart<\?\)", plan));
    }

    /// <summary>The query plans of the SELECTs on Visits that an action sends as the given user.</summary>
    private async Task<List<string>> PlansOfAsync(Func<PortalUser, Task> action, string userName, bool onEffectiveStart = false)
    {
        PortalUser user;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            user = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));

        portal.Commands.Reset();
        await action(user);
        var selects = portal.Commands.Captured.Where(c => c.Text.Contains("FROM \"Visits\"", StringComparison.Ordinal)
            && (!onEffectiveStart || c.Text.Contains("\"EffectiveStart\" >= @", StringComparison.Ordinal))).ToList();

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
        }
        return plans;
    }
}
