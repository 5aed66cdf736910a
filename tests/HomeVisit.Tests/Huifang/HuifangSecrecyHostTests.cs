using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// Over HTTP with the demo data: every page of 受处分人员回访关爱 answers 404 to the demo admin, organisation
/// department, leader and staff, and no other page shows them a sanctioned person's revisit; the discipline office
/// and the case management office (anguan) get the pages.
/// </summary>
public sealed class HuifangSecrecyHostTests(HuifangSecrecyHostTests.Fixture f) : IClassFixture<HuifangSecrecyHostTests.Fixture>
{
    /// <summary>The portal with one revisit planned for the demo's first due person by anguan and jijian.</summary>
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public int RecordId { get; private set; }
        public int VisitId { get; private set; }
        public string PersonName { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await using var db = OpenDatabase();
            var accounts = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.CaseManagement || a.UserName == DemoAccounts.DisciplineStaff).ToListAsync();
            var anguan = PortalUser.From(accounts.Single(a => a.UserName == DemoAccounts.CaseManagement));
            var due = (await Services.GetRequiredService<SanctionService>().ListAsync(anguan, new SanctionQuery(Status: RevisitEligibility.Due))).Items[0];
            (RecordId, PersonName) = (due.Id, due.PersonName);
            VisitId = await Services.GetRequiredService<RevisitService>().PlanAsync(anguan, new RevisitPlanEdit
            {
                SanctionRecordId = RecordId, Form = HuifangForms.OnSiteTalk, PlannedStart = DateTime.Today.AddDays(3).AddHours(15),
                VisitorIds = accounts.Select(a => a.PersonId!.Value).ToList(), PersonNotes = "性格开朗", CaseNotes = "党内警告，影响期一年",
            });
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    public static TheoryData<string> OtherAccounts => [DemoAccounts.Admin, DemoAccounts.OrganisationDept, DemoAccounts.Leader, DemoAccounts.Staff];

    private string[] Paths =>
    [
        "/programmes/huifang", "/programmes/huifang/settings", "/programmes/huifang/sanctions", "/programmes/huifang/sanctions/new",
        $"/programmes/huifang/sanctions/{f.RecordId}", $"/programmes/huifang/sanctions/{f.RecordId}/edit",
        $"/programmes/huifang/revisits/new?record={f.RecordId}", $"/programmes/huifang/revisits/{f.VisitId}",
        $"/programmes/huifang/revisits/{f.VisitId}/form", "/programmes/huifang/no-such-page", "/api/huifang/sanctions",
        "/programmes/huifang/summary", "/programmes/huifang/ledger.xlsx", "/programmes/huifang/summary.xlsx",
        "/programmes/huifang/archive",
    ];

    [Theory]
    [MemberData(nameof(OtherAccounts))]
    public async Task Every_huifang_page_answers_404_to_other_roles_without_a_trace_of_the_person(string userName)
    {
        using var client = f.CreateBrowserLikeClient();
        await client.SignInAsync(userName);

        foreach (var path in Paths)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{userName} {path}: {(int)response.StatusCode}");
            Assert.DoesNotContain(f.PersonName, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(OtherAccounts))]
    public async Task Other_pages_show_other_roles_neither_the_programme_nor_the_revisit(string userName)
    {
        using var client = f.CreateBrowserLikeClient();
        await client.SignInAsync(userName);

        var start = await client.GetDocumentAsync("/");
        var visit = await client.GetDocumentAsync($"/visits/{f.VisitId}");
        // The visit list fills in after the circuit starts, so it is checked through the service the page calls.
        await using var db = f.OpenDatabase();
        var user = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));
        var found = await f.Services.GetRequiredService<VisitService>().ListAsync(user, new VisitQuery(Search: f.PersonName, PageSize: 200));

        Assert.DoesNotContain(start.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("/programmes/huifang") == true);
        Assert.DoesNotContain("受处分人员回访关爱", start.Body!.TextContent);
        Assert.NotNull(visit.QuerySelector("[data-testid=page-error]"));
        Assert.DoesNotContain(f.PersonName, visit.Body!.TextContent);
        Assert.DoesNotContain(found.Items, v => v.Id == f.VisitId || v.ProgrammeKey == "huifang");
    }

    [Fact]
    public async Task The_programme_admin_overview_and_the_quota_page_leave_the_programme_out_for_a_system_admin()
    {
        using var client = f.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);

        var overview = await client.GetDocumentAsync("/admin/programmes");
        var quotas = await client.GetDocumentAsync("/quotas");

        Assert.Contains("联系师生", overview.Body!.TextContent);
        Assert.DoesNotContain("受处分人员回访关爱", overview.Body!.TextContent);
        Assert.DoesNotContain("受处分人员回访关爱", quotas.Body!.TextContent);
    }

    [Theory]
    [InlineData(DemoAccounts.DisciplineOffice)]
    [InlineData(DemoAccounts.CaseManagement)]
    public async Task The_discipline_and_case_management_offices_see_the_due_list_the_revisit_and_its_form(string userName)
    {
        using var client = f.CreateBrowserLikeClient();
        await client.SignInAsync(userName);

        var home = await client.GetDocumentAsync("/programmes/huifang");
        var form = await client.GetDocumentAsync($"/programmes/huifang/revisits/{f.VisitId}/form");
        var start = await client.GetDocumentAsync("/");

        // The due list is a server-paged grid that fills in once the page is live (the browser test sees the person in it):
        // here the section is served and the service the grid calls lists the person for this user.
        await using var db = f.OpenDatabase();
        var user = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));
        var due = await f.Services.GetRequiredService<SanctionService>().ListAsync(user, new SanctionQuery(f.PersonName, RevisitEligibility.Due));
        Assert.NotNull(home.QuerySelector("[data-testid=huifang-due]"));
        Assert.Contains(due.Items, r => r.Id == f.RecordId);
        Assert.Equal(f.PersonName, form.QuerySelector("[data-testid=rf-name]")?.TextContent.Trim());
        Assert.Equal("警告", form.QuerySelector("[data-testid=rf-party-kind]")?.TextContent.Trim());
        Assert.Contains(start.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/programmes/huifang");
    }
}
