using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Programmes;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using HomeVisit.Programmes.Huifang;

namespace HomeVisit.Tests.Programmes;

/// <summary>Programme settings per institution: validation, effective dating, history, who may change them.</summary>
public sealed class ProgrammeRulesServiceTests : IDisposable
{
    private static readonly ProgrammeCatalog Catalog = new(ProgrammesServiceCollectionExtensions.Modules);
    private readonly Scenario _s = new();
    private readonly ProgrammeRulesService _rules;

    public ProgrammeRulesServiceTests() => _rules = new ProgrammeRulesService(_s.Db.Factory, Catalog, _s.Clock);

    public void Dispose() => _s.Dispose();

    private static ProgrammeRules Lianzheng() => Catalog.Find("lianzheng")!.DefaultRules();

    private static readonly DateOnly Jan2026 = new(2026, 1, 1), Jan2027 = new(2027, 1, 1);

    /// <summary>A user of institution A with only the given role, on the admin's account (so the row's author exists).</summary>
    private PortalUser Only(string role) => _s.Admin with { Roles = new HashSet<string> { role } };

    private Task<int> VersionCountAsync() => _s.ReadAsync(db => db.ProgrammeRuleVersions.CountAsync());

    // ---- validation -------------------------------------------------------------------------------

    public static TheoryData<string, string, string> BadRules => new()
    {
        { "no visitor roles", "VisitorRoles", "请至少选择一个可以家访的角色。" },
        { "team size 0", "MinTeamSize", "家访组最少人数应在 1 到 10 之间。" },
        { "notice 61 days", "NoticeLeadDays", "提前通知天数应在 0 到 60 之间。" },
        { "written notice without days", "NoticeLeadDays", "要求书面通知时，提前通知天数至少为 1 天。" },
        { "semester on Feb 29", "Semester.Spring", "春季学期开始日期不是有效日期（也不能设为 2 月 29 日）。" },
        { "spring after autumn", "Semester.Autumn", "秋季学期须在春季学期之后开始。" },
        { "quota minimum 0", "Quotas[4].Minimum", "第 5 条指标：最低数量应在 1 到 100 之间。" },
        { "quota without a matcher", "Quotas[2].Name", "第 3 条指标：请至少设置一种适用人员条件（领导职务、角色或职务关键词）。" },
        { "quota without a name", "Quotas[0].Name", "第 1 条指标：请填写适用人员名称。" },
        { "quota counting a form not allowed", "Quotas[0].Forms", "第 1 条指标：计数的家访形式须是本项目允许的形式。" },
        { "approval without approver", "ApproverRole", "计划需要审批时，请选择审批角色。" },
        { "unknown required field", "RequiredRecordFields", "必填字段中有不存在的字段。" },
        { "no forms", "AllowedForms", "请至少选择一种家访形式。" },
        { "another programme's form", "AllowedForms", "家访形式不正确。" },
        { "no targets", "Targets", "请至少选择一类家访对象。" },
        { "empty priority situation", "PriorityTriggers", "优先家访情形不能为空，且每条不超过 200 字。" },
    };

