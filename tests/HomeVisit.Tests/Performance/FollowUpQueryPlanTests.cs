using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
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
            // The items they raised and the restricted leads of their audiences are lookups too, not a pass over every
            // item of the institution (InstitutionId alone).
            Assert.Contains("IX_FollowUpItems_InstitutionId_CreatedByUserId", plan, StringComparison.Ordinal);
            Assert.Contains("IX_FollowUpItems_InstitutionId_RestrictedToRole", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("(InstitutionId=?)", plan, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_overseers_follow_up_page_walks_the_list_order_index_instead_of_sorting_every_item_it_may_show()
    {
        var plans = await QueryPlans.OfAsync(portal, DemoAccounts.DisciplineOffice,
            async user => await portal.Services.GetRequiredService<FollowUpService>().ListAsync(user, new FollowUpQuery()),
            text => text.Contains("FROM \"FollowUpItems\" AS \"f\"", StringComparison.Ordinal) && text.Contains("LIMIT", StringComparison.Ordinal), output);

        // The page of 20: the items ("f") read in the list's order from the index and stopped after its rows (the temp
        // B-trees left in the plan belong to the small unions of ids). Sorting on the status and deadline expressions
        // found the items through another index and then read and sorted every item of the programmes overseen.
        var plan = Assert.Single(plans);
        Assert.Contains("SEARCH f USING INDEX IX_FollowUpItems_InstitutionId_IsClosed_SortDeadline_Id", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_follow_up_list_keeps_its_order_open_first_then_soonest_deadline_with_none_last_then_newest()
    {
        var service = portal.Services.GetRequiredService<FollowUpService>();
        PortalUser overseer;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            overseer = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.DisciplineOffice));
            // The generated items all have a deadline: two without one, open and closed, which sort last of their kind.
            foreach (var status in new[] { "Open", "Resolved" })
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "FollowUpItems" ("InstitutionId", "ProgrammeKey", "Kind", "Summary", "Status", "CreatedByUserId", "CreatedAt", "Version")
                    VALUES ({overseer.InstitutionId}, 'lianzheng', 'Request', '无办理期限的事项', {status}, {overseer.UserId}, {DateTime.UtcNow}, 0)
                    """);
        }

        var shown = new List<FollowUpRow>();
        for (var page = 1; ; page++)
        {
            var result = await service.ListAsync(overseer, new FollowUpQuery(Page: page, PageSize: 200));
            shown.AddRange(result.Items);
            if (shown.Count >= result.Total || result.Items.Count == 0) break;
        }

        // The order the list had before the database kept its sort columns, over the same rows.
        var expected = shown
            .OrderBy(f => f.Status is FollowUpStatus.Resolved or FollowUpStatus.Withdrawn)
            .ThenBy(f => f.Deadline is null).ThenBy(f => f.Deadline).ThenByDescending(f => f.Id)
            .Select(f => f.Id).ToList();
        Assert.True(shown.Count > 500, $"The generated database should give the overseer many items ({shown.Count}).");
        Assert.Contains(shown, f => f.Deadline is null);
        Assert.Contains(shown, f => f.Status is FollowUpStatus.Resolved or FollowUpStatus.Withdrawn);
        Assert.Equal(expected, shown.Select(f => f.Id).ToList());
        Assert.Equal(shown.Count, shown.Select(f => f.Id).Distinct().Count());
    }

    /// <summary>The query plans of the list's SELECTs on FollowUpItems (count and page) sent as the given user.</summary>
    private Task<List<string>> PlansOfAsync(Func<PortalUser, Task> action, string userName) =>
        QueryPlans.OfAsync(portal, userName, action, text => text.Contains("FROM \"FollowUpItems\" AS \"f\"", StringComparison.Ordinal)
            && (text.Contains("COUNT(*)", StringComparison.Ordinal) || text.Contains("LIMIT", StringComparison.Ordinal)), output);
}
