using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Import;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Security;

/// <summary>Issue 13 items 10–13 and 17 in the services, on a real SQLite file.</summary>
public sealed class SecurityServiceTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    // ------------------------------------------------------------------ item 10: the visit place is a home address

    [Fact]
    public async Task The_visits_list_audits_each_place_it_shows_like_the_person_page()
    {
        var visitId = await _s.PlannedVisitAsync();

        var row = (await _s.Visits.ListAsync(_s.Leader1, new VisitQuery(PageSize: 200))).Items.Single(v => v.Id == visitId);

        Assert.Equal("张老师家中", row.Place);
        var reads = await _s.ReadAsync(db => db.AuditEntries
            .Where(a => a.Action == "read" && a.EntityType == nameof(Visit) && a.EntityId == visitId.ToString() && a.UserId == _s.Leader1.UserId)
            .Select(a => a.Detail).ToListAsync());
        Assert.Contains(reads, d => d != null && d.Contains("家访地点"));
    }

    [Fact]
    public async Task Someone_who_may_not_see_addresses_gets_the_visit_without_its_place_and_cannot_search_by_it()
    {
        var visitId = await _s.PlannedVisitAsync();
        // A plain staff member put on the team (as an import or an old plan might have): they see the visit, not the address.
        await using (var db = _s.Context())
        {
            db.VisitVisitors.Add(new VisitVisitor { VisitId = visitId, PersonId = _s.StaffTwo.Id });
            await db.SaveChangesAsync();
        }
        var staff = _s.Staff1 with { PersonId = _s.StaffTwo.Id };
        Assert.False(staff.CanBrowsePeople);

        var row = (await _s.Visits.ListAsync(staff, new VisitQuery())).Items.Single(v => v.Id == visitId);
        var byPlace = await _s.Visits.ListAsync(staff, new VisitQuery(Search: "张老师家中"));

        Assert.Null(row.Place);
        Assert.Empty(byPlace.Items);
    }

    // ------------------------------------------------------------------ item 11: only what the service allows

    [Fact]
    public async Task A_fellow_visitor_sees_an_item_owned_by_another_but_may_neither_start_close_nor_withdraw_it()
    {
        var visitId = await _s.Visits.SavePlanAsync(_s.Leader1, _s.PlanForLeaderOne(_s.LeaderTwo.Id));
        var id = await _s.FollowUps.RaiseAsync(_s.Leader1, new FollowUpRaise
        {
            VisitId = visitId, Kind = FollowUpKind.Request, Summary = "希望了解子女入学政策", OwnerPersonId = _s.LeaderOne.Id,
        });

        var seenByOther = Assert.Single((await _s.FollowUps.ListAsync(_s.Leader2, new FollowUpQuery(VisitId: visitId))).Items);
        var seenByOwner = Assert.Single((await _s.FollowUps.ListAsync(_s.Leader1, new FollowUpQuery(VisitId: visitId))).Items);
        Assert.False(seenByOther.CanChange);
        Assert.True(seenByOwner.CanChange);
        Assert.True((await _s.FollowUps.GetAsync(_s.Jiwei, id)).CanChange);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.FollowUps.WithdrawAsync(_s.Leader2, id, seenByOther.Version, "不是我的"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.FollowUps.StartAsync(_s.Leader2, id, seenByOther.Version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.FollowUps.ResolveAsync(_s.Leader2, id,
            new FollowUpClose { Version = seenByOther.Version, Resolution = "已办", Feedback = "已告知" }));
        Assert.Equal(FollowUpStatus.Open, (await _s.FollowUpRowAsync(id)).Status);

        await _s.FollowUps.WithdrawAsync(_s.Leader1, id, seenByOwner.Version, "重复登记");
        Assert.Equal(FollowUpStatus.Withdrawn, (await _s.FollowUpRowAsync(id)).Status);
    }

    // ------------------------------------------------------------------ item 13: dates

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1, 1, 1)]
    [InlineData(1900, 1, 1)]
    [InlineData(1999, 12, 31)]
    public async Task A_planned_start_outside_2000_to_five_years_ahead_is_refused_beside_the_field(int year, int month, int day)
    {
        var plan = _s.PlanForLeaderOne();
        plan.PlannedStart = new DateTime(year, month, day, 19, 0, 0);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.Visits.SavePlanAsync(_s.Leader1, plan));

        Assert.StartsWith("计划时间应在 2000-01-01 至 ", error.Errors[nameof(VisitPlan.PlannedStart)]);
        Assert.Equal(0, await _s.ReadAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task A_follow_up_deadline_in_year_9999_is_refused_beside_the_field()
    {
        var visitId = await _s.PlannedVisitAsync();

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _s.FollowUps.RaiseAsync(_s.Leader1, new FollowUpRaise
        {
            VisitId = visitId, Kind = FollowUpKind.Request, Summary = "期限太远", Deadline = new DateTime(9999, 12, 31),
        }));

        Assert.StartsWith("办理期限应在", error.Errors[nameof(FollowUpRaise.Deadline)]);
    }

    // ------------------------------------------------------------------ item 17: images only from the portal

    [Fact]
    public void A_template_cannot_load_an_image_from_another_site_but_may_show_the_portals_own()
    {
        const string markdown = "# 倡议书\n\n![x](http://evil.example/beacon.png) ![y](//evil.example/b.png) ![校徽](/img/logo.png)\n\n" +
                                "![z][ref]\n\n[ref]: https://evil.example/ref.png\n\n{{家访对象}}";

        var html = MarkdownContent.RenderTemplate(markdown, new Dictionary<string, string?> { ["家访对象"] = "张三" });

        Assert.DoesNotContain("evil.example", html);
        Assert.Contains("<img src=\"/img/logo.png\" alt=\"校徽\"", html);
        Assert.Contains("张三", html);
    }

    // ------------------------------------------------------------------ item 12: roster files that would exhaust the server

    private RosterImportService Import => new(_s.Db.Factory, _s.Clock);

    /// <summary>A minimal workbook, written by hand so the sheet XML can be anything.</summary>
    private static byte[] Workbook(Action<StreamWriter> sheetXml)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            sheetXml(sheet);
            sheet.Write("</sheetData></worksheet>");
        }
        return output.ToArray();
    }

    private static void Header(StreamWriter w) =>
        w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>""");

    public static TheoryData<string, string> Bombs => new()
    {
        { "rows", "超过 100,000 行" },
        { "ZZZZZ", "单元格“ZZZZZ2”超出范围" },
        { "AAAAAAAA", "单元格“AAAAAAAA2”超出范围" },
    };

    // A timeout, since without the guard AAAAAAAA1 never finishes.
    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Bombs))]
    public async Task A_workbook_that_would_exhaust_the_reader_is_refused_quickly_with_a_chinese_message(string kind, string message)
    {
        var bytes = Workbook(w =>
        {
            Header(w);
            if (kind == "rows")
                for (var r = 2; r <= 300_001; r++) w.Write("<row><c t=\"inlineStr\"><is><t>S001</t></is></c><c><v>1</v></c></row>");
            else
                w.Write($"<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"{kind}2\"><v>1</v></c></row>");
        });
        Assert.True(bytes.Length < 200 * 1024, $"{bytes.Length} bytes"); // as small as the 99 KB bomb

        var clock = Stopwatch.StartNew();
        var import = Import;
        var error = await Assert.ThrowsAsync<ImportFileException>(() => Task.Run(() => import.Parse(new MemoryStream(bytes), "roster.xlsx")));

        Assert.Contains(message, error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_workbook_within_the_limits_is_still_read()
    {
        var bytes = Workbook(w =>
        {
            Header(w);
            w.Write("""<row r="2"><c r="A2" t="inlineStr"><is><t>S900</t></is></c><c r="B2" t="inlineStr"><is><t>王五</t></is></c></row>""");
        });

        var file = Import.Parse(new MemoryStream(bytes), "roster.xlsx");

        Assert.Empty(file.Errors);
        Assert.Single(file.Sheets);
    }
}
