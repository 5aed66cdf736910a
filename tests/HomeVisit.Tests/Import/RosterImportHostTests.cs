using System.Net;
using DocumentFormat.OpenXml.Packaging;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;

namespace HomeVisit.Tests.Import;

public sealed class RosterImportHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_template_downloads_for_roster_managers_with_the_three_sheets()
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.OrganisationDept);

        using var response = await client.GetAsync("/admin/import/template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal(["组织机构", "人员", "家庭成员"], names);
    }

    [Theory]
    [InlineData("/admin/import/template.xlsx")]
    [InlineData("/admin/import")]
    public async Task Staff_and_leaders_may_not_import(string path)
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        using var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("名单导入", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in()
    {
        using var response = await portal.CreateBrowserLikeClient().GetAsync("/admin/import/template.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectPath());
    }
}
