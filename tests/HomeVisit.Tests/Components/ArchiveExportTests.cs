using System.IO.Compression;
using System.Security.Claims;
using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Portal.Archives;
using HomeVisit.Portal.Exports;
using HomeVisit.Tests.Archives;
using HomeVisit.Tests.Lianzheng;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>The archive export button: the zip is written, then offered for download to its maker; a refusal is shown instead.</summary>
[Trait("Category", "Fast")]
public sealed class ArchiveExportTests : IDisposable
{
    private readonly LianzhengWorld _w = new();

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

    private IRenderedComponent<ArchiveExport> Render(PortalBunitContext ctx, PortalUser user, ExportFiles files)
    {
        ctx.Services.AddSingleton(_w.Archives);
        ctx.Services.AddSingleton(files);
        return ctx.Render<ArchiveExport>(p => p.Add(x => x.ProgrammeKey, LianzhengWorld.Key).Add(x => x.Year, 2026)
            .AddCascadingValue(SignedIn(user)));
    }

    [Fact]
    public async Task The_discipline_office_gets_a_download_of_the_zip_and_nobody_else_can_fetch_it()
    {
        var (liaison, liaisonUser) = await _w.PersonAsync("吴联络员", _w.S.CollegeJia, "办公室主任", null, Roles.Liaison);
        var (sun, _) = await _w.PersonAsync("孙老师", _w.S.DeptJia, "讲师", "南宁市良庆区五象大道9号");
        await RecordArchiveTests.ArchivedVisitAsync(_w, liaisonUser!, liaison, sun, new DateTime(2026, 11, 10, 19, 0, 0));
        await using var ctx = new PortalBunitContext();
        var files = new ExportFiles(_w.S.Clock);
        var cut = Render(ctx, _w.S.Jiwei, files);

        await cut.Find("button[data-testid=archive-export-button]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("共 1 份", cut.Find("[data-testid=archive-download]").ParentElement!.TextContent), TimeSpan.FromSeconds(30));
        var id = cut.Find("[data-testid=archive-download]").GetAttribute("href")!["/exports/".Length..];
        Assert.Null(files.Take(id, _w.S.Zuzhi.UserId));
        var (path, name) = files.Take(id, _w.S.Jiwei.UserId)!.Value;
        Assert.Equal("廉政家访记录单存档-2026.zip", name);
        using (var zip = ZipFile.OpenRead(path))
            Assert.Equal(["001-20261110-孙老师.xlsx", RecordArchiveService.IndexFileName], zip.Entries.Select(e => e.FullName));
        ExportFiles.TryDelete(path);
    }

    [Fact]
    public async Task Someone_the_programme_does_not_let_open_the_archive_is_told_and_gets_no_file()
    {
        await using var ctx = new PortalBunitContext();
        var cut = Render(ctx, _w.S.Zuzhi, new ExportFiles(_w.S.Clock));

        await cut.Find("button[data-testid=archive-export-button]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("只有纪检监察室可以查看记录单存档。", cut.Find("[data-testid=archive-export-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=archive-download]"));
    }
}
