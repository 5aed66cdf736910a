using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.DataGen;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Tests.Browser;
using HomeVisit.Tests.Performance;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>
/// The real portal on a generated database at 1/20 of county scale, in Chromium: enough done 廉政家访 in a year that the
/// ledger's grid has many pages, which the demo institution never has.
/// </summary>
public sealed class GeneratedBrowserFixture : BrowserFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "homevisit-tests", "scale-browser-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "county-small.db");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Portal"] = new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString(),
        ["Demo:Seed"] = "false",
        ["Retention:Enabled"] = "false",
    };

    protected override async Task BeforeStartAsync()
    {
        Directory.CreateDirectory(_folder);
        await LargeInstitutionGenerator.GenerateAsync(new GeneratorOptions(DatabasePath, Scale: LargeDatabaseFixture.Scale));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedBrowserCollection : ICollectionFixture<GeneratedBrowserFixture>
{
    public const string Name = "Browser on a generated database";
}

[Collection(GeneratedBrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LedgerBrowserTests(GeneratedBrowserFixture app)
{
    private async Task<PortalUser> UserAsync(string userName)
    {
        await using var db = await app.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));
    }

    [Fact]
    public async Task The_discipline_office_pages_through_a_county_years_ledger_and_prints_the_whole_year()
    {
        var jiwei = await UserAsync(DemoAccounts.DisciplineOffice);
        var lianzheng = app.Portal.Services.GetRequiredService<LianzhengService>();
        // Last year: a whole year of the generator's visits whatever today's date (in January this year has a few days).
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year - 1;
        var whole = await lianzheng.LedgerAsync(jiwei, year, null);
        Assert.True(whole.Rows.Count > 100, $"{whole.Rows.Count} rows: too few for a second page of 50");

        await using var session = await app.SignInAsync(DemoAccounts.DisciplineOffice);
        var page = session.Page;
        // The print dialog cannot be driven headless: count the calls instead, and look at the page as printed.
        await page.AddInitScriptAsync("window.__printed = 0; window.print = () => { window.__printed++; };");
        await page.GotoAsync($"/programmes/lianzheng/ledger?year={year}");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("lz-ledger-total")).ToContainTextAsync($"共 {whole.Rows.Count} 条");
        var rows = page.Locator("[data-testid=lz-ledger-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-visit-id", whole.Rows[0].VisitId.ToString());

        // The second page is the year's rows 51–100, numbered as in the whole year.
        await page.GetByRole(AriaRole.Button, new() { Name = "下一页" }).ClickAsync();
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-visit-id", whole.Rows[50].VisitId.ToString());
        await Assertions.Expect(rows.Last).ToHaveAttributeAsync("data-visit-id", whole.Rows[99].VisitId.ToString());
        await Assertions.Expect(page.Locator("tr:has([data-testid=lz-ledger-row])").First).ToContainTextAsync("51");

        // 打印 puts the whole year, not the page on screen, on paper: the grid is left off and every row is there.
        await page.GetByTestId("lz-print").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__printed === 1");
        var printed = page.Locator("[data-testid=lz-ledger-print-row]");
        await Assertions.Expect(printed).ToHaveCountAsync(whole.Rows.Count);
        await Assertions.Expect(printed.Last).ToHaveAttributeAsync("data-visit-id", whole.Rows[^1].VisitId.ToString());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("lz-ledger-print")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("lz-ledger")).ToBeHiddenAsync();
        await Assertions.Expect(printed.First).ToContainTextAsync(whole.Rows[0].TargetNames);
    }
}
