using System.Text;
using Xunit.Abstractions;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.Import;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using static HomeVisit.Tests.Import.XlsxFile;

namespace HomeVisit.Tests.Import;

public sealed class RosterImportServiceTests(ITestOutputHelper output) : IDisposable
{
    private readonly Scenario _s = new();
    private RosterImportService? _import;

    private RosterImportService Import => _import ??= new RosterImportService(_s.Db.Factory, _s.Clock);

    public void Dispose() => _s.Dispose();

    private async Task<RosterImportPreview> PreviewAsync(byte[] bytes, string fileName = "roster.xlsx", RosterSheetKind? kind = null, PortalUser? user = null)
        => await Import.PreviewAsync(user ?? _s.Zuzhi, Import.Parse(new MemoryStream(bytes), fileName, kind));

    /// <summary>Row counts and the audit log: what "nothing was written" compares.</summary>
    private Task<(int Units, int People, int Family, int Audit, string? S001Position)> SnapshotAsync() => _s.ReadAsync(async db => (
        await db.OrgUnits.CountAsync(), await db.People.CountAsync(), await db.FamilyMembers.CountAsync(), await db.AuditEntries.CountAsync(),
        await db.People.Where(p => p.InstitutionId == _s.InstitutionA && p.StaffNumber == "S001").Select(p => p.Position).SingleAsync()));

