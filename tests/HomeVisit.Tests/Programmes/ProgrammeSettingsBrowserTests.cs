using HomeVisit.Core.Demo;
using HomeVisit.Core.Programmes;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Programmes;

[Collection(BrowserCollection.Name)]

[Trait("Category", "Browser")]
public sealed class ProgrammeSettingsBrowserTests(BrowserFixture app)
{
    private const string CollegeLeaders = "二级学院（教学部）领导";

    [Fact]
    public async Task An_admin_raises_a_quota_from_next_year_after_a_refused_zero_and_sees_it_in_the_history()
    {
        var nextJanuary = new DateOnly(DateTime.UtcNow.AddHours(8).Year + 1, 1, 1);
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;

        await page.GotoAsync("/programmes/lianzheng/settings");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var row = page.Locator($"[data-testid=quota-row][data-quota-name='{CollegeLeaders}']");
        var minimum = row.GetByTestId("quota-minimum");
        await Assertions.Expect(minimum).ToHaveValueAsync("4");
        // The default effective date is the start of the next period: 1 January for a yearly programme.
        await Assertions.Expect(page.GetByTestId("rules-effective")).ToHaveValueAsync(nextJanuary.ToString("yyyy-MM-dd"));

        // 0 is refused beside that row, and the 0 stays in the box.
        await minimum.FillAsync("0");
        await minimum.PressAsync("Tab");
        await page.GetByTestId("rules-save").ClickAsync();
        var index = await row.GetAttributeAsync("data-quota-index");
        await Assertions.Expect(row.GetByTestId($"error-Quotas[{index}].Minimum")).ToContainTextAsync("最低数量应在 1 到 100 之间");
        await Assertions.Expect(minimum).ToHaveValueAsync("0");
        await Assertions.Expect(page.GetByTestId("rules-errors")).ToBeVisibleAsync();

        // 5 from next 1 January is saved; the history shows the change.
        await minimum.FillAsync("5");
        await minimum.PressAsync("Tab");
        await page.GetByTestId("rules-note").FillAsync("二级学院领导家访人数由 4 人提高到 5 人");
        await page.GetByTestId("rules-save").ClickAsync();
        var entry = page.GetByTestId("history-entry").First;
        await Assertions.Expect(entry.GetByTestId("history-changes")).ToContainTextAsync($"{CollegeLeaders} 最低数量：4 → 5");
        await Assertions.Expect(entry).ToContainTextAsync(nextJanuary.ToString("yyyy-MM-dd"));
        await Assertions.Expect(entry.GetByTestId("history-note")).ToContainTextAsync("由 4 人提高到 5 人");
        await Assertions.Expect(page.GetByTestId("error-Quotas[4].Minimum")).ToBeEmptyAsync();
        // Today's rules are unchanged until then.
        await Assertions.Expect(page.GetByTestId("rules-summary")).ToContainTextAsync($"{CollegeLeaders}：每期不少于 4 人");

        await using var db = app.Portal.OpenDatabase();
        var version = await db.ProgrammeRuleVersions.Where(v => v.ProgrammeKey == "lianzheng").OrderByDescending(v => v.Id).FirstAsync();
        Assert.Equal(nextJanuary, version.EffectiveFrom);
        Assert.Equal(5, ProgrammeRulesService.Deserialize(version.RulesJson).Quotas.Single(q => q.Name == CollegeLeaders).Minimum);
    }

    [Fact]
    public async Task A_leader_is_told_they_may_not_change_settings_and_an_unknown_programme_is_not_found()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;

        await page.GotoAsync("/programmes/lianzheng/settings");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("settings-denied")).ToContainTextAsync("您没有权限修改该项目的设置");
        await Assertions.Expect(page.GetByTestId("rules-form")).ToHaveCountAsync(0);

        await page.GotoAsync("/programmes/nosuch/settings");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-not-found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_programmes_overview_lists_the_five_with_links_to_their_settings()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;

        await page.GotoAsync("/admin/programmes");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Four: 受处分人员回访关爱 is not shown to a system admin at all (its AccessRoles).
        await Assertions.Expect(page.GetByTestId("programme-row")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=programme-row][data-programme=huifang]")).ToHaveCountAsync(0);
        var lianxi = page.Locator("[data-testid=programme-row][data-programme=lianxi]");
        await Assertions.Expect(lianxi).ToContainTextAsync("学期");
        await lianxi.GetByTestId("programme-settings-link").ClickAsync();
        await page.WaitForURLAsync("**/programmes/lianxi/settings");
    }

    [Fact]
    public async Task An_admin_disables_a_programme_after_confirming_and_enables_it_again_from_the_overview()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;
        try
        {
            await page.GotoAsync("/admin/programmes");
            await BrowserFixture.WaitForInteractiveAsync(page);
            var row = page.Locator("[data-testid=programme-row][data-programme=qinglian]");
            await row.GetByTestId("settings-disable").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Assertions.Expect(dialog).ToContainTextAsync("停用后该项目的页面和录入将不可用，已有数据保留");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "停用", Exact = true }).ClickAsync();
            await Assertions.Expect(row.GetByTestId("settings-disabled")).ToBeVisibleAsync();

            // Off: the programme's own pages answer 404, its data is untouched.
            var response = await page.GotoAsync("/programmes/qinglian");
            Assert.Equal(404, response!.Status);

            await page.GotoAsync("/admin/programmes");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await row.GetByTestId("settings-enable").ClickAsync();
            await Assertions.Expect(row.GetByTestId("settings-enabled")).ToBeVisibleAsync();
            response = await page.GotoAsync("/programmes/qinglian");
            Assert.Equal(200, response!.Status);
        }
        finally
        {
            // Other browser tests share the demo database: leave the programme on whatever happened.
            await using var db = app.Portal.OpenDatabase();
            await db.InstitutionProgrammes.Where(p => p.ProgrammeKey == "qinglian").ExecuteUpdateAsync(u => u.SetProperty(p => p.Enabled, true));
        }
    }
}
