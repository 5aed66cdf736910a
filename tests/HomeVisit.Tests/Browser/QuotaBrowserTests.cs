using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>/quotas in a real browser against the demo data.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class QuotaBrowserTests(BrowserFixture app)
{
    private const string CollegeRule = "二级学院（教学部）领导";

    [Fact]
    public async Task The_demo_leader_sees_the_lianzheng_college_quota_of_four_with_the_counts_in_the_database()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;

        await page.GotoAsync("/quotas");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var card = page.Locator("[data-testid=my-quota-card][data-programme=lianzheng]");
        await Assertions.Expect(card).ToBeVisibleAsync();
        var year = DateTime.UtcNow.AddHours(8).Year;
        // The period select (MudSelect) shows the period's name: this year's, from its 1 January.
        await Assertions.Expect(card.GetByTestId("my-quota-period")).ToHaveValueAsync($"{year}年度");
        var line = card.Locator($"[data-testid=quota-line][data-rule='{CollegeRule}']");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-required", "4");

        // Counted here independently of the service: distinct people the leader visited (done) or will visit this year.
        var (done, planned) = await CountsAsync(year);
        await Assertions.Expect(line).ToHaveAttributeAsync("data-done", done.ToString());
        await Assertions.Expect(line).ToHaveAttributeAsync("data-planned", planned.ToString());
        await Assertions.Expect(line).ToHaveAttributeAsync("data-owed", Math.Max(0, 4 - done).ToString());
        await Assertions.Expect(line.GetByTestId("quota-line-reason"))
            .ToContainTextAsync($"{year}年度：依据第四条（四），二级学院（教学部）领导每年家访不少于 4 人；已完成 {done} 人，已安排 {planned} 人");
        await Assertions.Expect(line.GetByTestId("quota-line-progress")).ToContainTextAsync($"已完成 {done} / 4 人");

        // The leader plans the next visit from here, with the programme chosen.
        await card.GetByTestId("my-quota-plan").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/visits/new?programme=lianzheng", StringComparison.Ordinal));

        // A leader has no overseer tabs.
        await page.GotoAsync("/quotas");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("各单位完成情况")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_organisation_department_sees_the_roll_up_by_unit_and_who_is_behind()
    {
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);
        var page = session.Page;

        await page.GotoAsync("/quotas");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "各单位完成情况" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("quota-programme")).ToHaveValueAsync("廉政家访");
        var row = page.Locator("[data-testid=quota-rollup-row]").Filter(new() { HasText = "汽车工程学院" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("quota-rollup-chart").Locator("svg").First).ToBeVisibleAsync();

        // A unit's row leads to the people of that unit who are behind.
        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("quota-behind-only")).ToBeCheckedAsync();
        var visitors = page.Locator("[data-testid=quota-visitor-row]");
        await Assertions.Expect(page.Locator("tr:has([data-testid=quota-visitor-row])").First).ToBeVisibleAsync();
        Assert.All(await visitors.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.owed)"), owed => Assert.True(int.Parse(owed) > 0));
    }

    private async Task<(int Done, int Planned)> CountsAsync(int year)
    {
        await using var db = app.Portal.OpenDatabase();
        var leader = await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader);
        var forms = new[] { VisitForm.HomeVisit, VisitForm.KeyAppointment, VisitForm.RegularRevisit };
        var visits = await db.Visits.AsNoTracking().Include(v => v.Targets)
            .Where(v => v.InstitutionId == leader.InstitutionId && v.ProgrammeKey == "lianzheng" && v.Visitors.Any(x => x.PersonId == leader.PersonId))
            .ToListAsync();
        var thisYear = visits.Where(v => forms.Contains(v.Form) && (v.ActualStart ?? v.PlannedStart).Year == year).ToList();
        int People(IEnumerable<Visit> vs) => vs.SelectMany(v => v.Targets).Where(t => t.PersonId != null).Select(t => t.PersonId).Distinct().Count();
        return (People(thisYear.Where(v => v.Status == VisitStatus.Done)),
            People(thisYear.Where(v => v.Status is VisitStatus.Planned or VisitStatus.Notified)));
    }
}
