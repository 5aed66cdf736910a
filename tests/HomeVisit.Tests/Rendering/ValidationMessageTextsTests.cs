using System.Globalization;
using System.Text.RegularExpressions;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;
using HomeVisit.Tests.Huifang;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Tests.Rendering;

/// <summary>
/// Validation messages with numbers or dates inside (issue 14 item 7) reach an English user in English: the service
/// gives a <see cref="PortalMessage"/> template, the form shows it through Texts like any other message.
/// </summary>
public sealed partial class ValidationMessageTextsTests : IDisposable
{
    private readonly TextsHost _host = new();

    public void Dispose() => _host.Dispose();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private Dictionary<string, string> Render(PortalValidationException e, string culture, IStringLocalizer? texts = null) =>
        _host.Render(e, culture, texts);

    private static void AllEnglish(Dictionary<string, string> english)
    {
        Assert.NotEmpty(english);
        foreach (var (field, text) in english)
            Assert.False(Chinese().IsMatch(text), $"{field}: {text}");
    }

    [Fact]
    public void Per_quota_rule_messages_read_in_english_with_the_quota_number()
    {
        var module = ProgrammesServiceCollectionExtensions.Modules.First(m => m.Key == "lianzheng");
        var rules = module.DefaultRules();
        rules.Quotas[1].Name = "";
        rules.Quotas[1].Minimum = 0;
        rules.Quotas[1].PortalRoles = ["不存在"];
        rules.Quotas[1].Forms = [new VisitForm("NoSuchForm")];
        var e = Assert.Throws<PortalValidationException>(ProgrammeRulesService.Validate(rules, module).ThrowIfInvalid);

        Assert.Equal("第 2 条指标：最低数量应在 1 到 100 之间。", e.Errors["Quotas[1].Minimum"]);
        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal("Quota 2: the minimum must be between 1 and 100.", english["Quotas[1].Minimum"]);
    }

    [Fact]
    public async Task Sanction_date_and_period_messages_read_in_english()
    {
        using var w = new HuifangWorld();
        var e = await Assert.ThrowsAsync<PortalValidationException>(() => w.Sanctions.SaveAsync(w.Anguan, new SanctionEdit
        {
            PersonId = w.S.StaffOne.Id, Reason = "x", GovernmentKind = GovernmentSanction.Demerit,
            PartyKind = PartySanction.Warning, PartyDecidedOn = new DateTime(2099, 1, 1), PartyInfluenceMonths = 6,
            RetiredOn = new DateTime(1800, 1, 1),
        }));

        Assert.Equal("请填写政务处分的决定时间。", e.Errors[nameof(SanctionEdit.GovernmentDecidedOn)]);
        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal("Please enter the decision date of the administrative sanction.", english[nameof(SanctionEdit.GovernmentDecidedOn)]);
    }

