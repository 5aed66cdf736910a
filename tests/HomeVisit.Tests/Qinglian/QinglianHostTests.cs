using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Qinglian;

/// <summary>The real portal with the demo data: the scan endpoint's authorisation and headers, the print and template pages.</summary>
public sealed class QinglianHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<PortalUser> UserAsync(string userName)
    {
        await using var db = portal.OpenDatabase();
        return PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));
    }

    /// <summary>The demo leader records a pledge for the first household of his with a spouse; returns its id.</summary>
    private async Task<(int Id, int PersonId)> CommitmentAsync()
    {
        var leader = await UserAsync(DemoAccounts.Leader);
        var households = portal.Services.GetRequiredService<QinglianHouseholdService>();
        var row = (await households.ListAsync(leader, new HouseholdQuery(PageSize: 200))).Rows.Items
            .First(r => r.Family.Any(f => f.Relation == HomeVisit.Core.People.FamilyRelation.Spouse));
        var bytes = "%PDF-1.4\n% demo\n"u8.ToArray();
        var id = await portal.Services.GetRequiredService<CommitmentService>().RecordAsync(leader, new CommitmentInput
        {
            PersonId = row.PersonId,
            FamilyMemberId = row.Family.First(f => f.Relation == HomeVisit.Core.People.FamilyRelation.Spouse).Id,
            SignedOn = DateTime.Today,
        }, new ScanUpload("家庭助廉承诺书（签字）.pdf", bytes.Length, new MemoryStream(bytes)));
        return (id, row.PersonId);
    }

    [Fact]
    public async Task A_scan_is_served_to_the_leader_with_safe_headers_audited_and_is_404_for_staff()
    {
        var (id, _) = await CommitmentAsync();
        using var leader = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        using var staff = portal.CreateBrowserLikeClient();
        await staff.SignInAsync(DemoAccounts.Staff);
        using var anonymous = portal.CreateBrowserLikeClient();

        using var ok = await leader.GetAsync($"/programmes/qinglian/commitments/{id}/scan");
        using var denied = await staff.GetAsync($"/programmes/qinglian/commitments/{id}/scan");
        using var missing = await leader.GetAsync("/programmes/qinglian/commitments/999999/scan");
        using var signedOut = await anonymous.GetAsync($"/programmes/qinglian/commitments/{id}/scan");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/pdf", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", ok.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", ok.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("inline", ok.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("家庭助廉承诺书（签字）.pdf", ok.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("%PDF-1.4", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/account/login", signedOut.Headers.Location!.OriginalString);

        await using var db = portal.OpenDatabase();
        var reads = await db.AuditEntries.Where(a => a.Action == "read" && a.EntityType == nameof(Commitment) && a.EntityId == id.ToString())
            .Select(a => a.UserName).ToListAsync();
        Assert.Equal([DemoAccounts.Leader], reads);
        // Stored beside the database in the data folder, not under wwwroot.
        var key = await db.Commitments.Where(c => c.Id == id).Select(c => c.ScanKey).SingleAsync();
        Assert.True(File.Exists(Path.Combine(portal.Folder, "uploads", key)));
    }

    [Fact]
    public async Task The_proposal_prints_with_the_institutions_name()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        var page = await client.GetDocumentAsync("/programmes/qinglian/print/proposal");

        var document = page.QuerySelector("[data-testid=print-document]")!;
        Assert.Equal("“清廉家庭·幸福人生”家庭助廉倡议书", document.QuerySelector("h1")!.TextContent);
        Assert.Contains($"{DemoAccounts.InstitutionName}的干部、职工家庭", document.TextContent);
        Assert.NotNull(page.QuerySelector("link[href='css/a4.css']"));
    }

    [Fact]
    public async Task The_template_editor_is_for_admins_only()
    {
        using var leader = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        using var admin = portal.CreateBrowserLikeClient();
        await admin.SignInAsync(DemoAccounts.Admin);

        var refused = await leader.GetDocumentAsync("/programmes/qinglian/templates");
        var editor = await admin.GetDocumentAsync("/programmes/qinglian/templates?t=qinglian-chengnuoshu");

        Assert.Contains("只有系统管理员和项目管理员可以修改模板", refused.QuerySelector("[data-testid=templates-denied]")!.TextContent);
        Assert.Null(refused.QuerySelector("[data-testid=template-markdown]"));
        Assert.Contains("不插手配偶工作", editor.QuerySelector("[data-testid=template-markdown]")!.GetAttribute("value") ?? editor.QuerySelector("[data-testid=template-markdown]")!.TextContent);
        Assert.Contains("不插手配偶工作", editor.QuerySelector("[data-testid=template-preview]")!.TextContent);
    }

    [Fact]
    public async Task The_demo_general_affairs_account_has_confirmed_this_half_years_list_and_may_confirm_the_next_one_ahead()
    {
        using var zonghe = portal.CreateBrowserLikeClient();
        await zonghe.SignInAsync(DemoAccounts.GeneralAffairs);
        var name = await portal.DisplayNameAsync(DemoAccounts.GeneralAffairs);

        var page = await zonghe.GetDocumentAsync("/programmes/qinglian/households");

        Assert.Equal("已确认", page.QuerySelector("[data-testid=household-list-state]")!.TextContent.Trim());
        Assert.Contains(name, page.QuerySelector("[data-testid=household-list-by]")!.TextContent);
        Assert.Equal("未确认", page.QuerySelector("[data-testid=household-next-list-state]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=household-next-list-confirm]"));
        // The leader plans; the list is not his to confirm.
        using var leader = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        var leaders = await leader.GetDocumentAsync("/programmes/qinglian/households");
        Assert.NotNull(leaders.QuerySelector("[data-testid=household-next-list-state]"));
        Assert.Null(leaders.QuerySelector("[data-testid=household-next-list-confirm]"));
    }
}
