using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
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

    [Theory]
    [InlineData(DemoAccounts.Leader)]
    [InlineData(DemoAccounts.DisciplineOffice)]
    public async Task A_visit_list_page_reads_the_visitors_and_targets_of_its_own_rows_not_every_row_of_the_database(string userName)
    {
        var plans = await PlansOfAsync(async user => await portal.Services.GetRequiredService<VisitService>().ListAsync(user, new VisitQuery()), userName);

        Assert.NotEmpty(plans);
        // As one query with the collections joined in, SQLite materialised every visitor and every target of the
        // database (SCAN of VisitVisitors and VisitTargets, then an automatic index) to join a page of 20 visits to them.
        Assert.All(plans, plan => AssertNoWholeTableJoin(plan));
    }

    [Fact]
    public async Task The_lianzheng_ledger_reads_the_years_done_visits_through_the_effective_start_index_and_their_people_by_visit()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var plans = await PlansOfAsync(async user => await portal.Services.GetRequiredService<HomeVisit.Programmes.Lianzheng.LianzhengService>()
            .LedgerAsync(user, today.Year, null), DemoAccounts.DisciplineOffice, onEffectiveStart: true);

        Assert.NotEmpty(plans);
        Assert.All(plans, plan =>
        {
            Assert.Matches(@"USING (COVERING )?INDEX IX_Visits_InstitutionId_ProgrammeKey_(Status_)?EffectiveStart \(.*EffectiveStart>\? AND EffectiveStart<\?\)", plan);
            AssertNoWholeTableJoin(plan);
        });
    }

    /// <summary>
    /// No table is read whole: the only SCANs are of the query's own small intermediate results (a page of ids that
    /// SQLite materialises), and no index is built on the fly to join a materialised table.
    /// </summary>
    private static void AssertNoWholeTableJoin(string plan)
    {
        var lines = plan.Split('\n').Select(l => l.Trim()).ToList();
        var intermediate = lines.Where(l => l.StartsWith("MATERIALIZE ", StringComparison.Ordinal) || l.StartsWith("CO-ROUTINE ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        var scans = lines.Where(l => l.StartsWith("SCAN ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]);
        Assert.All(scans, table => Assert.True(intermediate.Contains(table), $"SCAN {table}:\n{plan}"));
        Assert.False(plan.Contains("AUTOMATIC", StringComparison.Ordinal), plan);
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
        Assert.All(summary.Concat(dashboard), plan => Assert.Matches(@"USING (COVERING )?INDEX IX_Visits_InstitutionId_(ProgrammeKey_(Status_)?)?EffectiveStart \(.*EffectiveStart>\? AND EffectiveStart<\?\)", plan));
    }

    [Fact]
    public async Task The_period_summary_groups_a_periods_visits_by_the_stored_lead_visitor_not_a_sorted_subquery_per_visit()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var plans = await QueryPlans.OfAsync(portal, DemoAccounts.DisciplineOffice,
            user => portal.Services.GetRequiredService<HomeVisit.Core.Exports.PeriodSummaryService>().BuildAsync(user, "lianzheng", today),
            text => text.Contains("\"LeadVisitorPersonId\"", StringComparison.Ordinal));

        // The visits' grouping and the follow-up items' grouping.
        Assert.Equal(2, plans.Count);
        Assert.All(plans, plan =>
        {
            // Before, each visit's unit was a subquery over its visitor rows, sorted (a temporary b-tree) to find the first.
            Assert.DoesNotContain("VisitVisitors", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("VisitTargets", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("FOR ORDER BY", plan, StringComparison.Ordinal);
            Assert.Contains("USING INTEGER PRIMARY KEY", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("AUTOMATIC", plan, StringComparison.Ordinal);
        });
        Assert.Matches(@"USING (COVERING )?INDEX IX_Visits_InstitutionId_ProgrammeKey_(Status_)?EffectiveStart \(.*EffectiveStart>\? AND EffectiveStart<\?\)", plans[0]);
    }

    [Theory]
    [InlineData(DemoAccounts.Leader)]
    [InlineData(DemoAccounts.DisciplineOffice)]
    public async Task A_calendar_month_reads_the_visits_starting_around_it_not_every_earlier_visit(string userName)
    {
        var today = DateTime.UtcNow.AddHours(8);
        var month = new DateTime(today.Year, today.Month, 1);
        var calendar = portal.Services.GetRequiredService<HomeVisit.Core.Calendar.CalendarService>();
        var plans = await PlansOfAsync(async user =>
        {
            if (userName == DemoAccounts.Leader) await calendar.MyEntriesAsync(user, month, month.AddMonths(1));
            else await calendar.OverviewEntriesAsync(user, null, null, month, month.AddMonths(1));
        }, userName);

        Assert.NotEmpty(plans);
        Assert.All(plans, plan =>
        {
            // "Starts before the month ends" alone gave the index's every visit since the first one, each read from the table
            // for its end (0.8 s of CPU for a month of the county); the leader's also tested each for a visitor row of theirs.
            Assert.DoesNotMatch(@"IX_Visits_InstitutionId_PlannedStart \(InstitutionId=\? AND PlannedStart<\?\)", plan);
            AssertNoWholeTableJoin(plan);
        });
        if (userName == DemoAccounts.DisciplineOffice)
            Assert.All(plans, plan => Assert.Contains("IX_Visits_InstitutionId_PlannedStart (InstitutionId=? AND PlannedStart>? AND PlannedStart<?)", plan, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_overseers_visit_list_counts_the_programmes_they_oversee_from_the_narrow_index()
    {
        var plans = await QueryPlans.OfAsync(portal, DemoAccounts.DisciplineOffice,
            user => portal.Services.GetRequiredService<VisitService>().ListAsync(user, new VisitQuery()),
            text => text.TrimStart().StartsWith("SELECT COUNT(*)", StringComparison.Ordinal) && text.Contains("FROM \"Visits\"", StringComparison.Ordinal));

        // The programmes overseen, then the visits taken part in outside them; before, one OR tested per visit of the institution.
        Assert.Equal(2, plans.Count);
        Assert.Contains("USING COVERING INDEX IX_Visits_InstitutionId_ProgrammeKey (InstitutionId=? AND ProgrammeKey=?)", plans[0], StringComparison.Ordinal);
        Assert.DoesNotContain("VisitVisitors", plans[0], StringComparison.Ordinal);
        Assert.Contains("IX_VisitVisitors_PersonId", plans[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboards_done_visits_of_a_year_are_a_range_of_the_status_index()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var plans = await QueryPlans.OfAsync(portal, DemoAccounts.DisciplineOffice,
            user => portal.Services.GetRequiredService<HomeVisit.Core.Dashboards.DashboardService>().BuildAsync(user, today.Year, null),
            text => text.Contains("GROUP BY", StringComparison.Ordinal) && text.Contains("FROM \"Visits\"", StringComparison.Ordinal));

        // Before: the year's visits of every status through the programme index, each read from the table for its status.
        var plan = Assert.Single(plans);
        Assert.Contains("IX_Visits_InstitutionId_ProgrammeKey_Status_EffectiveStart (InstitutionId=? AND ProgrammeKey=? AND Status=? AND EffectiveStart>? AND EffectiveStart<?)", plan, StringComparison.Ordinal);
    }

    /// <summary>The query plans of the SELECTs on Visits that an action sends as the given user.</summary>
    private Task<List<string>> PlansOfAsync(Func<PortalUser, Task> action, string userName, bool onEffectiveStart = false) =>
        QueryPlans.OfAsync(portal, userName, action, text => text.Contains("FROM \"Visits\"", StringComparison.Ordinal)
            && (!onEffectiveStart || text.Contains("\"EffectiveStart\" >= @", StringComparison.Ordinal)));
}
