using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Host;

/// <summary>Each module has its home page; a disabled module is unreachable by URL and its data stays.</summary>
public sealed class ProgrammePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("lianzheng", "廉政家访")]
    [InlineData("ganbu", "干部家访")]
    [InlineData("qinglian", "清廉家访")]
    [InlineData("lianxi", "联系师生")]
    [InlineData("huifang", "受处分人员回访关爱")]
    public async Task Each_programme_has_a_home_page_with_its_name(string key, string name)
    {
        using var client = portal.CreateBrowserLikeClient();
        // 受处分人员回访关爱 exists only for the discipline and case management offices (Huifang/HuifangSecrecyHostTests).
        await client.SignInAsync(key == "huifang" ? DemoAccounts.DisciplineOffice : DemoAccounts.Admin);

        var page = await client.GetDocumentAsync($"/programmes/{key}");

        Assert.Equal(name, page.QuerySelector("[data-testid=programme-name]")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=programme-rules]"));
    }

    [Fact]
    public async Task The_lianzheng_home_page_shows_the_seed_quotas()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        var quotas = (await client.GetDocumentAsync("/programmes/lianzheng")).QuerySelector("[data-testid=programme-quotas]")!.TextContent;

        Assert.Contains("二级学院（教学部）领导：每年度不少于 4 人（第四条（四））", quotas);
        Assert.Contains("学校纪委委员：每年度不少于 2 人（第四条（三））", quotas);
    }

    [Fact]
    public async Task A_disabled_programme_answers_404_for_its_pages_and_the_menu_drops_it_while_its_visits_stay()
    {
        var rules = portal.Services.GetRequiredService<ProgrammeRulesService>();
        await using var db = portal.OpenDatabase();
        var admin = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
        var ganbuVisits = await db.Visits.CountAsync(v => v.ProgrammeKey == "ganbu" && v.InstitutionId == admin.InstitutionId);
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);

        await rules.SetEnabledAsync(admin, "ganbu", enabled: false);
        try
        {
            using var page = await client.GetAsync("/programmes/ganbu");
            using var settings = await client.GetAsync("/programmes/ganbu/settings");
            var start = await client.GetDocumentAsync("/");

            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, settings.StatusCode);
            Assert.DoesNotContain(start.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/programmes/ganbu");
            Assert.Contains(start.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/programmes/lianzheng");
            Assert.Equal(ganbuVisits, await db.Visits.CountAsync(v => v.ProgrammeKey == "ganbu" && v.InstitutionId == admin.InstitutionId));
        }
        finally
        {
            await rules.SetEnabledAsync(admin, "ganbu", enabled: true);
        }

        using var again = await client.GetAsync("/programmes/ganbu");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
