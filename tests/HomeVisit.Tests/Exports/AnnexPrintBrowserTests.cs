using HomeVisit.Core.Demo;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Exports;

/// <summary>
/// Each annexed form printed to an A4 PDF in Chromium: one record per page, and a long record flows onto more
/// pages instead of running off the paper.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AnnexPrintBrowserTests(BrowserFixture app)
{
    private static readonly string LongRecord = string.Concat(Enumerable.Repeat(
        "晚上七点半，家访组到受访干部家中，与其本人及配偶、父母拉家常，通报学校发展情况，了解八小时以外的生活圈、朋友圈、社交圈及家庭家教家风情况，听取对学校党风廉政建设的意见建议。", 30));

    [Fact]
    public async Task The_lianzheng_record_form_prints_one_page_per_person_and_a_long_record_flows_without_overflow()
    {
        var (two, _) = await DoneVisitAsync("lianzheng", "家访情况良好，家庭和睦。", targets: 2);
        var (longOne, _) = await DoneVisitAsync("lianzheng", LongRecord, targets: 1);
        await using var session = await app.SignInAsync(DemoAccounts.DisciplineOffice);

        var perPerson = await PrintPdf.RenderAsync(session.Page, $"/programmes/lianzheng/visits/{two}/record");
        var flowing = await PrintPdf.RenderAsync(session.Page, $"/programmes/lianzheng/visits/{longOne}/record");

        Assert.Equal(2, perPerson.Pages);
        Assert.False(perPerson.Overflows);
        Assert.True(flowing.Pages >= 2, $"a long record should flow onto a second page, got {flowing.Pages}");
        Assert.False(flowing.Overflows);
    }

    [Fact]
    public async Task The_ganbu_record_form_prints_on_one_page_and_a_long_record_flows_without_overflow()
    {
        var (normal, _) = await DoneVisitAsync("ganbu", "送上问候，征求意见，听取需求。", targets: 1);
        var (longOne, _) = await DoneVisitAsync("ganbu", LongRecord, targets: 1);
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);

        var one = await PrintPdf.RenderAsync(session.Page, $"/programmes/ganbu/visits/{normal}/record-form");
        var flowing = await PrintPdf.RenderAsync(session.Page, $"/programmes/ganbu/visits/{longOne}/record-form");

        Assert.Equal(1, one.Pages);
        Assert.False(one.Overflows);
        Assert.True(flowing.Pages >= 2, $"a long record should flow onto a second page, got {flowing.Pages}");
        Assert.False(flowing.Overflows);
    }

    [Fact]
    public async Task The_qinglian_notice_and_commitment_letter_each_print_on_one_page()
    {
        var (visit, target) = await PlannedQinglianVisitAsync();
        await using var db = app.Portal.OpenDatabase();
        var spouse = await db.FamilyMembers.Where(f => f.PersonId == target && f.Relation == FamilyRelation.Spouse).Select(f => f.Id).FirstAsync();
        await using var session = await app.SignInAsync(DemoAccounts.Admin);

        var notice = await PrintPdf.RenderAsync(session.Page, $"/programmes/qinglian/visits/{visit}/notice");
        var commitment = await PrintPdf.RenderAsync(session.Page, $"/programmes/qinglian/print/commitment/{spouse}");
        var proposal = await PrintPdf.RenderAsync(session.Page, "/programmes/qinglian/print/proposal");

        Assert.Equal((1, false), (notice.Pages, notice.Overflows));
        Assert.Equal((1, false), (commitment.Pages, commitment.Overflows));
        Assert.False(proposal.Overflows);
        Assert.InRange(proposal.Pages, 1, 2);
    }

    [Fact]
    public async Task Printed_forms_are_white_with_black_text_and_without_the_app_bar_or_menu_when_backgrounds_print()
    {
        var (visit, target) = await PlannedQinglianVisitAsync();
        var (ganbu, _) = await DoneVisitAsync("ganbu", "送上问候，征求意见，听取需求。", targets: 1);
        int spouse;
        await using (var db = app.Portal.OpenDatabase())
            spouse = await db.FamilyMembers.Where(f => f.PersonId == target && f.Relation == FamilyRelation.Spouse).Select(f => f.Id).FirstAsync();
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;

        foreach (var path in new[]
                 {
                     $"/programmes/qinglian/visits/{visit}/notice", $"/programmes/qinglian/print/commitment/{spouse}",
                     "/programmes/qinglian/print/proposal", $"/programmes/ganbu/visits/{ganbu}/record-form",
                 })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(page);
            await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
            await Microsoft.Playwright.Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
            await Microsoft.Playwright.Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
            // Every box a printer would fill: none but white; every text of the form: black.
            var grey = await page.EvaluateAsync<string[]>("""
                () => [document.documentElement, ...document.querySelectorAll('body, body *')]
                    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; })
                    .map(e => [e, getComputedStyle(e)])
                    .filter(([e, s]) => (s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'rgb(255, 255, 255)') || s.backgroundImage !== 'none' || s.boxShadow !== 'none')
                    .map(([e, s]) => `${e.tagName}.${e.className} ${s.backgroundColor} ${s.boxShadow}`)
                """);
            var coloured = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.hv-a4 *, .hv-sheet *')]
                    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                    .map(e => [e, getComputedStyle(e).color]).filter(([e, c]) => c !== 'rgb(0, 0, 0)')
                    .map(([e, c]) => `${e.tagName}.${e.className} ${c}`)
                """);
            Assert.True(grey.Length == 0, $"{path} prints backgrounds: {string.Join("; ", grey.Take(5))}");
            Assert.True(coloured.Length == 0, $"{path} prints text not black: {string.Join("; ", coloured.Take(5))}");
            await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        }
    }

    /// <summary>A done visit by the demo leader, written straight to the database.</summary>
    private async Task<(int VisitId, int FirstTarget)> DoneVisitAsync(string programme, string record, int targets)
    {
        await using var db = app.Portal.OpenDatabase();
        var leader = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader);
        var people = await db.People.Where(p => p.InstitutionId == leader.InstitutionId && p.Id != leader.PersonId &&
                                                p.Family.Any(f => f.Relation == FamilyRelation.Spouse) && p.HomeAddress != null)
            .OrderBy(p => p.Id).Skip(20 + targets * 3).Take(targets).Select(p => p.Id).ToListAsync();
        var when = new DateTime(2026, 10, 15, 19, 30, 0);
        var visit = new Visit
        {
            InstitutionId = leader.InstitutionId, ProgrammeKey = programme, Form = VisitForm.HomeVisit, PlannedStart = when, PlannedEnd = when.AddHours(1),
            ActualStart = when, Status = VisitStatus.Done, Record = record, Resolution = "已向组织汇报，协调解决。", CreatedByUserId = leader.Id, CreatedAt = DateTime.UtcNow,
            Visitors = [new VisitVisitor { PersonId = leader.PersonId!.Value, IsRecorder = true }],
            Targets = people.Select(id => new VisitTarget { PersonId = id }).ToList(),
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return (visit.Id, people[0]);
    }

    private async Task<(int VisitId, int Target)> PlannedQinglianVisitAsync()
    {
        await using var db = app.Portal.OpenDatabase();
        var leader = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader);
        var target = await db.People.Where(p => p.InstitutionId == leader.InstitutionId && p.Id != leader.PersonId &&
                                                p.Family.Any(f => f.Relation == FamilyRelation.Spouse))
            .OrderBy(p => p.Id).Skip(40).Select(p => p.Id).FirstAsync();
        var when = DateTime.UtcNow.AddHours(8).Date.AddDays(10).AddHours(19);
        var visit = new Visit
        {
            InstitutionId = leader.InstitutionId, ProgrammeKey = "qinglian", Form = VisitForm.HomeVisit, PlannedStart = when, PlannedEnd = when.AddHours(1),
            Place = "家中", Purpose = "清廉家访", Status = VisitStatus.Planned, CreatedByUserId = leader.Id, CreatedAt = DateTime.UtcNow,
            Visitors = [new VisitVisitor { PersonId = leader.PersonId!.Value, IsRecorder = true }], Targets = [new VisitTarget { PersonId = target }],
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return (visit.Id, target);
    }
}
