using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;

namespace HomeVisit.Tests.Archives;

/// <summary>The core's record archive page as the server renders it, on the demo institution.</summary>
public sealed class RecordArchivePageHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_programme_without_its_own_archive_page_links_to_the_cores_which_lists_and_exports_it()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.CaseManagement);

        var home = await client.GetDocumentAsync("/programmes/huifang");
        Assert.Equal("/programmes/huifang/archive", home.QuerySelector("[data-testid=programme-archive-link]")!.GetAttribute("href"));

        var page = await client.GetDocumentAsync("/programmes/huifang/archive");
        Assert.Equal("受处分人员回访关爱回访存档", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=archive-export-button]"));
        Assert.NotNull(page.QuerySelector("[data-testid=archive-empty]") ?? page.QuerySelector("[data-testid=archive]"));
    }

    [Fact]
    public async Task A_module_with_its_own_archive_page_keeps_its_link_and_the_page_exports_through_the_core()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.DisciplineOffice);

        var home = await client.GetDocumentAsync("/programmes/lianzheng");
        Assert.Null(home.QuerySelector("[data-testid=programme-archive-link]"));
        Assert.Equal("/programmes/lianzheng/records", home.QuerySelector("[data-testid=lz-home-archive]")!.GetAttribute("href"));
        var page = await client.GetDocumentAsync("/programmes/lianzheng/records");
        Assert.NotNull(page.QuerySelector("[data-testid=archive-export-button]"));
    }
}
