using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Huifang;

/// <summary>The case management office enters a sanction, plans a revisit, and the discipline office approves it, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HuifangBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Anguan_enters_a_sanction_plans_a_revisit_with_jijian_and_jiwei_approves_it()
    {
        var (personId, personName, teammateId, teammateName) = await PickPeopleAsync();
        var decided = DateTime.UtcNow.AddHours(8).Date.AddMonths(-3);

        await using (var anguan = await app.SignInAsync(DemoAccounts.CaseManagement))
        {
            var page = anguan.Page;
            await page.GotoAsync("/programmes/huifang/sanctions/new");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.GetByTestId("sanction-person-search").FillAsync(personName);
            await page.Locator($"[data-testid=sanction-person-option][data-person-id='{personId}']").ClickAsync();
            await page.GetByTestId("sanction-party-kind").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\s*警告\s*$") }).ClickAsync();
            await Assertions.Expect(VisitFlowBrowserTests.SelectInput(page, "sanction-party-kind")).ToHaveValueAsync("警告");
            // The influence period follows the kind (《中国共产党纪律处分条例》第十条: 警告一年).
            await Assertions.Expect(page.GetByTestId("sanction-party-months")).ToHaveValueAsync("12");
            await page.GetByTestId("sanction-party-date").FillAsync(decided.ToString("yyyy-MM-dd"));
            await page.GetByTestId("sanction-party-date").PressAsync("Tab");
            await page.GetByTestId("sanction-save").ClickAsync();
            await Assertions.Expect(BrowserFixture.FieldError(page, "sanction-reason")).ToHaveTextAsync("请填写受处分原因（主要违纪违法事实）。");
            await Assertions.Expect(page.GetByTestId("sanction-party-date")).ToHaveValueAsync(decided.ToString("yyyy-MM-dd"));
            await Assertions.Expect(page.GetByTestId("sanction-party-months")).ToHaveValueAsync("12");
            await page.GetByTestId("sanction-reason").FillAsync("违反工作纪律，擅自变更实训安排造成不良影响。");
            await page.GetByTestId("sanction-save").ClickAsync();

            await BrowserFixture.ExpectNavigatedAsync(page, new System.Text.RegularExpressions.Regex(@"/programmes/huifang/sanctions/\d+$"));
            await Assertions.Expect(page.GetByTestId("sanction-eligibility")).ToHaveAttributeAsync("data-status", nameof(RevisitEligibility.Due));

            await page.GetByTestId("sanction-plan").ClickAsync();
            await BrowserFixture.ExpectNavigatedAsync(page, new System.Text.RegularExpressions.Regex(@"/programmes/huifang/revisits/new\?record=\d+$"));
            await BrowserFixture.WaitForInteractiveAsync(page);
            var start = DateTime.UtcNow.AddHours(8).Date.AddDays(5).AddHours(15);
            await page.GetByTestId("revisit-start").FillAsync(start.ToString("yyyy-MM-dd"));
            await page.GetByTestId("revisit-start").PressAsync("Tab");
            await page.GetByTestId("revisit-start-time").FillAsync(start.ToString("HH:mm"));
            await page.GetByTestId("revisit-start-time").PressAsync("Tab");
            await Assertions.Expect(page.GetByTestId("revisit-start-time")).ToHaveValueAsync("15:00");
            await page.GetByTestId("revisit-person-notes").FillAsync("性格直爽，受处分后情绪低落。");
            await page.GetByTestId("revisit-case-notes").FillAsync("党内警告，影响期一年。");
            // A team of one is refused beside the team field.
            await page.GetByTestId("revisit-plan-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-VisitorIds")).ToContainTextAsync("2 名以上");
            await Assertions.Expect(page.GetByTestId("revisit-team-hint")).ToContainTextAsync("还需添加 1 人");
            await page.GetByTestId("revisit-team-search").FillAsync(teammateName);
            await page.Locator($"[data-testid=revisit-team-option][data-person-id='{teammateId}']").ClickAsync();
            await page.GetByTestId("revisit-plan-save").ClickAsync();

            await BrowserFixture.ExpectNavigatedAsync(page, new System.Text.RegularExpressions.Regex(@"/programmes/huifang/revisits/\d+$"));
            await Assertions.Expect(page.GetByTestId("revisit-approval")).ToHaveAttributeAsync("data-approval", "Pending");
            await Assertions.Expect(page.GetByTestId("revisit-record")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("revisit-approve")).ToHaveCountAsync(0);

            // The programme's home lists the person among those due (the list is a grid that loads once the page is live).
            await page.GotoAsync("/programmes/huifang");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.GetByTestId("sanction-search").FillAsync(personName);
            var due = page.Locator("[data-testid=huifang-due] tr:has([data-testid=sanction-row])");
            await Assertions.Expect(due).ToHaveCountAsync(1);
            await Assertions.Expect(due).ToContainTextAsync(personName);
            await Assertions.Expect(due.Locator("[data-testid=sanction-row]")).ToHaveAttributeAsync("data-status", nameof(RevisitEligibility.Due));
            await Assertions.Expect(due.Locator("[data-testid=sanction-planned]")).ToHaveTextAsync("1");
        }

        int visitId;
        await using (var db = app.Portal.OpenDatabase())
            visitId = await db.Set<Revisit>().Where(r => r.SanctionRecord!.PersonId == personId).Select(r => r.VisitId).SingleAsync();
        await using var jiwei = await app.SignInAsync(DemoAccounts.DisciplineOffice);
        await jiwei.Page.GotoAsync($"/programmes/huifang/revisits/{visitId}");
        await BrowserFixture.WaitForInteractiveAsync(jiwei.Page);
        await jiwei.Page.GetByTestId("revisit-approve").ClickAsync();
        await jiwei.Page.GetByTestId("reason-confirm").ClickAsync();
        await Assertions.Expect(jiwei.Page.GetByTestId("revisit-approval")).ToHaveAttributeAsync("data-approval", "Approved");
        await Assertions.Expect(jiwei.Page.GetByTestId("revisit-record")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_registration_form_prints_on_one_a4_page_with_every_field()
    {
        var visitId = await RecordedRevisitAsync();
        await using var session = await app.SignInAsync(DemoAccounts.CaseManagement);

        var result = await PrintPdf.RenderAsync(session.Page, $"/programmes/huifang/revisits/{visitId}/form");

        Assert.Equal(1, result.Pages);
        Assert.False(result.Overflows);
        var form = session.Page.GetByTestId("registration-form");
        foreach (var label in new[] { "填报单位", "填报时间", "回访对象姓名", "性　别", "出生年月", "文化程度", "参加工作时间", "入党时间", "工作单位及职务",
                     "家庭住址", "联系电话", "违纪", "党纪处分", "政务处分", "时　间", "种　类", "回访时间", "态度以及", "回访意见", "回访工作人员签名", "备　注" })
            await Assertions.Expect(form).ToContainTextAsync(label);
        await Assertions.Expect(session.Page.GetByTestId("rf-attitude")).ToHaveTextAsync("认识深刻，表示将吸取教训。");
        await Assertions.Expect(session.Page.GetByTestId("rf-party-kind")).ToHaveTextAsync("警告");
    }

    /// <summary>A revisit of the demo's first due person by anguan and jijian, approved by jiwei and recorded.</summary>
    private async Task<int> RecordedRevisitAsync()
    {
        await using var db = app.Portal.OpenDatabase();
        var accounts = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.CaseManagement || a.UserName == DemoAccounts.DisciplineStaff).ToListAsync();
        var anguan = PortalUser.From(accounts.Single(a => a.UserName == DemoAccounts.CaseManagement));
        var jiwei = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.DisciplineOffice));
        var services = app.Portal.Services;
        var due = (await services.GetRequiredService<SanctionService>().ListAsync(anguan, new SanctionQuery(Status: RevisitEligibility.Due))).Items
            .First(r => r.Party == "警告");
        var visits = services.GetRequiredService<VisitService>();
        var now = DateTime.UtcNow.AddHours(8);
        var visitId = await services.GetRequiredService<RevisitService>().PlanAsync(anguan, new RevisitPlanEdit
        {
            SanctionRecordId = due.Id, Form = HuifangForms.OnSiteTalk, PlannedStart = now.AddHours(-2), VisitorIds = accounts.Select(a => a.PersonId!.Value).ToList(),
            PersonNotes = "性格开朗", CaseNotes = "党内警告，影响期一年",
        });
        await visits.DecideApprovalAsync(jiwei, visitId, (await visits.GetAsync(jiwei, visitId)).Version, true, null);
        var outcome = new VisitOutcome { Version = (await visits.GetAsync(anguan, visitId)).Version, ActualStart = now.AddHours(-2), Record = "谈心谈话。" };
        outcome.FormData["Attitude"] = "认识深刻，表示将吸取教训。";
        outcome.FormData["Suggestions"] = "建议所在单位继续关心其思想和生活。";
        outcome.FormData["Outcome"] = "予以肯定和鼓励";
        await visits.RecordOutcomeAsync(anguan, visitId, outcome);
        return visitId;
    }

    /// <summary>A teacher without a sanction record (one per run of this test) and jijian's person for the team.</summary>
    private async Task<(int, string, int, string)> PickPeopleAsync()
    {
        await using var db = app.Portal.OpenDatabase();
        var person = await db.People
            .Where(p => p.Position == "教师" && p.Unit!.Name == "信息工程学院" && !db.Set<SanctionRecord>().Any(s => s.PersonId == p.Id))
            .OrderBy(p => p.StaffNumber).Select(p => new { p.Id, p.Name }).FirstAsync();
        var mate = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.DisciplineStaff).Select(a => new { a.Person!.Id, a.Person.Name }).SingleAsync();
        return (person.Id, person.Name, mate.Id, mate.Name);
    }
}
