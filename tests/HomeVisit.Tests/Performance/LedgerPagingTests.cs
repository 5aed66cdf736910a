using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Visits;
using HomeVisit.Programmes.Lianzheng;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// The 廉政家访 ledger on a county-sized year: the screen pages it in the database, the print view and the .xlsx export
/// read the whole year a batch at a time. All three are the same rows, and the count the page shows is theirs.
/// </summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class LedgerPagingTests(LargeDatabaseFixture portal)
{
    private static string Cells(IEnumerable<object?> cells) => string.Join(" | ", cells.Select(c => c ?? ""));

    private async Task<PortalUser> UserAsync(string userName)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == userName));
    }

    [Fact]
    public async Task The_ledgers_pages_add_up_to_its_total_and_are_the_printed_year_and_the_export_row_by_row()
    {
        var jiwei = await UserAsync(DemoAccounts.DisciplineOffice);
        var lianzheng = portal.Services.GetRequiredService<LianzhengService>();
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year - 1; // a whole year of visits, whatever today's date
        int done;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            done = await db.Visits.CountAsync(v => v.InstitutionId == jiwei.InstitutionId && v.ProgrammeKey == "lianzheng" && v.Status == VisitStatus.Done
                                                   && v.ActualStart >= new DateTime(year, 1, 1) && v.ActualStart < new DateTime(year + 1, 1, 1));
        // More rows than one batch of the export, so the batches' seams are crossed.
        Assert.True(done > 500, $"{done} done visits");

        var first = await lianzheng.LedgerPageAsync(jiwei, year, null, true, 1, 100);
        Assert.Equal(done, first.Page.Total);
        var paged = new List<LedgerRow>(first.Page.Items);
        for (var page = 2; page <= first.Page.PageCount; page++)
        {
            var next = await lianzheng.LedgerPageAsync(jiwei, year, null, true, page, 100);
            Assert.Equal(done, next.Page.Total);
            paged.AddRange(next.Page.Items);
        }
        Assert.Equal(done, paged.Count);
        Assert.Equal(Enumerable.Range(1, done), paged.Select(r => r.No));
        Assert.Equal(done, paged.Select(r => r.VisitId).Distinct().Count());

        var printed = await lianzheng.LedgerAsync(jiwei, year, null);
        Assert.Equal(paged.Select(r => Cells(r.Cells)), printed.Rows.Select(r => Cells(r.Cells)));
        Assert.Equal(paged.Select(r => r.VisitId), printed.Rows.Select(r => r.VisitId));
        Assert.Equal(first.Head.Title, printed.Title);

        var table = await portal.Services.GetRequiredService<ExportService>().LedgerAsync(jiwei, "lianzheng", year, null);
        var exported = new List<string>();
        await foreach (var row in table.Rows) exported.Add(Cells(row));
        Assert.Equal(done, table.RowCount);
        Assert.Equal(paged.Select(r => Cells(r.Cells)), exported);
    }

    [Fact]
    public async Task A_page_of_the_ledger_reads_only_its_own_visits_through_the_effective_start_index()
    {
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year - 1; // a whole year of visits, whatever today's date
        var plans = await QueryPlans.OfAsync(portal, DemoAccounts.DisciplineOffice,
            user => portal.Services.GetRequiredService<LianzhengService>().LedgerPageAsync(user, year, null, true, 3, 50),
            text => text.Contains("FROM \"Visits\"", StringComparison.Ordinal) && text.Contains("\"EffectiveStart\" >= @", StringComparison.Ordinal));

        Assert.NotEmpty(plans);
        Assert.All(plans, plan =>
        {
            Assert.Matches(@"USING (COVERING )?INDEX IX_Visits_InstitutionId_ProgrammeKey_(Status_)?EffectiveStart \(.*EffectiveStart>\? AND EffectiveStart<\?\)", plan);
            Assert.DoesNotContain("AUTOMATIC", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN VisitVisitors", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN VisitTargets", plan, StringComparison.Ordinal);
        });
    }
}
