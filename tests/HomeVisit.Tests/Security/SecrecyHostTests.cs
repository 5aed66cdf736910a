using System.Net;
using AngleSharp.Html.Parser;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Security;

/// <summary>
/// Issue 13 items 6–8 over HTTP with the demo data: 受处分人员回访关爱 cannot be reached by writing its URL in another
/// case, answers outsiders exactly as an unknown programme does, is not named in their help pages, and its exports do
/// not show in their audit log.
/// </summary>
public sealed class SecrecyHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly HtmlParser Parser = new();

    private async Task<int> ExportEntriesAsync()
    {
        await using var db = portal.OpenDatabase();
        return await db.AuditEntries.CountAsync(a => a.Action == "export");
    }

    [Theory]
    [InlineData(DemoAccounts.Staff, "/Programmes/huifang/ledger.xlsx")]
    [InlineData(DemoAccounts.Admin, "/programmes/HUIFANG/ledger.xlsx")]
    [InlineData(DemoAccounts.Leader, "/PROGRAMMES/Huifang/summary.xlsx")]
    [InlineData(DemoAccounts.Admin, "/Programmes/Huifang/sanctions")]
    [InlineData(DemoAccounts.OrganisationDept, "/Api/Huifang/sanctions")]
    public async Task A_huifang_url_in_any_case_answers_404_to_outsiders_and_exports_nothing(string userName, string path)
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(userName);
        var before = await ExportEntriesAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await ExportEntriesAsync());
    }

    [Theory]
    [InlineData("/programmes/{0}/settings")]
    [InlineData("/programmes/{0}/summary")]
    [InlineData("/programmes/{0}")]
    [InlineData("/programmes/{0}/sanctions")]
    [InlineData("/programmes/{0}/ledger.xlsx")]
    public async Task To_an_outsider_every_huifang_url_looks_exactly_like_an_unknown_programme(string pattern)
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);

        using var hidden = await client.GetAsync(string.Format(pattern, "huifang"));
        using var unknown = await client.GetAsync(string.Format(pattern, "nosuch"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, hidden.StatusCode);
        var a = await Parser.ParseDocumentAsync(await hidden.Content.ReadAsStringAsync());
        var b = await Parser.ParseDocumentAsync(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(b.Title, a.Title);
        Assert.Equal(b.QuerySelector("h1")?.TextContent, a.QuerySelector("h1")?.TextContent);
        Assert.Equal(b.QuerySelector(".hv-body")?.TextContent.Trim(), a.QuerySelector(".hv-body")?.TextContent.Trim());
        Assert.DoesNotContain("无权访问", a.Body?.TextContent ?? "");
    }

    [Fact]
    public async Task The_help_pages_do_not_name_the_programme_to_outsiders_but_do_to_the_discipline_office()
    {
        using var admin = portal.CreateBrowserLikeClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        using var jiwei = portal.CreateBrowserLikeClient();
        await jiwei.SignInAsync(DemoAccounts.DisciplineOffice);

        foreach (var path in new[] { "/help", "/help/01-kuaisu-rumen", "/help/02-jiafang-xiangmu" })
        {
            var page = await admin.GetDocumentAsync(path);
            Assert.DoesNotContain("受处分人员回访关爱", page.Body!.TextContent);
            Assert.Contains("联系师生", page.Body!.TextContent);
        }
        var own = await jiwei.GetDocumentAsync("/help/02-jiafang-xiangmu");
        Assert.Contains("受处分人员回访关爱", own.Body!.TextContent);
    }

    [Fact]
    public async Task A_huifang_export_by_the_discipline_office_is_in_their_audit_log_and_not_in_the_system_admins()
    {
        using var jiwei = portal.CreateBrowserLikeClient();
        await jiwei.SignInAsync(DemoAccounts.DisciplineOffice);
        using (var export = await jiwei.GetAsync("/programmes/huifang/ledger.xlsx"))
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using (var other = await jiwei.GetAsync("/programmes/lianzheng/ledger.xlsx"))
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        await using var db = portal.OpenDatabase();
        var adminUser = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
        var jiweiUser = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.DisciplineOffice));
        var audit = portal.Services.GetRequiredService<AuditService>();
        var query = new AuditQuery(UserName: DemoAccounts.DisciplineOffice, Action: "export", PageSize: 200);

        var seenByJiwei = (await audit.ListAsync(jiweiUser, query)).Items;
        var seenByAdmin = (await audit.ListAsync(adminUser, query)).Items;

        Assert.Contains(seenByJiwei, e => e.Detail!.Contains("huifang"));
        Assert.Contains(seenByAdmin, e => e.Detail!.Contains("lianzheng"));
        Assert.DoesNotContain(seenByAdmin, e => e.Detail!.Contains("huifang") || e.EntityId == "huifang");
    }
}
