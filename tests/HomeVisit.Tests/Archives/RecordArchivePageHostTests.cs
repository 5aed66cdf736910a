using System.Net;
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

    [Fact]
    public async Task The_cores_address_of_a_modules_own_archive_page_redirects_there_with_the_year_and_keeps_its_authorisation()
    {
        using var jiwei = portal.CreateBrowserLikeClient();
        await jiwei.SignInAsync(DemoAccounts.DisciplineOffice);

        // Old links and bookmarks of /programmes/lianzheng/archive reach the one archive page, year and all.
        using (var response = await jiwei.GetAsync("/programmes/lianzheng/archive?year=2026"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/programmes/lianzheng/records?year=2026", response.RedirectPath());
        }
        using (var response = await jiwei.GetAsync("/programmes/lianzheng/archive"))
            Assert.Equal("/programmes/lianzheng/records", response.RedirectPath());
        var page = await jiwei.GetDocumentAsync("/programmes/lianzheng/records?year=2026");
        Assert.NotNull(page.QuerySelector("[data-testid=archive-export-button]"));

        // Whoever may not read the archive is sent on and refused there, as on the page itself; nobody signed out is sent there.
        using var leader = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        using (var response = await leader.GetAsync("/programmes/lianzheng/archive"))
            Assert.Equal("/programmes/lianzheng/records", response.RedirectPath());
        var refused = await leader.GetDocumentAsync("/programmes/lianzheng/records");
        Assert.Equal("只有纪检监察室可以查看记录单存档。", refused.QuerySelector("[data-testid=page-error]")!.TextContent.Trim());
        Assert.Null(refused.QuerySelector("[data-testid=archive-export-button]"));
        using var anonymous = portal.CreateBrowserLikeClient();
        using (var response = await anonymous.GetAsync("/programmes/lianzheng/archive"))
            Assert.StartsWith("/account/login", response.RedirectPath());

        // A programme without a page of its own is listed at the core's address itself.
        using var anguan = portal.CreateBrowserLikeClient();
        await anguan.SignInAsync(DemoAccounts.CaseManagement);
        using (var response = await anguan.GetAsync("/programmes/huifang/archive"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