    private static void Break(ProgrammeRules r, string kase)
    {
        switch (kase)
        {
            case "no visitor roles": r.VisitorRoles = []; break;
            case "team size 0": r.MinTeamSize = 0; break;
            case "notice 61 days": r.NoticeLeadDays = 61; break;
            case "written notice without days": r.NoticeInWriting = true; r.NoticeLeadDays = 0; break;
            case "semester on Feb 29": r.Period = PeriodKind.Semester; r.Semester.SpringMonth = 2; r.Semester.SpringDay = 29; break;
            case "spring after autumn": r.Period = PeriodKind.Semester; r.Semester = new() { SpringMonth = 9, SpringDay = 1, AutumnMonth = 2, AutumnDay = 20 }; break;
            case "quota minimum 0": r.Quotas[4].Minimum = 0; break;
            case "quota without a matcher": r.Quotas[2].PositionKeywords = []; r.Quotas[2].LeadershipRoles = []; r.Quotas[2].PortalRoles = []; break;
            case "quota without a name": r.Quotas[0].Name = " "; break;
            case "quota counting a form not allowed": r.Quotas[0].Forms = [HuifangForms.PhoneVisit]; break;
            case "approval without approver": r.PlanNeedsApproval = true; r.ApproverRole = null; break;
            case "unknown required field": r.RequiredRecordFields = ["Record", "NoSuchField"]; break;
            case "no forms": r.AllowedForms = []; break;
            case "another programme's form": r.AllowedForms.Add(HuifangForms.LetterVisit); break;
            case "no targets": r.Targets = TargetScope.None; break;
            case "empty priority situation": r.PriorityTriggers.Add("  "); break;
            default: throw new ArgumentOutOfRangeException(nameof(kase));
        }
    }

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Bad_rules_are_refused_with_the_Chinese_message_on_their_field_and_nothing_is_saved(string kase, string field, string message)
    {
        var rules = Lianzheng();
        Break(rules, kase);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _rules.SaveAsync(_s.Admin, "lianzheng", rules, Jan2027, null));

