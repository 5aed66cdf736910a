using System.Security.Claims;
using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Exports;
using HomeVisit.Portal.Exports;
using HomeVisit.Tests.Lianxi;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>
/// The ledger export on a programme's page (联系师生 in LianxiWorld, today 2026-11-20): the period and the unit are
/// MudBlazor selects naming what is chosen, and the export of the chosen unit is offered for download.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LedgerExportTests : IDisposable
{
    private readonly LianxiWorld _w = new();

    public void Dispose() => _w.Dispose();

    private static Task<AuthenticationState> SignedIn(PortalUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserId.ToString()), new(ClaimTypes.Name, user.UserName),
            new(PortalUser.InstitutionClaim, user.InstitutionId.ToString()),
        };
        if (user.PersonId is int p) claims.Add(new Claim(PortalUser.PersonClaim, p.ToString()));
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test", ClaimTypes.Name, ClaimTypes.Role))));
    }

    [Fact]
    public async Task The_period_and_unit_are_chosen_in_selects_that_name_them_and_the_chosen_units_ledger_is_offered()
    {
        var s = _w.S;
        await using var ctx = new PortalBunitContext();
        var files = new ExportFiles(s.Clock);
        ctx.Services.AddSingleton(new ExportService(s.Db.Factory, [], new CommonLedger(s.Db.Factory, _w.Catalog, s.Org, s.Rules), s.Clock));
        ctx.Services.AddSingleton(files).AddSingleton(s.Org).AddSingleton<TimeProvider>(s.Clock);
        var popovers = ctx.Render<MudBlazor.MudPopoverProvider>();
        var unit = (await s.Org.GetOptionsAsync(_w.Office)).Single(u => u.Id == s.CollegeJia);
        var export = ctx.Render<LedgerExport>(p => p.Add(x => x.ProgrammeKey, "lianxi").AddCascadingValue(SignedIn(_w.Office)));

        // The current semester and every unit are chosen to begin with, named in the boxes.
        export.WaitForAssertion(() => Assert.Equal("2026-2027学年第一学期", export.Find("input[data-testid=ledger-year]").GetAttribute("value")));
        Assert.Equal("全部单位", export.Find("input[data-testid=ledger-unit]").GetAttribute("value"));

        await export.Find(".mud-input-control:has(input[data-testid=ledger-unit])").MouseDownAsync(new());
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == unit.Name));
        await popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == unit.Name).ClickAsync(new());
        export.WaitForAssertion(() => Assert.Equal(unit.Name, export.Find("input[data-testid=ledger-unit]").GetAttribute("value")));

        await export.Find("button[data-testid=ledger-export-button]").ClickAsync(new());
        export.WaitForAssertion(() => Assert.NotEmpty(export.FindAll("[data-testid=ledger-download]")), TimeSpan.FromSeconds(30));
        var id = export.Find("[data-testid=ledger-download]").GetAttribute("href")!["/exports/".Length..];
        var (path, name) = files.Take(id, _w.Office.UserId)!.Value;
        Assert.EndsWith("-2026-2027学年第一学期.xlsx", name);
        // The audit entry names the unit chosen.
        await using (var db = s.Db.CreateContext())
            Assert.Contains(db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "export").Select(a => a.Detail).ToList(), d => d != null && d.Contains($"unit={unit.Id}", StringComparison.Ordinal));
        ExportFiles.TryDelete(path);
    }
}
