using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
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

    /// <summary>The query plans of the list's SELECTs on FollowUpItems (count and page) sent as the given user.</summary>
    private Task<List<string>> PlansOfAsync(Func<PortalUser, Task> action, string userName) =>
        QueryPlans.OfAsync(portal, userName, action, text => text.Contains("FROM \"FollowUpItems\" AS \"f\"", StringComparison.Ordinal)
            && (text.Contains("COUNT(*)", StringComparison.Ordinal) || text.Contains("LIMIT", StringComparison.Ordinal)), output);
}
