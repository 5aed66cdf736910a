using AngleSharp.Dom;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Demo;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>The module's pages as the server renders them, on the demo institution.</summary>
public sealed class LianzhengPagesHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Text(IParentNode page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? throw new InvalidOperationException($"No {testId} on the page.");

    /// <summary>The demo's first 廉政家访: a college leader and the party secretary at a teacher's home, the liaison keeping the record.</summary>
    private async Task<(Visit Visit, Person Target, FamilyMember Spouse, List<Person> Leaders)> DemoVisitAsync()
    {
        await using var db = portal.OpenDatabase();
        var staff = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.Staff).Select(a => a.PersonId).SingleAsync();
        var visit = await db.Visits.Include(v => v.Visitors).ThenInclude(x => x.Person)
            .SingleAsync(v => v.ProgrammeKey == "lianzheng" && v.Form == VisitForm.HomeVisit && v.Status == VisitStatus.Done && v.Targets.Any(t => t.PersonId == staff));
        var target = await db.People.SingleAsync(p => p.Id == staff);
        var spouse = await db.FamilyMembers.Where(f => f.PersonId == staff && f.Relation == FamilyRelation.Spouse).OrderBy(f => f.Id).FirstAsync();
        var leaders = visit.Visitors.Where(x => !x.IsRecorder).OrderBy(x => x.Id).Select(x => x.Person!).ToList();
        return (visit, target, spouse, leaders);
    }

    [Fact]
    public async Task The_record_form_prints_every_field_of_annex_1_with_the_visits_values_and_the_read_is_audited()
    {
        var (visit, target, spouse, leaders) = await DemoVisitAsync();
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Liaison);

        var page = await client.GetDocumentAsync($"/programmes/lianzheng/visits/{visit.Id}/record");

        var form = Assert.Single(page.QuerySelectorAll("[data-testid=lz-record-form]"));
        Assert.Equal(target.Id.ToString(), form.GetAttribute("data-person-id"));
        var labels = form.QuerySelectorAll("th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["家访对象姓名", "职　务", "家庭住址", "配偶姓名", "工作单位及职务", "家访情况记录", "家访问题解决情况", "家访领导姓名", "家访领导职务"], labels);
        Assert.Equal("广西示范职业技术学院领导干部廉政家访记录单", form.QuerySelector(".lz-title")!.TextContent.Trim());
        var date = visit.ActualStart!.Value;
        Assert.Equal($"{date.Year} 年 {date.Month} 月 {date.Day} 日", Text(form, "lz-date"));
        Assert.Equal(target.Name, Text(form, "lz-target-name"));
        Assert.Equal(target.Position, Text(form, "lz-target-position"));
        Assert.Equal(target.HomeAddress, Text(form, "lz-home-address"));
        Assert.Equal(spouse.Name, Text(form, "lz-spouse-name"));
        Assert.Equal($"{spouse.Workplace} {spouse.Position}".Trim(), Text(form, "lz-spouse-workplace"));
        Assert.Equal($"{visit.Record}\n发现的问题：{visit.ProblemsFound}", Text(form, "lz-record"));
        Assert.Equal(visit.Resolution, Text(form, "lz-resolution"));
        Assert.Equal(string.Join("、", leaders.Select(l => l.Name)), Text(form, "lz-leader-name"));
        Assert.Equal(string.Join("、", leaders.Select(l => l.Position)), Text(form, "lz-leader-position"));
        Assert.StartsWith("家访领导签名：", Text(form, "lz-leader-signature"));
        Assert.StartsWith("家访记录人签名：", Text(form, "lz-recorder-signature"));
        Assert.Contains("本表格由家访联络员填写、报送、存档。", form.QuerySelector(".lz-notes")!.TextContent);

        await using var db = portal.OpenDatabase();
        var liaison = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Liaison);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Read && a.EntityType == nameof(Visit)
                                                        && a.EntityId == visit.Id.ToString() && a.UserId == liaison.Id && a.Detail == "廉政家访记录单"));
    }

    [Fact]
    public async Task A_reader_who_may_not_see_the_visit_gets_no_form_and_none_of_its_personal_data()
    {
        var (visit, target, spouse, _) = await DemoVisitAsync();
        using var client = portal.CreateBrowserLikeClient();
        // The person visited has an account too, but is not one of the visitors.
        await client.SignInAsync(DemoAccounts.Staff);

        using var response = await client.GetAsync($"/programmes/lianzheng/visits/{visit.Id}/record");
        var html = await response.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(response);

        Assert.NotNull(page.QuerySelector("[data-testid=page-error]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=lz-record-form]"));
        Assert.DoesNotContain(target.HomeAddress!, html);
        Assert.DoesNotContain(spouse.Name, html);
        Assert.DoesNotContain(visit.Record!, html);
    }

    [Fact]
    public async Task The_ledger_page_shows_the_annex_columns_and_the_services_rows_for_the_unit_and_year()
    {
        var (visit, _, _, leaders) = await DemoVisitAsync();
        var year = visit.ActualStart!.Value.Year;
        int unit;
        PortalUser jiwei;
        await using (var db = portal.OpenDatabase())
        {
            unit = (await db.People.SingleAsync(p => p.Id == leaders[0].Id)).UnitId!.Value;
            jiwei = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.DisciplineOffice));
        }
        var expected = await portal.Services.GetRequiredService<LianzhengService>().LedgerAsync(jiwei, year, unit);
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.DisciplineOffice);

        var page = await client.GetDocumentAsync($"/programmes/lianzheng/ledger?year={year}&unit={unit}");

        Assert.Equal(Ledger.Columns, page.QuerySelectorAll("[data-testid=lz-ledger] thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(expected.Title, Text(page, "lz-ledger-title"));
        Assert.Equal($"单位（部门）：{expected.UnitName}", Text(page, "lz-ledger-unit-name"));
        Assert.Equal($"{year}年度", Text(page, "lz-ledger-year-label"));
        // The rows come a page at a time once the grid is interactive (LedgerPagingTests); the count is the year's.
        Assert.Contains(expected.Rows, r => r.VisitId == visit.Id);
        Assert.StartsWith($"共 {expected.Rows.Count} 条。", Text(page, "lz-ledger-total"));
        var first = await portal.Services.GetRequiredService<LianzhengService>().LedgerPageAsync(jiwei, year, unit, true, 1, 50);
        Assert.Equal(expected.Rows.Take(50).Select(r => string.Join(" | ", r.Cells)), first.Page.Items.Select(r => string.Join(" | ", r.Cells)));
        Assert.Equal(expected.Rows.Count, first.Page.Total);
    }

    [Fact]
    public async Task The_programme_page_links_the_modules_pages_and_shows_the_leaders_plan_against_the_quota()
    {
        using var leader = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        var page = await leader.GetDocumentAsync("/programmes/lianzheng");

        Assert.Equal("二级学院（教学部）领导（第四条（四））：计划 3 人，不足指标 4 人（尚差 1 人）。", Text(page, "lz-home-plan-quota"));
        Assert.Equal("/programmes/lianzheng/plans", page.QuerySelector("[data-testid=lz-home-plan-link]")!.GetAttribute("href"));
        Assert.Equal("/programmes/lianzheng/ledger", page.QuerySelector("[data-testid=lz-home-ledger]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=lz-home-assessment]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=lz-open-chain]"));

        using var jiwei = portal.CreateBrowserLikeClient();
        await jiwei.SignInAsync(DemoAccounts.DisciplineOffice);
        var overseer = await jiwei.GetDocumentAsync("/programmes/lianzheng");
        Assert.Equal("/programmes/lianzheng/assessment", overseer.QuerySelector("[data-testid=lz-home-assessment]")!.GetAttribute("href"));
        Assert.Equal("/programmes/lianzheng/records", overseer.QuerySelector("[data-testid=lz-home-archive]")!.GetAttribute("href"));
        var assessment = await jiwei.GetDocumentAsync("/programmes/lianzheng/assessment");
        Assert.NotEmpty(assessment.QuerySelectorAll("[data-testid=lz-assessment-row]"));
        Assert.NotNull(assessment.QuerySelector("[data-testid=lz-assessment-total]"));

        var denied = await leader.GetDocumentAsync("/programmes/lianzheng/assessment");
        Assert.NotNull(denied.QuerySelector("[data-testid=page-error]"));
        Assert.Empty(denied.QuerySelectorAll("[data-testid=lz-assessment-row]"));
    }

    [Fact]
    public async Task Scheduling_a_planned_person_opens_the_visit_form_with_that_person_and_situation()
    {
        var (_, target, _, _) = await DemoVisitAsync();
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        var page = await client.GetDocumentAsync($"/visits/new?programme=lianzheng&target={target.Id}&trigger={Uri.EscapeDataString("有反映家庭矛盾比较突出的")}");

        Assert.Equal(target.Id.ToString(), Assert.Single(page.QuerySelectorAll("[data-testid=plan-targets-selected]")).GetAttribute("data-person-id"));
        Assert.Equal("有反映家庭矛盾比较突出的", page.QuerySelector("[data-testid=plan-trigger] option[selected]")?.GetAttribute("value")
                                        ?? page.QuerySelector("[data-testid=plan-trigger]")?.GetAttribute("value"));
    }
}
