using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Programmes;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Ganbu;

/// <summary>The module's pages as served (prerendered) by the real portal to the demo accounts.</summary>
public sealed class GanbuPagesHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<PortalUser> UserAsync(string name)
    {
        await using var db = portal.OpenDatabase();
        return PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == name));
    }

    [Fact]
    public async Task A_request_filed_by_the_demo_teacher_opens_for_the_deputy_dean_who_handles_it_with_its_timeline()
    {
        var requests = portal.Services.GetRequiredService<GanbuRequestService>();
        var id = await requests.FileAsync(await UserAsync(DemoAccounts.Staff), new GanbuRequestInput
        {
            Category = GanbuCategory.WeddingOrFuneral, Summary = $"下月结婚，希望调整监考安排-{Guid.NewGuid():N}"[..20],
        });
        var staff = portal.CreateBrowserLikeClient();
        await staff.SignInAsync(DemoAccounts.Staff);
        var leader = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);

        var page = await leader.GetDocumentAsync($"/programmes/ganbu/requests/{id}");
        var own = await staff.GetDocumentAsync($"/programmes/ganbu/requests/{id}");
        var liaison = portal.CreateBrowserLikeClient();
        await liaison.SignInAsync(DemoAccounts.Liaison);
        var other = await liaison.GetDocumentAsync($"/programmes/ganbu/requests/{id}");

        // (The lists are server-paged grids that load after the first render: see the browser test.)
        Assert.NotNull(own.QuerySelector("[data-testid=request-withdraw]"));
        Assert.Null(own.QuerySelector("[data-testid=request-plan-visit]"));
        Assert.NotNull(other.QuerySelector("[data-testid=page-error]"));
        Assert.NotNull(page.QuerySelector("[data-testid=request-plan-visit]"));
        Assert.Null(page.QuerySelector("[data-testid=request-reclassify]"));
        Assert.Equal(["Filed", "Assigned"], page.QuerySelectorAll("[data-testid=request-step]").Select(s => s.GetAttribute("data-kind")));
        Assert.Contains(await portal.DisplayNameAsync(DemoAccounts.Leader), page.QuerySelector("[data-testid=request-handler]")!.TextContent);
    }

    [Fact]
    public async Task Oversight_pages_open_for_the_organisation_department_and_say_no_to_a_teacher()
    {
        var zuzhi = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);
        var staff = portal.CreateBrowserLikeClient();
        await staff.SignInAsync(DemoAccounts.Staff);

        foreach (var (path, testId) in new[]
                 {
                     ("/programmes/ganbu/oversight", "attention-grid"), ("/programmes/ganbu/summary", "summary-sheet"),
                     ("/programmes/ganbu/inspections", "inspection-form"),
                 })
        {
            Assert.NotNull((await zuzhi.GetDocumentAsync(path)).QuerySelector($"[data-testid={testId}]"));
        }
        Assert.NotNull((await staff.GetDocumentAsync("/programmes/ganbu/oversight")).QuerySelector("[data-testid=oversight-denied]"));
        Assert.NotNull((await staff.GetDocumentAsync("/programmes/ganbu/summary")).QuerySelector("[data-testid=summary-denied]"));
        Assert.NotNull((await zuzhi.GetDocumentAsync("/programmes/ganbu/admin")).QuerySelector("[data-testid=admin-denied]"));
        var home = await zuzhi.GetDocumentAsync("/programmes/ganbu");
        Assert.Contains(home.QuerySelectorAll("[data-testid=ganbu-link]"), a => a.GetAttribute("data-path") == "/programmes/ganbu/oversight");
    }

    [Fact]
    public async Task The_api_key_page_links_to_the_api_documentation_shown_inside_the_portal_to_admins_only()
    {
        var admin = portal.CreateBrowserLikeClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var zuzhi = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);

        var keys = await admin.GetDocumentAsync("/programmes/ganbu/admin");
        var docs = await admin.GetDocumentAsync("/admin/api");

        Assert.Equal("/admin/api", keys.QuerySelector("[data-testid=api-docs-link]")?.GetAttribute("href"));
        Assert.DoesNotContain("docs/api.md", keys.Body!.TextContent);
        var article = docs.QuerySelector("[data-testid=api-docs]");
        Assert.NotNull(article);
        Assert.Contains("POST /api/ganbu/requests", article.TextContent);
        Assert.Contains(article.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "Authentication");
        Assert.NotNull((await zuzhi.GetDocumentAsync("/admin/api")).QuerySelector("[data-testid=api-docs-denied]"));
    }

    [Fact]
    public async Task The_ledger_and_a_record_form_of_a_demo_ganbu_visit_print_the_annex_fields()
    {
        int visitId, unitId;
        string target;
        await using (var db = portal.OpenDatabase())
        {
            var visit = await db.Visits.Where(v => v.ProgrammeKey == "ganbu" && v.Status == HomeVisit.Core.Visits.VisitStatus.Done && v.Form == HomeVisit.Core.Visits.VisitForm.HomeVisit)
                .Select(v => new { v.Id, Target = v.Targets.Select(t => t.Person!).First() }).FirstAsync();
            (visitId, unitId, target) = (visit.Id, visit.Target.UnitId!.Value, visit.Target.Name);
        }
        var zuzhi = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);
        var year = DateTime.UtcNow.AddHours(8).AddDays(-45).Year;

        var form = await zuzhi.GetDocumentAsync($"/programmes/ganbu/visits/{visitId}/record-form");
        var ledger = await zuzhi.GetDocumentAsync($"/programmes/ganbu/ledger?unit={unitId}&year={year}");

        Assert.Equal(target, form.QuerySelector("[data-testid=record-form-target]")!.TextContent.Trim());
        Assert.Contains("家访方式：", form.QuerySelector("[data-testid=record-form-record]")!.TextContent);
        Assert.Contains("本表格应在家访问题解决之后再存档", form.Body!.TextContent);
        Assert.Contains("领导干部家访台账", ledger.QuerySelector("[data-testid=ledger-title]")!.TextContent);
        Assert.Contains(ledger.QuerySelectorAll("[data-testid=ledger-row]"), r => r.GetAttribute("data-visit-id") == visitId.ToString());
    }

    [Fact]
    public async Task The_ledger_page_and_its_workbook_show_annex_1s_columns_and_the_same_cells_and_the_page_offers_the_export()
    {
        int unitId, year;
        await using (var db = portal.OpenDatabase())
        {
            var visit = await db.Visits.Where(v => v.ProgrammeKey == "ganbu" && v.Status == HomeVisit.Core.Visits.VisitStatus.Done)
                .Select(v => new { v.ActualStart, Unit = v.Targets.Select(t => t.Person!.UnitId).First() }).FirstAsync();
            (unitId, year) = (visit.Unit!.Value, visit.ActualStart!.Value.Year);
        }
        var zuzhi = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);

        var page = await zuzhi.GetDocumentAsync($"/programmes/ganbu/ledger?unit={unitId}&year={year}");
        using var xlsx = new MemoryStream(await zuzhi.GetByteArrayAsync($"/programmes/ganbu/ledger.xlsx?unit={unitId}&year={year}"));
        var book = GanbuLedgerDefinitionTests.ReadRows(xlsx);

        var header = page.QuerySelectorAll("[data-testid=ledger-column]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(GanbuLedger.Columns, header);
        Assert.Equal(header, book[2]);
        var rows = page.QuerySelectorAll("[data-testid=ledger-row]")
            .Select(r => r.QuerySelectorAll("[data-testid=ledger-cell]").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows, book.Skip(3).ToList());
        Assert.Equal(page.QuerySelector("[data-testid=ledger-title]")!.TextContent.Trim(), book[0][0]);
        Assert.NotNull(page.QuerySelector("[data-testid=ledger-export-button]"));
    }

    [Fact]
    public async Task While_ganbu_is_switched_off_its_request_pages_answer_404()
    {
        var admin = await UserAsync(DemoAccounts.Admin);
        var rules = portal.Services.GetRequiredService<ProgrammeRulesService>();
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);

        await rules.SetEnabledAsync(admin, GanbuAccess.ProgrammeKey, enabled: false);
        try
        {
            using var list = await client.GetAsync("/programmes/ganbu/requests");
            using var export = await client.GetAsync("/programmes/ganbu/summary.xlsx?year=2026&quarter=4");
            var start = await client.GetDocumentAsync("/");
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
            Assert.DoesNotContain(start.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/programmes/ganbu/requests");
        }
        finally
        {
            await rules.SetEnabledAsync(admin, GanbuAccess.ProgrammeKey, enabled: true);
        }
    }
}
