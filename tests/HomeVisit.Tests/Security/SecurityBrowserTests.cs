using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Security;

/// <summary>Issue 13 items 14 and 19 in Chromium: the portal works under its Content-Security-Policy, and a huge paste neither drops the circuit nor loses the form.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SecurityBrowserTests(BrowserFixture app)
{
    private const string RecordViolations =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task Pages_are_interactive_under_the_content_security_policy_without_a_single_violation()
    {
        await using var session = await app.SignInAsync(DemoAccounts.OrganisationDept);
        var page = session.Page;
        await session.Context.AddInitScriptAsync(RecordViolations);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

        foreach (var path in new[] { "/visits", "/follow-ups", "/programmes/ganbu/ledger", "/help" })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
            await BrowserFixture.WaitForInteractiveAsync(page);
            Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
        }
        // FullCalendar loads its bundle from wwwroot/lib and adds its own style elements once the circuit is up.
        await page.GotoAsync("/calendar/overview");
        await Assertions.Expect(page.Locator("[data-testid=calendar-overview] .fc-toolbar-title")).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
        // The circuit answers clicks: the follow-up list's filter re-renders the page through it.
        await page.GotoAsync("/follow-ups");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("followups-filter-open").CheckAsync();
        await page.WaitForURLAsync(url => url.Contains("open=", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task What_a_user_reads_inside_the_live_circuit_is_audited_with_their_address()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;
        await page.GotoAsync("/visits");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var link = page.GetByTestId("visit-link").First;
        var visitId = (await link.GetAttributeAsync("href"))!.Split('/').Last();
        long before;
        await using (var db = app.Portal.OpenDatabase())
            before = await db.AuditEntries.MaxAsync(a => a.Id);

        await link.ClickAsync(); // navigation inside the circuit: no HTTP request carries this read
        await page.WaitForURLAsync($"**/visits/{visitId}");

        // The page's read is saved while it loads: wait for the entry to appear.
        Core.Audit.AuditEntry? read = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); read is null && DateTime.UtcNow < deadline;)
        {
            await using var check = app.Portal.OpenDatabase();
            read = await check.AuditEntries.Where(a => a.Id > before && a.UserName == DemoAccounts.Leader && a.Action == "read" &&
                                                       a.EntityType == "Visit" && a.EntityId == visitId).FirstOrDefaultAsync();
            if (read is null) await Task.Delay(100);
        }
        Assert.NotNull(read);
        Assert.Equal("127.0.0.1", read.ClientAddress);
    }

    [Fact]
    public async Task A_paste_of_300_KB_is_cut_to_the_field_limit_with_a_note_and_the_form_still_saves()
    {
        int personId;
        await using (var db = app.Portal.OpenDatabase())
            personId = await db.People.Where(p => p.Name != "").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;
        await page.GotoAsync($"/people/{personId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("family-add").ClickAsync();
        var name = "粘贴测试" + Random.Shared.Next(1000, 9999);
        await page.GetByTestId("family-name").FillAsync(name);

        var workplace = page.GetByTestId("family-workplace");
        await workplace.EvaluateAsync(@"(el, text) => {
            el.focus();
            const data = new DataTransfer();
            data.setData('text/plain', text);
            el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", new string('单', 300_000));

        await Assertions.Expect(page.GetByTestId("field-limit-note")).ToContainTextAsync("最多 200 字");
        Assert.Equal(200, await workplace.EvaluateAsync<int>("el => el.value.length"));
        await page.GetByTestId("family-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("family-form")).ToHaveCountAsync(0);
        await using var check = app.Portal.OpenDatabase();
        var saved = await check.FamilyMembers.SingleAsync(f => f.PersonId == personId && f.Name == name);
        Assert.Equal(new string('单', 200), saved.Workplace);
    }
}
