using HomeVisit.Core.Demo;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>The newcomer's first task from the README, in a real browser against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitFlowBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_leader_plans_a_visit_records_its_outcome_with_a_follow_up_item_and_finds_it_in_the_visit_list()
    {
        var (targetId, targetName) = await PickTargetAsync();
        var summary = $"家属反映住房困难，希望学校协调周转房（{Guid.NewGuid():N}）"[..40];
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;

        // Plan: a home visit yesterday evening (recorded after the fact), with one target found by name.
        await page.GotoAsync("/visits/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("plan-visitors-selected")).ToBeVisibleAsync();
        await page.GetByTestId("plan-programme").SelectOptionAsync("lianzheng");
        await page.GetByTestId("plan-form").SelectOptionAsync(nameof(VisitForm.HomeVisit));
        var planned = DateTime.UtcNow.AddHours(8).Date.AddDays(-1).AddHours(19).AddMinutes(30);
        await page.GetByTestId("plan-start").FillAsync(planned.ToString("yyyy-MM-dd HH:mm"));
        await page.GetByTestId("plan-start").PressAsync("Tab");
        await page.GetByTestId("plan-place").FillAsync("南宁市青秀区民族大道 100 号");
        await page.GetByTestId("plan-targets-search").FillAsync(targetName);
        await page.Locator($"[data-testid=plan-targets-option][data-person-id='{targetId}']").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=plan-targets-selected][data-person-id='{targetId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("plan-programme")).ToHaveValueAsync("lianzheng");
        await page.GetByTestId("plan-save").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/visits/\d+$"));
        var visitId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveAttributeAsync("data-status", nameof(VisitStatus.Planned));
        await Assertions.Expect(page.GetByTestId("visit-target")).ToContainTextAsync(targetName);

        // Record: an empty record is refused beside the field, then the real record is saved.
        await page.GetByTestId("visit-record-open").ClickAsync();
        await page.GetByTestId("outcome-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-Record")).ToContainTextAsync("请填写家访情况记录");
        await page.GetByTestId("outcome-record").FillAsync("与家属拉家常，通报学校发展情况，了解到家中住房紧张。");
        await page.GetByTestId("outcome-problems").FillAsync("住房困难");
        await page.GetByTestId("outcome-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveAttributeAsync("data-status", nameof(VisitStatus.Done));
        await Assertions.Expect(page.GetByTestId("visit-record")).ToContainTextAsync("住房紧张");

        // Follow-up: raised from the visit, listed under it.
        await page.GetByTestId("followup-raise-open").ClickAsync();
        await page.GetByTestId("followup-kind").SelectOptionAsync(nameof(FollowUpKind.Difficulty));
        await page.GetByTestId("followup-summary").FillAsync(summary);
        await page.GetByTestId("followup-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visit-followup-row").Filter(new() { HasText = summary })).ToBeVisibleAsync();

        // The visit list finds it by the target's name, done, with one open item.
        await page.GotoAsync($"/visits?q={Uri.EscapeDataString(targetName)}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var row = page.Locator($"[data-testid=visit-row][data-visit-id='{visitId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("visit-row-status")).ToContainTextAsync("已完成");
        await Assertions.Expect(row.GetByTestId("visit-row-targets")).ToContainTextAsync(targetName);

        // And the database holds exactly that, attributed to the leader.
        await using var db = app.Portal.OpenDatabase();
        var visit = await db.Visits.Include(v => v.Visitors).Include(v => v.Targets).SingleAsync(v => v.Id == visitId);
        Assert.Equal(VisitStatus.Done, visit.Status);
        Assert.Equal(planned, visit.PlannedStart);
        Assert.Contains(visit.Targets, t => t.PersonId == targetId);
        var item = await db.FollowUpItems.SingleAsync(f => f.Summary == summary);
        Assert.Equal(visitId, item.VisitId);
        Assert.Equal(FollowUpStatus.Open, item.Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Visit) && a.EntityId == visitId.ToString() && a.UserName == DemoAccounts.Leader));
    }

    /// <summary>Someone in the leader's institution who is not the leader, with a name unique enough to search.</summary>
    private async Task<(int Id, string Name)> PickTargetAsync()
    {
        await using var db = app.Portal.OpenDatabase();
        var leader = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader);
        var people = await db.People.Where(p => p.InstitutionId == leader.InstitutionId && p.Id != leader.PersonId)
            .Select(p => new { p.Id, p.Name }).ToListAsync();
        var unique = people.GroupBy(p => p.Name).Where(g => g.Count() == 1).Select(g => g.Single()).OrderBy(p => p.Id).Skip(7).First();
        return (unique.Id, unique.Name);
    }
}