    [Fact]
    public async Task A_file_with_bad_rows_lists_each_error_with_sheet_row_column_and_reason_and_writes_nothing()
    {
        var file = Build(
            ("组织机构", [
                R("单位编码", "单位名称", "上级单位编码", "类型", "排序"),
                R("XY01", "新学院", null, "学院", 1),
                R("XY02", "新系", "XY99", "部门", "一"),
            ]),
            ("人员", [
                R("工号", "姓名", "性别", "出生日期", "单位名称", "职务", "备注"),
                R("N001", "新人甲", "男", "1990-01-05", "甲系", "教师", "随便"),
                R("N002", "新人乙", "女", "1990.13.01", "甲系", "教师"),
                R("N003", null, "男", null, "不存在系"),
                R("N001", "重复人", "男"),
                R("N004", "新人丁", "未知性别"),
            ]),
            ("家庭成员", [
                R("工号", "关系", "姓名"),
                R("N001", "配偶", "甲妻"),
                R("X999", "子女", "某某"),
                R("N001", "表亲", "某某"),
            ]));
        var before = await SnapshotAsync();

        var preview = await PreviewAsync(file);

        Assert.Equal(
        [
            "组织机构 第 3 行，“排序”：“一”不是整数。",
            "组织机构 第 3 行，“上级单位编码”：找不到上级单位编码“XY99”（文件和系统中都没有）。",
            "人员 第 3 行，“出生日期”：无法识别的日期“1990.13.01”。",
            "人员 第 4 行，“姓名”：必须填写。",
            "人员 第 4 行，“单位名称”：找不到单位“不存在系”（文件和系统中都没有）。",
            "人员 第 5 行，“工号”：“N001”与第 2 行重复。",
            "人员 第 6 行，“性别”：无法识别“未知性别”，可填：男、女。",
            "家庭成员 第 3 行，“工号”：找不到工号为“X999”的人员（文件和系统中都没有）。",
            "家庭成员 第 4 行，“关系”：无法识别“表亲”，可填：配偶、子女、父母、岳父母、公婆、其他。",
        ], preview.Errors.Select(e => e.ToString()).ToArray());
        Assert.Equal("第 3 行，“出生日期”：无法识别的日期“1990.13.01”。", preview.Errors[2].Text);
        Assert.Contains("人员：已忽略无法识别的列“备注”。", preview.Notes);
        Assert.False(preview.CanApply);
        // The good rows are still counted, so the user sees what the file would do once fixed.
        Assert.Equal(new ImportCounts(1, 0, 0), preview.Counts[RosterSheetKind.OrgUnits]);
        Assert.Equal(new ImportCounts(1, 0, 0), preview.Counts[RosterSheetKind.People]);

        await Assert.ThrowsAsync<ImportRefusedException>(() => Import.ApplyAsync(_s.Zuzhi, preview));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Units_whose_parents_form_a_loop_or_sit_under_a_bad_row_are_reported()
    {
        var file = Build(("组织机构", [
            R("单位编码", "单位名称", "上级单位编码"),
            R("A", "甲", "B"),
            R("B", "乙", "A"),
            R("C", null, null),
            R("D", "丁", "C"),
        ]));

        var preview = await PreviewAsync(file);

        Assert.Equal(
        [
            "组织机构 第 2 行，“上级单位编码”：上级单位关系形成了循环。",
            "组织机构 第 3 行，“上级单位编码”：上级单位关系形成了循环。",
            "组织机构 第 4 行，“单位名称”：必须填写。",
            "组织机构 第 5 行，“上级单位编码”：上级单位“C”所在的行有错误。",
        ], preview.Errors.Select(e => e.ToString()).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Birth_dates_are_read_as_the_same_days_in_the_1900_and_the_1904_date_system(bool date1904)
    {
        // The same days written as Excel writes them in each system: once in a date-formatted cell, once as a bare
        // serial in a cell without a date format (an HR export that lost the format).
        var file = Build(date1904, ("人员", [
            R("工号", "姓名", "性别", "出生日期", "单位名称", "职务"),
            R("D001", "日期甲", "男", new DateOnly(1990, 1, 5), "甲系", "教师"),
            R("D002", "日期乙", "女", Serial(new DateOnly(1975, 6, 30), date1904), "甲系", "教师"),
            R("D003", "日期丙", "女", new DateOnly(2000, 2, 29), "甲系", "教师"),
        ]));

        var preview = await PreviewAsync(file);
        Assert.Empty(preview.Errors);
        await Import.ApplyAsync(_s.Zuzhi, preview);

        var births = await _s.ReadAsync(db => db.People.Where(p => p.StaffNumber.StartsWith("D00")).ToDictionaryAsync(p => p.StaffNumber, p => p.BirthDate));
        Assert.Equal(new DateOnly(1990, 1, 5), births["D001"]);
        Assert.Equal(new DateOnly(1975, 6, 30), births["D002"]);
        Assert.Equal(new DateOnly(2000, 2, 29), births["D003"]);
    }

    [Fact]
    public void Dates_before_march_1900_are_not_shifted_by_excels_leap_day()
    {
        // Excel's 1900 system counts a nonexistent 1900-02-29 (serial 60); days before it are one off from a plain OLE date.
        var file = Build(("人员", [R("出生日期"), R(new DateOnly(1900, 1, 15)), R(new DateOnly(1900, 3, 1))]));

        var sheet = Assert.Single(XlsxTableReader.Read(new MemoryStream(file)));

        Assert.False(sheet.Date1904);
        Assert.Equal(["1900-01-15", "1900-03-01"], sheet.Rows.Skip(1).Select(r => r[0] ?? "").ToArray());
    }

    private static byte[] GoodFile() => Build(
        ("组织机构", [
            R("单位编码", "单位名称", "上级单位编码", "类型", "排序"),
            // A child listed before its parent: parents may come later in the file.
            R("XY0101", "新学院第一党支部", "XY01", "党支部", 2),
            R("XY01", "新学院", null, "学院", 1),
        ]),
        ("人员", [
            R("工号", "姓名", "性别", "出生日期", "单位编码", "单位名称", "职务", "政治面貌", "党支部", "联系电话"),
            // 张老师 (S001): only the position changes; the blank cells keep the address and phone.
            R("S001", "张老师", null, null, null, null, "副教授"),
            R("N001", "新人甲", "男", new DateOnly(1990, 1, 5), "XY01", null, "教师", "中共党员", "新学院第一党支部", "13800138000"),
            R("N002", "新人乙", "女", "19880315", null, "甲系", "辅导员", "群众"),
            R("N003", "新人丙", "女", 32874, null, "乙学院", "教师"),
            // 赵老师 (S002) exactly as stored: unchanged.
            R("S002", "赵老师", null, null, null, null, "教师"),
        ]),
        ("家庭成员", [
            R("工号", "关系", "姓名", "工作单位", "职务", "联系电话", "是否本地居住"),
            R("S001", "配偶", "张妻", "南宁市第一中学", "教师", null, "是"),
            R("S001", "子女", "张小", "广西大学", null, null, "否"),
            R("N001", "父母", "甲父", null, null, null, "是"),
        ]));

    [Fact]
    public async Task A_good_file_creates_units_people_and_family_and_updates_people_by_staff_number()
    {
        var preview = await PreviewAsync(GoodFile());

        Assert.Empty(preview.Errors);
        Assert.True(preview.CanApply);
        Assert.Equal(new ImportCounts(2, 0, 0), preview.Counts[RosterSheetKind.OrgUnits]);
        Assert.Equal(new ImportCounts(3, 1, 1), preview.Counts[RosterSheetKind.People]);
        Assert.Equal(new ImportCounts(2, 1, 0), preview.Counts[RosterSheetKind.Family]);
        var s001 = Assert.Single(preview.Changes, c => c.Key == "S001");
        Assert.Equal(ImportAction.Updated, s001.Action);
        Assert.Equal("职务：教师 → 副教授", s001.Details);

        var result = await Import.ApplyAsync(_s.Zuzhi, preview);
        Assert.Equal(2 + 4 + 3, result.Written);

        await using var db = _s.Context();
        var college = await db.OrgUnits.SingleAsync(u => u.InstitutionId == _s.InstitutionA && u.Code == "XY01");
        var branch = await db.OrgUnits.SingleAsync(u => u.Code == "XY0101");
        Assert.Equal(("新学院", OrgUnitKind.College, 1, (int?)null), (college.Name, college.Kind, college.SortOrder, college.ParentId));
        Assert.Equal((OrgUnitKind.PartyBranch, college.Id), (branch.Kind, branch.ParentId));

        var people = await db.People.Where(p => p.InstitutionId == _s.InstitutionA).ToDictionaryAsync(p => p.StaffNumber);
        var zhang = people["S001"];
        Assert.Equal("副教授", zhang.Position);
        Assert.Equal("南宁市江南区星光大道88号", zhang.HomeAddress); // untouched
        Assert.Equal(_s.DeptJia, zhang.UnitId);                   // untouched
        Assert.Equal(1, zhang.Version);
        Assert.Equal(0, people["S002"].Version);                  // unchanged rows are not written

        var n1 = people["N001"];
        Assert.Equal(("新人甲", Gender.Male, new DateOnly(1990, 1, 5), college.Id, PartyMembership.Member, branch.Id, "13800138000"),
            (n1.Name, n1.Gender, n1.BirthDate, n1.UnitId, n1.Party, n1.PartyBranchId, n1.Phone));
        Assert.Equal((new DateOnly(1988, 3, 15), _s.DeptJia, PartyMembership.None), (people["N002"].BirthDate, people["N002"].UnitId, people["N002"].Party));
        Assert.Equal((new DateOnly(1990, 1, 1), _s.CollegeYi), (people["N003"].BirthDate, people["N003"].UnitId)); // Excel serial 32874

        var family = await db.FamilyMembers.Where(f => f.PersonId == zhang.Id || f.PersonId == n1.Id).ToListAsync();
        Assert.Equal(3, family.Count);
        var spouse = family.Single(f => f.Relation == FamilyRelation.Spouse);
        Assert.Equal((_s.StaffOneSpouse.Id, "南宁市第一中学", "教师", true), (spouse.Id, spouse.Workplace, spouse.Position, spouse.LivesLocally));
        Assert.Contains(family, f => f.PersonId == zhang.Id && f.Relation == FamilyRelation.Child && f.Name == "张小" && !f.LivesLocally);
        Assert.Contains(family, f => f.PersonId == n1.Id && f.Relation == FamilyRelation.Parent && f.Name == "甲父" && f.LivesLocally);

        // Every change is in the audit log under the importing user.
        var audit = await db.AuditEntries.Where(a => a.UserId == _s.Zuzhi.UserId).ToListAsync();
        Assert.Equal(2, audit.Count(a => a.EntityType == nameof(OrgUnit) && a.Action == AuditActions.Create));
        Assert.Equal(3, audit.Count(a => a.EntityType == nameof(Person) && a.Action == AuditActions.Create));
        var update = Assert.Single(audit, a => a.EntityType == nameof(Person) && a.Action == AuditActions.Update);
        Assert.Equal(zhang.Id.ToString(), update.EntityId);
        Assert.Contains("副教授", update.Detail);
        Assert.DoesNotContain("HomeAddress", update.Detail);
        Assert.Equal(3, audit.Count(a => a.EntityType == nameof(FamilyMember)));
        Assert.Single(audit, a => a.Action == "import");
        Assert.All(audit, a => Assert.Equal(("zuzhi", _s.InstitutionA), (a.UserName, a.InstitutionId)));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        await Import.ApplyAsync(_s.Zuzhi, await PreviewAsync(GoodFile()));

        var again = await PreviewAsync(GoodFile());

        Assert.Empty(again.Errors);
        Assert.Empty(again.Changes);
        Assert.False(again.CanApply);
        Assert.Equal(new ImportCounts(0, 0, 5), again.Counts[RosterSheetKind.People]);
    }

    [Fact]
    public async Task Cancelling_after_the_preview_writes_nothing()
    {
        var before = await SnapshotAsync();

        var preview = await PreviewAsync(GoodFile());
        Assert.True(preview.CanApply);
        // Cancel: the page drops the preview; nothing has been written, not even an audit entry.

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_person_of_another_institution_with_the_same_staff_number_is_not_touched()
    {
        // L001 is 李院长 in A and 乙县干部 in B.
        var file = Build(("人员", [R("工号", "姓名", "职务"), R("L001", "李院长", "院长")]));

        var preview = await PreviewAsync(file);
        Assert.Equal(new ImportCounts(0, 1, 0), preview.Counts[RosterSheetKind.People]);
        await Import.ApplyAsync(_s.Zuzhi, preview);

        await using var db = _s.Context();
        var a = await db.People.SingleAsync(p => p.Id == _s.LeaderOne.Id);
        var b = await db.People.SingleAsync(p => p.Id == _s.PersonB.Id);
        Assert.Equal("院长", a.Position);
        Assert.Equal(("乙县干部", "副县长", 0L), (b.Name, b.Position, b.Version));
    }

    [Fact]
    public async Task A_failure_half_way_through_leaves_the_database_as_it_was()
    {
        // A real constraint in the database that rejects one family row, after units and people are written.
        await using (var db = _s.Context())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER reject_family BEFORE INSERT ON FamilyMembers WHEN NEW.Name = '甲父' BEGIN SELECT RAISE(ABORT, 'rejected by test'); END;");
        }
        var before = await SnapshotAsync();
        var preview = await PreviewAsync(GoodFile());
        Assert.True(preview.CanApply);

        var error = await Assert.ThrowsAsync<ImportRefusedException>(() => Import.ApplyAsync(_s.Zuzhi, preview));

        Assert.StartsWith("数据库拒绝了写入，本次导入未写入任何数据。", error.Message);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("教师", before.S001Position);
    }

    [Fact]
    public async Task A_change_between_preview_and_confirm_is_not_overwritten()
    {
        var before = await SnapshotAsync();
        var preview = await PreviewAsync(GoodFile());
        // Someone edits 张老师 on his page meanwhile.
        var detail = await _s.People.GetAsync(_s.Zuzhi, _s.StaffOne.Id);
        await _s.People.SaveAsync(_s.Zuzhi, new PersonEdit
        {
            Id = detail.Id, Version = detail.Version, Name = detail.Name, StaffNumber = detail.StaffNumber, UnitId = detail.UnitId,
            Position = "讲师", HomeAddress = detail.HomeAddress,
        });

        var error = await Assert.ThrowsAsync<ImportRefusedException>(() => Import.ApplyAsync(_s.Zuzhi, preview));

        Assert.Equal(RosterImportService.ChangedSincePreview, error.Message);
        var after = await SnapshotAsync();
        Assert.Equal("讲师", after.S001Position);
        Assert.Equal((before.Units, before.People, before.Family), (after.Units, after.People, after.Family));
    }

    [Fact]
    public async Task Only_roster_managers_may_import()
    {
        var file = Import.Parse(new MemoryStream(GoodFile()), "roster.xlsx");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Import.PreviewAsync(_s.Leader1, file));
        var preview = await Import.PreviewAsync(_s.Admin, file);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Import.ApplyAsync(_s.Leader1, preview));
    }

    [Fact]
    public async Task Csv_in_utf8_with_quotes_commas_and_line_breaks_and_messy_headers()
    {
        // Full-width and ordinary spaces around headers, another column order, an extra column.
        var csv = "\u3000姓名 , 工号 ,家庭住址,职务,籍贯\r\n" +
                  "新人甲,N001,\"南宁市青秀区\n民族大道1号, 3栋\",\"教师\",广西\r\n" +
                  "\"新人\"\"乙\"\"\",N002,,教师,\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var preview = await PreviewAsync(bytes, "roster.csv");

        Assert.Empty(preview.Errors);
        Assert.Equal([RosterSheetKind.People], preview.SheetsFound);
        Assert.Contains("人员：已忽略无法识别的列“籍贯”。", preview.Notes);
        await Import.ApplyAsync(_s.Zuzhi, preview);
        await using var db = _s.Context();
        var n1 = await db.People.SingleAsync(p => p.StaffNumber == "N001");
        Assert.Equal("南宁市青秀区\n民族大道1号, 3栋", n1.HomeAddress);
        Assert.Equal("新人\"乙\"", (await db.People.SingleAsync(p => p.StaffNumber == "N002")).Name);
    }

    [Fact]
    public async Task Csv_in_gb18030_is_detected_and_errors_count_rows_as_records()
    {
        var gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var csv = "工号,关系,姓名,是否本地居住\r\nS001,子女,张小,是\r\nS001,配偶,\"张\r\n妻\",也许\r\nS001,子女,张小,否\r\n";

        var preview = await PreviewAsync(gb.GetBytes(csv), "family.csv");

        Assert.Equal([RosterSheetKind.Family], preview.SheetsFound);
        Assert.Equal(
        [
            "家庭成员 第 3 行，“是否本地居住”：无法识别“也许”，请填“是”或“否”。",
            "家庭成员 第 4 行，“姓名”：与第 2 行重复（工号、关系和姓名都相同）。",
        ], preview.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public async Task Csv_kind_chosen_by_the_admin_and_missing_required_columns_are_reported_on_the_header_row()
    {
        var bytes = Encoding.UTF8.GetBytes("单位名称,类型\n某单位,单位\n");

        var preview = await PreviewAsync(bytes, "units.csv", RosterSheetKind.OrgUnits);

        Assert.Equal("组织机构 第 1 行，“单位编码”：缺少必填列。", Assert.Single(preview.Errors).ToString());
        Assert.Throws<ImportFileException>(() => Import.Parse(new MemoryStream(bytes), "units.csv"));
    }

    [Fact]
    public void Other_file_types_and_oversized_files_are_refused_with_a_message()
    {
        var wrongType = Assert.Throws<ImportFileException>(() => Import.Parse(new MemoryStream([1, 2, 3]), "roster.xls"));
        Assert.Equal("只能导入 .xlsx 或 .csv 文件。", wrongType.Message);
        var notXlsx = Assert.Throws<ImportFileException>(() => Import.Parse(new MemoryStream(Encoding.UTF8.GetBytes("hello")), "roster.xlsx"));
        Assert.Contains("无法打开", notXlsx.Message);
        var big = Assert.Throws<ImportFileException>(() => Import.Parse(new MemoryStream(new byte[RosterImportService.MaxFileBytes + 1]), "big.csv"));
        Assert.Contains("10 MB", big.Message);
    }

    [Fact]
    public async Task The_template_has_three_sheets_and_its_example_rows_pass()
    {
        var preview = await PreviewAsync(RosterTemplate.Build(), RosterTemplate.FileName);

        Assert.Empty(preview.Errors);
        Assert.Equal([RosterSheetKind.OrgUnits, RosterSheetKind.People, RosterSheetKind.Family], preview.SheetsFound);
        Assert.Equal(3, preview.Changes.Count);
    }

    [Fact]
    public async Task A_county_roster_of_20000_people_parses_previews_and_imports()
    {
        const int count = 20_000;
        var units = new List<object?[]> { R("单位编码", "单位名称", "上级单位编码", "类型") };
        units.Add(R("C", "示范县", null, "县"));
        for (var t = 0; t < 100; t++) units.Add(R($"C{t:000}", $"第{t}乡镇", "C", "乡镇（街道）"));
        var people = new List<object?[]> { R("工号", "姓名", "性别", "出生日期", "单位编码", "职务", "编制状态", "政治面貌", "联系电话", "家庭住址") };
        for (var i = 0; i < count; i++)
            people.Add(R($"X{i:00000}", $"干部{i}", i % 2 == 0 ? "男" : "女", new DateOnly(1970 + i % 30, 1 + i % 12, 1 + i % 28), $"C{i % 100:000}",
                "科员", "在编在岗", "中共党员", $"1380000{i:0000}", $"示范县第{i % 100}乡镇{i}号"));
        var bytes = Build(("组织机构", units.ToArray()), ("人员", people.ToArray()));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var parsed = Import.Parse(new MemoryStream(bytes), "county.xlsx");
        var parseTime = watch.Elapsed;
        var preview = await Import.PreviewAsync(_s.Zuzhi, parsed);
        var previewTime = watch.Elapsed - parseTime;

        Assert.Empty(preview.Errors);
        Assert.Equal(new ImportCounts(count, 0, 0), preview.Counts[RosterSheetKind.People]);
        watch.Restart();
        var result = await Import.ApplyAsync(_s.Zuzhi, preview);
        // Timing is reported, not asserted (shared CI machines vary).
        output.WriteLine($"parse {parseTime.TotalSeconds:0.0} s, preview {previewTime.TotalSeconds:0.0} s, apply {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(count + 101, result.Written);
        Assert.Equal(count, await _s.ReadAsync(db => db.People.CountAsync(p => p.StaffNumber.StartsWith("X"))));
    }
}
