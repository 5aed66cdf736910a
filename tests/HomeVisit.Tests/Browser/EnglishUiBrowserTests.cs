using System.Text.RegularExpressions;
using HomeVisit.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>
/// In English the portal shows no Chinese except names and data (issue 18 item 7): the main pages are read in a real
/// browser after the language switch, and every Chinese run left on them must be part of a record's data (a person's or
/// a unit's name, what a visit or follow-up item says).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class EnglishUiBrowserTests(BrowserFixture app)
{
    [Theory]
    // leader has 联系师生's per-link quota lines (its links to branches and individuals); jiwei sees 受处分人员回访关爱.
    [InlineData(DemoAccounts.Leader)]
    [InlineData(DemoAccounts.DisciplineOffice)]
    public async Task The_main_pages_in_english_show_chinese_only_in_names_and_data(string account)
    {
        var data = await DataTextsAsync();
        await using var session = await app.SignInAsync(account);
        var page = session.Page;
        await page.GotoAsync("/culture?c=en&redirectUri=%2F");

        var found = new List<string>();
        foreach (var (path, ready) in new[]
                 {
                     ("/", "h1"), ("/visits", "tr:has([data-testid=visit-row])"), ("/quotas", "h1"),
                     ("/follow-ups", "tr:has([data-testid=followup-row])"),
                 })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".mud-table-loading, .mud-skeleton")).ToHaveCountAsync(0);
            var text = await page.EvaluateAsync<string>("() => document.body.innerText + '\\n' + document.title");
            found.AddRange(Chinese().Matches(text).Select(m => m.Value).Distinct()
                .Where(run => run != LanguageSwitch && !data.Any(d => d.Contains(run, StringComparison.Ordinal)))
                .Select(run => $"{path}: {Around(text, run)}"));
        }
        Assert.True(found.Count == 0, "Chinese in the English UI:\n" + string.Join("\n", found.Distinct()));
    }

    // The language switch names Chinese in Chinese, as language menus do.
    private const string LanguageSwitch = "中文";

    /// <summary>Everything the demo institution holds as data: names and the free text users wrote.</summary>
    private async Task<List<string>> DataTextsAsync()
    {
        await using var db = app.Portal.OpenDatabase();
        var texts = new List<string?>();
        texts.AddRange(await db.People.Select(p => p.Name).ToListAsync());
        texts.AddRange(await db.People.Select(p => p.Position).ToListAsync());
        texts.AddRange(await db.FamilyMembers.Select(p => p.Name).ToListAsync());
        texts.AddRange(await db.OrgUnits.Select(u => u.Name).ToListAsync());
        texts.AddRange(await db.Institutions.Select(i => i.Name).ToListAsync());
        texts.AddRange(await db.UserAccounts.Select(a => a.DisplayName).ToListAsync());
        texts.AddRange((await db.Visits.Select(v => new { v.Place, v.Purpose, v.Record, v.ProblemsFound, v.Resolution, v.CancelReason, v.Trigger }).ToListAsync())
            .SelectMany(v => new[] { v.Place, v.Purpose, v.Record, v.ProblemsFound, v.Resolution, v.CancelReason, v.Trigger }));
        texts.AddRange((await db.FollowUpItems.Select(f => new { f.Summary, f.Details, f.Category, f.RaisedByName, f.Resolution, f.Feedback }).ToListAsync())
            .SelectMany(f => new[] { f.Summary, f.Details, f.Category, f.RaisedByName, f.Resolution, f.Feedback }));
        return texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct().ToList();
    }

    private static string Around(string text, string run)
    {
        var at = text.IndexOf(run, StringComparison.Ordinal);
        var start = Math.Max(0, at - 30);
        return text.Substring(start, Math.Min(text.Length - start, run.Length + 60)).ReplaceLineEndings(" | ");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Chinese();
}
