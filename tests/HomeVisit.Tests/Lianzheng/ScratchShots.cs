using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Lianzheng;

[Collection(BrowserCollection.Name)]
public sealed class ScratchShots(BrowserFixture app)
{
    [Fact]
    public async Task Shots()
    {
        await using var db = app.Portal.OpenDatabase();
        var v1 = await db.Visits.Where(v => v.ProgrammeKey == "lianzheng" && v.Form == Core.Visits.VisitForm.KeyAppointment).Select(v => v.Id).FirstAsync();
        var home = await db.Visits.Where(v => v.ProgrammeKey == "lianzheng" && v.FormDataJson != null).Select(v => v.Id).FirstAsync();
        foreach (var (user, paths) in new[] {
            (DemoAccounts.Leader, new[] { "/programmes/lianzheng", "/programmes/lianzheng/plans", $"/visits/{v1}", "/programmes/lianzheng/ledger" }),
            (DemoAccounts.Liaison, new[] { $"/visits/{home}", $"/programmes/lianzheng/visits/{home}/record" }),
            (DemoAccounts.DisciplineOffice, new[] { "/programmes/lianzheng", "/programmes/lianzheng/assessment", "/programmes/lianzheng/plans", "/programmes/lianzheng/ledger", "/follow-ups" }) })
        {
            await using var session = await app.SignInAsync(user);
            await session.Page.SetViewportSizeAsync(1366, 2400);
            var i = 0;
            foreach (var p in paths)
            {
                await session.Page.GotoAsync(p);
                await BrowserFixture.WaitForInteractiveAsync(session.Page);
                await session.Page.WaitForTimeoutAsync(800);
                await session.Page.ScreenshotAsync(new() { Path = $"/tmp/lzshots/{user}-{i++}.png", FullPage = true });
            }
        }
        {
            await using var session = await app.SignInAsync(DemoAccounts.Liaison);
            await session.Page.GotoAsync($"/programmes/lianzheng/visits/{home}/record");
            await BrowserFixture.WaitForInteractiveAsync(session.Page);
            await session.Page.EmulateMediaAsync(new() { Media = Media.Print });
            await session.Page.ScreenshotAsync(new() { Path = "/tmp/lzshots/record-print.png", FullPage = true });
            await session.Page.PdfAsync(new() { Path = "/tmp/lzshots/record.pdf", Format = "A4" });
        }
    }
}
