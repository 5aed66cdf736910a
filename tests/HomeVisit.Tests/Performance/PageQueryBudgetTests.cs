using System.Net;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// The smoke version of the benchmark (docs/performance.md): each main page opens on a generated database for a
/// leader and an overseer, with a bounded number of SQL commands per render. A list that loads its rows one query
/// at a time sends hundreds here, so such a regression fails CI rather than surfacing as a slow county.
/// </summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class PageQueryBudgetTests(LargeDatabaseFixture portal)
{
    [Theory]
    [InlineData(DemoAccounts.Leader, "/", 40)]
    [InlineData(DemoAccounts.DisciplineOffice, "/", 40)]
    [InlineData(DemoAccounts.Leader, "/visits", 25)]
    [InlineData(DemoAccounts.DisciplineOffice, "/visits", 25)]
    [InlineData(DemoAccounts.Leader, "/follow-ups", 25)]
    [InlineData(DemoAccounts.DisciplineOffice, "/follow-ups", 25)]
    [InlineData(DemoAccounts.DisciplineOffice, "/dashboard", 35)]
    [InlineData(DemoAccounts.Leader, "/calendar", 25)]
    [InlineData(DemoAccounts.DisciplineOffice, "/calendar/overview", 25)]
    [InlineData(DemoAccounts.Leader, "/quotas", 25)]
    [InlineData(DemoAccounts.DisciplineOffice, "/quotas", 25)]
    [InlineData(DemoAccounts.Leader, "/programmes/lianzheng", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/lianzheng", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/lianzheng/ledger", 30)]
    [InlineData(DemoAccounts.Leader, "/programmes/lianzheng/plans", 30)]
    [InlineData(DemoAccounts.Leader, "/programmes/ganbu", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/ganbu/oversight", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/ganbu/ledger", 30)]
    [InlineData(DemoAccounts.Leader, "/programmes/qinglian", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/qinglian/households", 30)]
    [InlineData(DemoAccounts.Leader, "/programmes/lianxi", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/lianxi/progress", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/huifang", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/programmes/huifang/sanctions", 30)]
    [InlineData(DemoAccounts.DisciplineOffice, "/people", 25)]
    public async Task A_main_page_opens_on_a_large_database_within_its_query_budget(string user, string url, int budget)
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(user);

        portal.Commands.Reset();
        using var response = await client.GetAsync(url);
        var commands = portal.Commands.Commands;

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} as {user}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
        Assert.True(commands.Count <= budget,
            $"{url} as {user} sent {commands.Count} SQL commands (budget {budget}):\n" + string.Join("\n---\n", commands.Take(40)));
    }
}