    [Fact]
    public void A_date_out_of_range_reads_in_english_with_its_limits()
    {
        var v = new Validator().DateInRange("Day", new DateOnly(1800, 1, 1), new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31), "日期");
        var e = Assert.Throws<PortalValidationException>(v.ThrowIfInvalid);

        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal("Date must be between 2000-01-01 and 2100-12-31.", english["Day"]);
    }

    [Fact]
    public async Task A_move_into_the_past_reads_in_english_with_its_time()
    {
        using var s = new HomeVisit.Tests.Services.Scenario();
        var id = await s.PlannedVisitAsync();
        var version = (await s.VisitRowAsync(id)).Version;
        var yesterday = s.Clock.Today.AddDays(-1).AddHours(19);

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => s.Visits.RescheduleAsync(s.Leader1, id, version, yesterday));

        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal($"A visit cannot be moved to a time that has passed ({yesterday:yyyy-MM-dd HH:mm}).", english[nameof(VisitPlan.PlannedStart)]);
    }

    [Fact]
    public async Task A_back_dated_rules_change_names_the_closed_periods_in_english()
    {
        using var s = new HomeVisit.Tests.Services.Scenario();
        using (var db = s.Context())
        {
            db.UnitLeaderships.Add(new HomeVisit.Core.Institutions.UnitLeadership
            {
                InstitutionId = s.InstitutionA, UnitId = s.CollegeJia, PersonId = s.LeaderOne.Id,
                Role = HomeVisit.Core.Institutions.LeadershipRole.Deputy, StartsOn = new DateOnly(2023, 9, 1),
            });
            db.SaveChanges();
        }
        var service = new ProgrammeRulesService(s.Db.Factory, new ProgrammeCatalog(ProgrammesServiceCollectionExtensions.Modules), s.Clock);
        var rules = ProgrammeRulesService.Clone(await service.RulesOnAsync(s.InstitutionA, "lianzheng", new DateOnly(2025, 1, 1)));
        rules.Quotas.Single(q => q.Name == "二级学院（教学部）领导").Minimum = 10;

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => service.SaveAsync(s.Admin, "lianzheng", rules, new DateOnly(2025, 1, 1), null));

        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        Assert.Contains("（2025年度）", e.Errors["EffectiveFrom"]);
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Contains("(2025)", english["EffectiveFrom"]);
    }

    [Fact]
    public void The_period_summary_column_headers_the_page_shows_have_english()
    {
        var texts = _host.Use("en").Core;

        var headers = HomeVisit.Core.Exports.PeriodSummaryService.Columns.Select(c => texts[c].Value).ToList();

        Assert.All(headers, h => Assert.False(Chinese().IsMatch(h), h));
        Assert.Equal("Items open", headers[7]);
    }
    [Fact]
    public void Record_form_field_messages_read_in_english_with_the_modules_own_label()
    {
        var module = ProgrammesServiceCollectionExtensions.Modules.First(m => m.Key == "huifang");
        var v = new Validator();
        ProgrammeRuleCheck.CheckOutcome(v, module.DefaultRules(), module,
            new VisitOutcome { Record = "x", FormData = { ["Outcome"] = "不存在的选项" } }, VisitForm.HomeVisit);
        var e = Assert.Throws<PortalValidationException>(v.ThrowIfInvalid);

        Assert.Equal("请填写“回访对象态度以及现实表现简述”。", e.Errors["FormData.Attitude"]);
        Assert.Equal(e.Errors, Render(e, "zh-CN", _host.Programme("huifang")));
        var english = Render(e, "en", _host.Programme("huifang"));
        AllEnglish(english);
        Assert.Equal("Please fill in “Attitude and present conduct”.", english["FormData.Attitude"]);
        Assert.Equal("The choice for “Use of the result” is not valid.", english["FormData.Outcome"]);
    }

    [Fact]
    public async Task A_taken_staff_number_and_unit_code_read_in_english_with_the_number()
    {
        using var s = new HomeVisit.Tests.Services.Scenario();
        var number = await Assert.ThrowsAsync<PortalValidationException>(() =>
            s.People.SaveAsync(s.Zuzhi, new HomeVisit.Core.People.PersonEdit { Name = "新老师", StaffNumber = "S001", UnitId = s.DeptJia }));

        Assert.Equal("工号 S001 已被他人使用。", number.Errors["StaffNumber"]);
        Assert.Equal(number.Errors, Render(number, "zh-CN"));
        var english = Render(number, "en");
        AllEnglish(english);
        Assert.Equal("Staff number S001 is already used by someone else.", english["StaffNumber"]);

        Assert.Equal("Code X01 is already used by another unit.", _host.Render(new PortalMessage("编码 {0} 已被其他单位使用。", "X01"), "en"));
        Assert.Equal("User name Admin is already taken.", _host.Render(new PortalMessage("用户名 {0} 已被使用。", "Admin"), "en"));
    }

    [Fact]
    public void Template_and_password_messages_read_in_english_with_their_numbers_and_placeholders()
    {
        var definition = HomeVisit.Programmes.Qinglian.QinglianProgramme.Templates.First();
        var e = Assert.Throws<PortalValidationException>(HomeVisit.Core.Content.ContentTemplateService.Validate(definition, "您好 {{不存在}}").ThrowIfInvalid);
        var english = Render(e, "en");
        Assert.StartsWith("The template has placeholders that are not known: {{不存在}}. Placeholders you can use: {{", english["Markdown"]);
        Assert.Equal(e.Errors, Render(e, "zh-CN"));

        var tooLong = Assert.Throws<PortalValidationException>(HomeVisit.Core.Content.ContentTemplateService.Validate(definition,
            new string('字', HomeVisit.Core.Content.ContentTemplateService.MaxLength + 1)).ThrowIfInvalid);
        AllEnglish(Render(tooLong, "en"));

        var weak = new HomeVisit.Core.Accounts.PasswordPolicy(12, 3).Check("short", "新密码")!;
        Assert.Equal("新密码至少 12 位。", weak.ToString());
        Assert.Equal("New password must have at least 12 characters.", _host.Render(weak, "en"));
    }

    [Fact]
    public async Task A_lianzheng_plan_duplicate_reads_in_english_through_the_modules_texts()
    {
        using var w = new HomeVisit.Tests.Lianzheng.LianzhengWorld();
        await w.LeadsAsync(w.S.LeaderOne.Id, w.S.CollegeJia, HomeVisit.Core.Institutions.LeadershipRole.Deputy);
        Task<int> Add() => w.Lianzheng.SavePlanItemAsync(w.S.Leader1, new HomeVisit.Programmes.Lianzheng.PlanItemEdit
        {
            VisitorPersonId = w.S.LeaderOne.Id, Year = 2026, TargetPersonId = w.S.StaffOne.Id, Month = 3,
        });
        await Add();
        var twice = await Assert.ThrowsAsync<PortalValidationException>(Add);

        var texts = _host.Programme("lianzheng");
        Assert.Equal(twice.Errors, Render(twice, "zh-CN", texts));
        var english = Render(twice, "en", texts);
        Assert.Equal("张老师 is already in the plan for 2026.", english[nameof(HomeVisit.Programmes.Lianzheng.PlanItemEdit.TargetPersonId)]);
        // The core set alone does not know the module's sentence: the page shows it through its own texts (Texts="T").
        Assert.True(_host.Core["{0} 已在{1}年度的计划中。"].ResourceNotFound);
    }

    [Fact]
    public async Task A_lianxi_leaders_link_problems_read_in_english()
    {
        using var w = new HomeVisit.Tests.Lianxi.LianxiWorld();
        var leader = (await w.Links.OverviewAsync(w.S.Zuzhi)).Single(l => l.LeaderId == w.S.LeaderTwo.Id);

        var texts = _host.Programme("lianxi");
        Assert.Equal(leader.Problems, leader.ProblemMessages.Select(m => _host.Render(m, "zh-CN", texts)));
        Assert.Equal(["No party branch linked (1 to 2 are required, III.1)", "0 individuals linked, fewer than 2 (III.2)"],
            leader.ProblemMessages.Select(m => _host.Render(m, "en", texts)));
    }

    [Fact]
    public async Task A_qinglian_delivery_date_before_the_plan_reads_in_english_with_the_date()
    {
        using var w = new HomeVisit.Tests.Qinglian.QinglianWorld();
        var id = await w.PlanAsync(new DateTime(2026, 11, 30, 19, 0, 0));
        var version = (await w.S.VisitRowAsync(id)).Version;
        var before = await Assert.ThrowsAsync<PortalValidationException>(() => w.Notices.RecordSentAsync(w.S.Leader1, id,
            new HomeVisit.Programmes.Qinglian.NoticeSent { Version = version, SentOn = new DateTime(2026, 11, 19), Recipient = "张老师" }));

        var texts = _host.Programme("qinglian");
        Assert.Equal(before.Errors, Render(before, "zh-CN", texts));
        var english = Render(before, "en", texts);
        AllEnglish(english);
        Assert.Equal("The delivery date cannot be before the day the visit was planned (2026-11-20).", english["SentOn"]);
    }

    [Fact]
    public void Rule_changes_and_the_rules_in_force_read_in_english()
    {
        var module = ProgrammesServiceCollectionExtensions.Modules.First(m => m.Key == "lianzheng");
        var before = module.DefaultRules();
        var after = ProgrammeRulesService.Clone(before);
        after.NoticeLeadDays = 5;
        after.Quotas[0].Minimum += 1;
        after.PriorityTriggers.Add("重大节假日前");
        var texts = _host.Programme("lianzheng");

        var messages = RuleDiff.DescribeMessages(before, after, module.RecordForm);
        Assert.Equal(RuleDiff.Describe(before, after, module.RecordForm), messages.Select(m => _host.Render(m, "zh-CN", texts)));
        var english = messages.Select(m => _host.Render(m, "en", texts)).ToList();
        Assert.Contains("Days of notice: 0 → 5", english);
        // The quota's name and source are 廉政家访's words, in its English.
        Assert.Contains($"School party and administrative heads Minimum: {before.Quotas[0].Minimum} → {after.Quotas[0].Minimum}", english);
        Assert.Contains("Priority situations: added “重大节假日前”", english);

        _host.Use("en");
        var summary = RuleDiff.SettingValues(after, module.RecordForm).ToDictionary(s => s.Label, s => $"{texts.Text(s.Value)}");
        Assert.All(summary.Where(s => s.Key is not "职务关键词"), s => Assert.False(Chinese().IsMatch(s.Value), $"{s.Key}: {s.Value}"));
        Assert.Equal("No", summary["计划需审批"]);
        Assert.Equal($"School party and administrative heads: at least {after.Quotas[0].Minimum} people per period (Article 4 (1))",
            texts.Message(RuleDiff.QuotaLineMessage(after.Quotas[0])));

        var semester = ProgrammesServiceCollectionExtensions.Modules.First(m => m.Key == "lianxi").DefaultRules();
        var spring = RuleDiff.SettingValues(semester).Single(s => s.Label == "春季学期开始日期").Value;
        Assert.Equal(new DateTime(2000, semester.Semester.SpringMonth, semester.Semester.SpringDay).ToString("MMM d", CultureInfo.GetCultureInfo("en")),
            texts.Text(spring));
    }

    [Fact]
    public async Task The_period_summary_workbook_has_its_title_and_headers_in_the_readers_language()
    {
        using var s = new HomeVisit.Tests.Services.Scenario();
        var catalog = new ProgrammeCatalog(ProgrammesServiceCollectionExtensions.Modules);
        var quotas = new HomeVisit.Core.Quotas.QuotaService(s.Db.Factory, s.Rules, catalog);
        var exports = new HomeVisit.Core.Exports.ExportService(s.Db.Factory, [], new HomeVisit.Core.Exports.CommonLedger(s.Db.Factory, catalog, s.Org, s.Rules), s.Clock);
        var summaries = new HomeVisit.Core.Exports.PeriodSummaryService(s.Db.Factory, catalog, quotas, exports);
        var day = new DateOnly(2026, 11, 20);

        using var chinese = new MemoryStream();
        await summaries.WriteXlsxAsync(s.Jiwei, "lianzheng", day, chinese);
        _host.Use("en");
        using var english = new MemoryStream();
        await summaries.WriteXlsxAsync(s.Jiwei, "lianzheng", day, english, default, _host.Programme("lianzheng").Message);

        var zh = HomeVisit.Tests.Lianxi.LianxiFiguresTests.ReadFirstSheet(chinese);
        Assert.Equal("廉政家访2026年度工作汇总", zh[0][0]);
        Assert.Equal([.. HomeVisit.Core.Exports.PeriodSummaryService.Columns], zh[2]);
        var en = HomeVisit.Tests.Lianxi.LianxiFiguresTests.ReadFirstSheet(english);
        Assert.Equal("Integrity home visits: summary of 2026", en[0][0]);
        Assert.Equal("Period: 2026-01-01 to 2026-12-31", en[1][0]);
        Assert.Equal("Unit", en[2][0]);
        Assert.Equal("Items open", en[2][7]);
        Assert.Equal("Total", en[^1][0]);
        Assert.All(en.Take(3).Append(en[^1]).SelectMany(r => r), c => Assert.False(Chinese().IsMatch(c), c));
    }

    [Fact]
    public void Every_message_template_a_service_writes_has_english_in_the_set_that_shows_it()
    {
        _host.Use("en");
        var missing = new List<string>();
        var templates = 0;
        foreach (var (file, set) in ServiceSources())
        {
            var texts = _host.Texts(set);
            foreach (var template in Templates(File.ReadAllText(file)))
            {
                templates++;
                if (texts[template].ResourceNotFound) missing.Add($"{Path.GetFileName(file)} ({set.Name}): {template}");
            }
        }
        Assert.True(templates > 100, $"only {templates} templates found: the scan no longer matches how services write messages");
        Assert.True(missing.Count == 0, "Message templates without English:\n" + string.Join("\n", missing.Distinct()));
    }

    // new PortalMessage("…", …), a target-typed new("…", …) and both literals of new PortalMessage(cond ? "…" : "…", …);
    // only literals with Chinese or a placeholder in them are messages.
    private static readonly Regex Template = new(
        @"new(?: PortalMessage)?\(\s*(?:[^()""]*\?\s*)?""((?:[^""\\]|\\.)*)""(?:\s*:\s*""((?:[^""\\]|\\.)*)"")?");

    private static IEnumerable<string> Templates(string source) =>
        Template.Matches(source).SelectMany(m => m.Groups.Values.Skip(1).Where(g => g.Success).Select(g => Regex.Unescape(g.Value)))
            .Where(t => Chinese().IsMatch(t) || t.Contains("{0", StringComparison.Ordinal));

    /// <summary>
    /// Every service source with the set its messages are shown through: a module project's own; a programme's folder in
    /// the core (not yet moved into its module) that programme's; the rest of the core the core set.
    /// </summary>
    private static IEnumerable<(string File, Type Set)> ServiceSources()
    {
        var src = Path.GetDirectoryName(typeof(ValidationMessageTextsTests).Assembly.Location)!;
        while (!Directory.Exists(Path.Combine(src, "src", "HomeVisit.Core"))) src = Path.GetDirectoryName(src)!;
        src = Path.Combine(src, "src");
        var sets = new[] { typeof(PortalResources).Assembly, typeof(ProgrammesServiceCollectionExtensions).Assembly }
            .Concat(ProgrammesServiceCollectionExtensions.Modules.Select(m => m.GetType().Assembly))
            .Distinct().SelectMany(a => a.GetTypes()).Where(t => t.Name.EndsWith("Resources", StringComparison.Ordinal)).ToList();
        Type Set(string name) => sets.Single(t => t.Name == name);
        var coreFolders = new Dictionary<string, string>
        {
            ["Lianzheng"] = "LianzhengResources", ["Qinglian"] = "QinglianResources", ["Lianxi"] = "LianxiResources", ["Sanctions"] = "HuifangResources",
        };
        static IEnumerable<string> Sources(string dir) => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}Demo{Path.DirectorySeparatorChar}"));

        var core = Path.Combine(src, "HomeVisit.Core");
        foreach (var file in Sources(core))
        {
            var folder = Path.GetRelativePath(core, file).Split(Path.DirectorySeparatorChar)[0];
            yield return (file, coreFolders.TryGetValue(folder, out var set) ? Set(set) : typeof(PortalResources));
        }
        var modules = Path.Combine(src, "Programmes");
        if (!Directory.Exists(modules)) yield break;
        foreach (var project in Directory.GetDirectories(modules))
        {
            var resx = Directory.EnumerateFiles(project, "*Resources.en.resx").Single();
            var set = Set(Path.GetFileName(resx)[..^".en.resx".Length]);
            foreach (var file in Sources(project)) yield return (file, set);
        }
    }
}