        Assert.Equal(message, error.Errors[field]);
        Assert.Equal(0, await VersionCountAsync());
    }

    [Fact]
    public async Task The_effective_date_is_required()
    {
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _rules.SaveAsync(_s.Admin, "lianzheng", Lianzheng(), null, "无日期"));

        Assert.Equal("请填写生效日期。", error.Errors["EffectiveFrom"]);
        Assert.Equal(0, await VersionCountAsync());
    }

    [Fact]
    public async Task Several_mistakes_are_reported_together()
    {
        var rules = Lianzheng();
        rules.MinTeamSize = 0;
        rules.Quotas[1].Minimum = 101;

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _rules.SaveAsync(_s.Admin, "lianzheng", rules, null, null));

        Assert.Equal(["EffectiveFrom", "MinTeamSize", "Quotas[1].Minimum"], error.Errors.Keys.Order().ToArray());
    }

    /// <summary>Every registered module, so a new module's defaults are checked without touching this test.</summary>
    public static TheoryData<string> ModuleKeys => [.. ProgrammesServiceCollectionExtensions.Modules.Select(m => m.Key)];

    [Theory]
    [MemberData(nameof(ModuleKeys))]
    public void Each_modules_seed_defaults_pass_validation(string key)
    {
        var module = Catalog.Find(key)!;

        var v = ProgrammeRulesService.Validate(module.DefaultRules(), module);

        Assert.False(v.HasErrors, Record.Exception(v.ThrowIfInvalid)?.Message);
    }

    // ---- effective dating ------------------------------------------------------------------------

    [Fact]
    public async Task Rules_are_read_for_a_day_across_a_change()
    {
        var v1 = Lianzheng();
        v1.NoticeLeadDays = 3;
        var v2 = Lianzheng();
        v2.NoticeLeadDays = 7;
        v2.Quotas[4].Minimum = 5;
        await _rules.SaveAsync(_s.Admin, "lianzheng", v1, Jan2026, "v1");
        await _rules.SaveAsync(_s.Admin, "lianzheng", v2, Jan2027, "v2");

        var before = await _rules.RulesOnAsync(_s.InstitutionA, "lianzheng", new DateOnly(2025, 12, 31));
        var lastDayOfV1 = await _rules.RulesOnAsync(_s.InstitutionA, "lianzheng", new DateOnly(2026, 12, 31));
        var firstDayOfV2 = await _rules.RulesOnAsync(_s.InstitutionA, "lianzheng", Jan2027);
        var current = await _rules.CurrentRulesAsync(_s.InstitutionA, "lianzheng"); // the clock says 2026-11-20

        Assert.Equal(0, before.NoticeLeadDays);            // the module's defaults before any version
        Assert.Equal(4, before.Quotas[4].Minimum);
        Assert.Equal(3, lastDayOfV1.NoticeLeadDays);
        Assert.Equal(4, lastDayOfV1.Quotas[4].Minimum);
        Assert.Equal(7, firstDayOfV2.NoticeLeadDays);
        Assert.Equal(5, firstDayOfV2.Quotas[4].Minimum);
        Assert.Equal(3, current.NoticeLeadDays);
    }

    [Fact]
    public async Task A_later_save_with_the_same_effective_date_supersedes_the_earlier()
    {
        var first = Lianzheng();
        first.MinTeamSize = 2;
        var second = Lianzheng();
        second.MinTeamSize = 3;
        await _rules.SaveAsync(_s.Admin, "lianzheng", first, Jan2027, "先");
        await _rules.SaveAsync(_s.Admin, "lianzheng", second, Jan2027, "后");

        Assert.Equal(3, (await _rules.RulesOnAsync(_s.InstitutionA, "lianzheng", Jan2027)).MinTeamSize);
        Assert.Equal(1, (await _rules.RulesOnAsync(_s.InstitutionA, "lianzheng", Jan2027.AddDays(-1))).MinTeamSize);
        Assert.Equal(2, await VersionCountAsync()); // nothing overwritten: both stay in the history
    }

    [Fact]
    public async Task Without_any_version_the_modules_defaults_apply()
    {
        foreach (var module in Catalog.All)
        {
            var rules = await _rules.RulesOnAsync(_s.InstitutionA, module.Key, new DateOnly(2026, 6, 1));
            Assert.Empty(RuleDiff.Describe(module.DefaultRules(), rules, module.RecordForm));
        }
    }

    [Fact]
    public async Task Saved_rules_round_trip_through_storage_unchanged()
    {
        var rules = Catalog.Find("lianxi")!.DefaultRules();
        rules.Semester = new SemesterStarts { SpringMonth = 3, SpringDay = 1, AutumnMonth = 8, AutumnDay = 31 };
        rules.VisitorPositions = ["书记", "院长"];
        await _rules.SaveAsync(_s.Admin, "lianxi", rules, Jan2027, null);

        var stored = await _rules.RulesOnAsync(_s.InstitutionA, "lianxi", Jan2027);

        Assert.Empty(RuleDiff.Describe(rules, stored));
        Assert.Equal(rules.Semester.AutumnDay, stored.Semester.AutumnDay);
    }

    [Fact]
    public async Task Rule_versions_saved_when_forms_were_an_enum_still_read_and_are_written_the_same()
    {
        // As the enum with JsonStringEnumConverter wrote them: the form's name as text, in rule versions and quotas.
        const string stored = """{"AllowedForms":["OnSiteTalk","HeartTalk","PhoneVisit","LetterVisit"],"Quotas":[{"Name":"谈心","Forms":["HeartTalk"],"Minimum":1}]}""";

        var rules = ProgrammeRulesService.Deserialize(stored);

        Assert.Equal([HuifangForms.OnSiteTalk, VisitForm.HeartTalk, HuifangForms.PhoneVisit, HuifangForms.LetterVisit], rules.AllowedForms);
        Assert.Equal([VisitForm.HeartTalk], rules.Quotas.Single().Forms);
        Assert.Contains("""
            "AllowedForms":["OnSiteTalk","HeartTalk","PhoneVisit","LetterVisit"]
            """, System.Text.Json.JsonSerializer.Serialize(Catalog.Find("huifang")!.DefaultRules(), ProgrammeRulesService.Json));

        // Saved and read back through the database, the module's own forms are the same values.
        await _rules.SaveAsync(_s.Admin, "lianxi", Catalog.Find("lianxi")!.DefaultRules(), Jan2027, null);
        Assert.Contains(HomeVisit.Programmes.Lianxi.LianxiForms.DormitoryVisit, (await _rules.RulesOnAsync(_s.InstitutionA, "lianxi", Jan2027)).AllowedForms);
    }

    // ---- history ---------------------------------------------------------------------------------

    [Fact]
    public async Task History_lists_each_version_newest_first_with_who_when_the_note_and_the_rules_before()
    {
        var v1 = Lianzheng();
        v1.Quotas[4].Minimum = 5;
        await _rules.SaveAsync(_s.Admin, "lianzheng", v1, Jan2027, "按 2027 年工作要点提高二级学院指标");
        _s.Clock.Advance(TimeSpan.FromHours(1));
        var v2 = ProgrammeRulesService.Clone(v1);
        v2.NoticeLeadDays = 5;
        await _rules.SaveAsync(_s.Jiwei with { Roles = new HashSet<string> { Roles.ProgrammeAdmin } }, "lianzheng", v2, Jan2027, null);

        var history = await _rules.HistoryAsync(_s.Admin, "lianzheng");

        Assert.Equal(2, history.Count);
        var (newest, oldest) = (history[0], history[1]);
        Assert.Equal("纪委干事", newest.ChangedBy);
        Assert.Equal("admin", oldest.ChangedBy);
        Assert.Equal("按 2027 年工作要点提高二级学院指标", oldest.Note);
        Assert.Equal(Jan2027, oldest.EffectiveFrom);
        Assert.Equal(_s.Clock.GetUtcNow().UtcDateTime.AddHours(-1), oldest.ChangedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(["二级学院（教学部）领导 最低数量：4 → 5"], RuleDiff.Describe(oldest.Before, oldest.Rules));
        Assert.Equal(["提前通知天数：0 → 5"], RuleDiff.Describe(newest.Before, newest.Rules));
    }

    [Fact]
    public async Task History_before_is_the_rules_in_force_on_the_new_versions_date()
    {
        var later = Lianzheng();
        later.MinTeamSize = 3;
        await _rules.SaveAsync(_s.Admin, "lianzheng", later, new DateOnly(2028, 1, 1), null);
        var earlier = Lianzheng();
        earlier.MinTeamSize = 2;
        await _rules.SaveAsync(_s.Admin, "lianzheng", earlier, Jan2027, null);

        var history = await _rules.HistoryAsync(_s.Admin, "lianzheng");

        // The 2027 version replaced the defaults (the 2028 one does not apply on its date yet).
        Assert.Equal(["家访组最少人数：1 → 2"], RuleDiff.Describe(history[0].Before, history[0].Rules));
    }

    // ---- who may change the rules ----------------------------------------------------------------

    [Fact]
    public async Task Only_rule_admins_may_save_or_disable()
    {
        // 廉政家访: system and programme admins.
        await _rules.SaveAsync(Only(Roles.ProgrammeAdmin), "lianzheng", Lianzheng(), Jan2027, null);
        await _rules.SaveAsync(_s.Admin, "lianzheng", Lianzheng(), Jan2027, null);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _rules.SaveAsync(_s.Leader1, "lianzheng", Lianzheng(), Jan2027, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _rules.SaveAsync(_s.Jiwei, "lianzheng", Lianzheng(), Jan2027, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _rules.SetEnabledAsync(_s.Staff1, "lianzheng", false));

        // 受处分人员回访关爱: the discipline office, not the programme admin (HuifangModule.RuleAdminRoles).
        var huifang = Catalog.Find("huifang")!;
        Assert.True(ProgrammeRulesService.IsRuleAdmin(_s.Jiwei, huifang));
        Assert.False(ProgrammeRulesService.IsRuleAdmin(Only(Roles.ProgrammeAdmin), huifang));
        await _rules.SaveAsync(_s.Jiwei, "huifang", huifang.DefaultRules(), Jan2027, null);
        await _rules.SetEnabledAsync(_s.Jiwei, "huifang", false);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _rules.SaveAsync(Only(Roles.ProgrammeAdmin), "huifang", huifang.DefaultRules(), Jan2027, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _rules.SetEnabledAsync(Only(Roles.ProgrammeAdmin), "huifang", true));

        Assert.Equal(3, await VersionCountAsync());
        Assert.False(await _rules.IsEnabledAsync(_s.InstitutionA, "huifang"));
    }

    [Fact]
    public async Task An_unknown_programme_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _rules.SaveAsync(_s.Admin, "nosuch", Lianzheng(), Jan2027, null));
        await Assert.ThrowsAsync<NotFoundException>(() => _rules.SetEnabledAsync(_s.Admin, "nosuch", false));
        await Assert.ThrowsAsync<NotFoundException>(() => _rules.HistoryAsync(_s.Admin, "nosuch"));
        Assert.False(await _rules.IsEnabledAsync(_s.InstitutionA, "nosuch"));
    }

    // ---- enabling, isolation ---------------------------------------------------------------------

    [Fact]
    public async Task Disabling_and_enabling_again_keeps_visits_and_rules()
    {
        var visitId = await _s.PlannedVisitAsync();
        var rules = Lianzheng();
        rules.MinTeamSize = 2;
        await _rules.SaveAsync(_s.Admin, "lianzheng", rules, Jan2026, null);

        await _rules.SetEnabledAsync(_s.Admin, "lianzheng", false);

        Assert.False(await _rules.IsEnabledAsync(_s.InstitutionA, "lianzheng"));
        var states = await _rules.ProgrammesAsync(_s.InstitutionA);
        Assert.Equal(Catalog.All.Select(m => m.Key), states.Select(p => p.Module.Key));
        Assert.False(states.Single(p => p.Module.Key == "lianzheng").Enabled);
        Assert.All(states.Where(p => p.Module.Key != "lianzheng"), p => Assert.True(p.Enabled));
        Assert.Equal("lianzheng", (await _s.VisitRowAsync(visitId)).ProgrammeKey);

        await _rules.SetEnabledAsync(_s.Admin, "lianzheng", true);

        Assert.True(await _rules.IsEnabledAsync(_s.InstitutionA, "lianzheng"));
        Assert.NotNull(await _s.VisitRowAsync(visitId));
        Assert.Equal(2, (await _rules.CurrentRulesAsync(_s.InstitutionA, "lianzheng")).MinTeamSize);
        Assert.Single(await _rules.HistoryAsync(_s.Admin, "lianzheng"));
        Assert.Equal(1, await _s.ReadAsync(db => db.InstitutionProgrammes.CountAsync())); // one row, flipped
    }

    [Fact]
    public async Task Settings_of_one_institution_do_not_reach_another()
    {
        var rules = Lianzheng();
        rules.NoticeLeadDays = 9;
        await _rules.SaveAsync(_s.Admin, "lianzheng", rules, Jan2026, null);
        await _rules.SetEnabledAsync(_s.Admin, "qinglian", false);

        Assert.Equal(9, (await _rules.CurrentRulesAsync(_s.InstitutionA, "lianzheng")).NoticeLeadDays);
        Assert.Equal(0, (await _rules.CurrentRulesAsync(_s.InstitutionB, "lianzheng")).NoticeLeadDays);
        Assert.Empty(await _rules.HistoryAsync(_s.LeaderB, "lianzheng"));
        Assert.True(await _rules.IsEnabledAsync(_s.InstitutionB, "qinglian"));
        Assert.All(await _rules.ProgrammesAsync(_s.InstitutionB), p => Assert.True(p.Enabled));

        // And a save in B stays in B.
        var b = Lianzheng();
        b.NoticeLeadDays = 1;
        await _rules.SaveAsync(_s.LeaderB with { Roles = new HashSet<string> { Roles.SystemAdmin } }, "lianzheng", b, Jan2026, null);
        Assert.Equal(9, (await _rules.CurrentRulesAsync(_s.InstitutionA, "lianzheng")).NoticeLeadDays);
        Assert.Single(await _rules.HistoryAsync(_s.Admin, "lianzheng"));
    }

    [Fact]
    public async Task Changes_are_audited()
    {
        await _rules.SaveAsync(_s.Admin, "lianzheng", Lianzheng(), Jan2027, null);
        await _rules.SetEnabledAsync(_s.Admin, "lianzheng", false);

        var types = await _s.ReadAsync(db => db.AuditEntries.Where(a => a.UserName == "admin").Select(a => a.EntityType).ToListAsync());
        Assert.Contains(nameof(ProgrammeRuleVersion), types);
        Assert.Contains(nameof(InstitutionProgramme), types);
    }
}
