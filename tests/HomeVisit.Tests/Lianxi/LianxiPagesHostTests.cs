using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;

namespace HomeVisit.Tests.Lianxi;

/// <summary>The lianxi pages over HTTP with the demo data (the demo leader is linked to both branches of 汽车工程学院).</summary>
public sealed class LianxiPagesHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_leader_prints_their_record_table_with_the_links_and_the_done_activities()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        var page = await client.GetDocumentAsync("/programmes/lianxi/record");

        Assert.Equal(await portal.DisplayNameAsync(DemoAccounts.Leader), page.QuerySelector("[data-testid=record-name]")?.TextContent.Trim());
        Assert.Contains("汽车工程学院教工第一党支部", page.QuerySelector("[data-testid=record-branches]")!.TextContent);
        Assert.Contains("（专家）", page.QuerySelector("[data-testid=record-individuals]")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("[data-testid=record-entry]"), e => e.TextContent.Contains("事由：罹患重大疾病"));
    }

    [Fact]
    public async Task The_progress_page_shows_the_leaders_own_semester_and_says_so_when_the_asked_leader_is_unknown()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        var own = await client.GetDocumentAsync("/programmes/lianxi/progress");
        var unknown = await client.GetDocumentAsync("/programmes/lianxi/progress?leader=999999&day=2026-10-01");

        Assert.Contains(await portal.DisplayNameAsync(DemoAccounts.Leader), own.QuerySelector("[data-testid=progress-heading]")!.TextContent);
        Assert.Contains("汽车工程学院教工第一党支部", own.QuerySelector("[data-testid=progress-branches]")!.TextContent);
        Assert.Null(own.QuerySelector("[data-testid=progress-error]"));
        Assert.NotNull(unknown.QuerySelector("[data-testid=progress-error]"));
        Assert.Null(unknown.QuerySelector("[data-testid=progress-heading]"));
    }

    [Fact]
    public async Task The_organisation_department_sees_the_semester_summary_and_a_teacher_does_not()
    {
        using var zuzhi = portal.CreateBrowserLikeClient();
        using var staff = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);
        await staff.SignInAsync(DemoAccounts.Staff);

        var summary = await zuzhi.GetDocumentAsync("/programmes/lianxi/semester-summary");
        var denied = await staff.GetDocumentAsync("/programmes/lianxi/semester-summary");

        var leader = await portal.DisplayNameAsync(DemoAccounts.Leader);
        Assert.Contains(summary.QuerySelectorAll("[data-testid=summary-leader]"), r => r.TextContent.Contains(leader));
        Assert.Contains(summary.QuerySelectorAll("[data-testid=summary-unit]"), r => r.TextContent.Contains("汽车工程学院"));
        Assert.NotNull(denied.QuerySelector("[data-testid=summary-error]"));
        Assert.Empty(denied.QuerySelectorAll("[data-testid=summary-leader]"));
    }

    [Fact]
    public async Task The_semester_summary_downloads_as_a_workbook_for_the_office_and_no_one_else()
    {
        using var zuzhi = portal.CreateBrowserLikeClient();
        using var staff = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);
        await staff.SignInAsync(DemoAccounts.Staff);

        var page = await zuzhi.GetDocumentAsync("/programmes/lianxi/semester-summary");
        var href = page.QuerySelector("[data-testid=lx-summary-xlsx]")!.GetAttribute("href")!;
        using var ok = await zuzhi.GetAsync(href);
        using var denied = await staff.GetAsync(href);

        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        var rows = LianxiFiguresTests.ReadFirstSheet(new MemoryStream(await ok.Content.ReadAsByteArrayAsync()));
        var leader = await portal.DisplayNameAsync(DemoAccounts.Leader);
        Assert.Contains(rows, r => r.Length > 1 && r[1] == leader);
        Assert.Contains(rows, r => r.FirstOrDefault() == "全校合计");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, denied.StatusCode);
    }
}
