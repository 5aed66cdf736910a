using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Programmes.Lianzheng;

namespace HomeVisit.Tests.Programmes;

public sealed class RuleDiffTests
{
    private static ProgrammeRules Lianzheng() => new LianzhengModule().DefaultRules();

    [Fact]
    public void Identical_rules_have_no_lines()
    {
        Assert.Empty(RuleDiff.Describe(Lianzheng(), Lianzheng()));
    }

    [Fact]
    public void A_quota_minimum_change_names_the_quota()
    {
        var after = Lianzheng();
        after.Quotas[4].Minimum = 5;

        Assert.Equal(["二级学院（教学部）领导 最低数量：4 → 5"], RuleDiff.Describe(Lianzheng(), after));
    }

    [Fact]
    public void Plain_settings_read_old_to_new()
    {
        var before = Lianzheng();
        before.NoticeLeadDays = 3;
        var after = Lianzheng();
        after.NoticeLeadDays = 5;
        after.NoticeInWriting = true;
        after.MinTeamSize = 2;
        after.Period = PeriodKind.HalfYear;
        after.VisitorRoles = [Roles.Leader];
        after.AllowedForms = [VisitForm.HomeVisit];
        after.Targets |= TargetScope.FamilyMembers;
        after.VisitorPositions = ["院长", "书记"];

        Assert.Equal(
        [
            "可以家访的角色：领导（家访人）、纪检监察、联络员 → 领导（家访人）",
            "职务关键词：（无） → 院长、书记",
            "家访对象范围：在编在岗干部职工 → 在编在岗干部职工、家庭成员",
            "统计周期：年度 → 半年",
            "允许的家访形式：上门家访、重点约访、定期回访 → 上门家访",
            "提前通知天数：3 → 5",
            "书面通知：否 → 是",
            "家访组最少人数：1 → 2",
        ], RuleDiff.Describe(before, after));
    }

    [Fact]
    public void Switching_to_semesters_shows_the_start_dates_and_approval_shows_the_role()
    {
        var after = Lianzheng();
        after.Period = PeriodKind.Semester;
        after.Semester = new SemesterStarts { SpringMonth = 3, SpringDay = 1, AutumnMonth = 9, AutumnDay = 1 };
        after.PlanNeedsApproval = true;
        after.ApproverRole = Roles.DisciplineOffice;

        Assert.Equal(
        [
            "统计周期：年度 → 学期",
            "计划需审批：否 → 是",
            "春季学期开始日期：（无） → 3月1日",
            "秋季学期开始日期：（无） → 9月1日",
            "审批角色：（无） → 纪检监察",
        ], RuleDiff.Describe(Lianzheng(), after));
    }

    [Fact]
    public void Required_fields_use_the_modules_labels()
    {
        var module = new HuifangModule();
        var after = module.DefaultRules();
        after.RequiredRecordFields = ["Record", "Attitude", "Suggestions", "ProblemsFound"];

        Assert.Equal(
            ["必填记录字段：家访情况记录、回访对象态度以及现实表现简述、回访结果运用 → 家访情况记录、回访对象态度以及现实表现简述、回访意见建议、发现的问题"],
            RuleDiff.Describe(module.DefaultRules(), after, module.RecordForm));
    }

    [Fact]
    public void Priority_situations_added_and_removed()
    {
        var after = Lianzheng();
        after.PriorityTriggers.Remove("较长时间不上班的");
        after.PriorityTriggers.Add("重大节假日前");

        Assert.Equal(["优先家访情形：新增“重大节假日前”", "优先家访情形：删除“较长时间不上班的”"], RuleDiff.Describe(Lianzheng(), after));
    }

    [Fact]
    public void Quotas_added_removed_renamed_and_changed()
    {
        var after = Lianzheng();
        after.Quotas.RemoveAt(2); // 学校纪委委员
        after.Quotas[0].Name = "学校党委书记、校长";
        after.Quotas[0].LeadershipRoles = [LeadershipRole.Head, LeadershipRole.Deputy];
        after.Quotas[1].Count = QuotaCount.Visits;
        after.Quotas[1].Forms = [VisitForm.HomeVisit];
        after.Quotas.Add(new QuotaRule { Name = "辅导员", PositionKeywords = ["辅导员"], UnitKinds = [OrgUnitKind.College], Minimum = 3, Source = "补充规定" });

        Assert.Equal(
        [
            "学校其他领导班子成员 计数方式：按人数 → 按次数",
            "学校其他领导班子成员 计数的家访形式：全部允许的形式 → 上门家访",
            "指标名称：学校党政主要领导 → 学校党委书记、校长",
            "学校党委书记、校长 领导职务：一把手 → 一把手、副职",
            "删除指标：学校纪委委员：每期不少于 2 人（第四条（三））",
            "新增指标：辅导员：每期不少于 3 人（补充规定）",
        ], RuleDiff.Describe(Lianzheng(), after));
    }

    [Fact]
    public void Settings_summarise_every_setting_once()
    {
        var labels = RuleDiff.Settings(new HuifangModule().DefaultRules()).Select(s => s.Label).ToList();

        Assert.Equal(labels.Distinct(), labels);
        Assert.Contains("审批角色", labels);
        Assert.Equal("纪委主要负责人", RuleDiff.Settings(new HuifangModule().DefaultRules()).Single(s => s.Label == "审批角色").Value);
    }

    [Fact]
    public void A_role_a_module_adds_is_named_by_its_module_as_account_administration_names_it()
    {
        var roles = new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        var qinglian = new HomeVisit.Programmes.Qinglian.QinglianModule().DefaultRules();
        var after = ProgrammeRulesService.Clone(qinglian);
        after.ListConfirmerRole = Roles.Office;

        Assert.Equal("综合部", RuleDiff.Settings(qinglian, roles: roles).Single(s => s.Label == "名单确认角色").Value);
        Assert.Equal(["名单确认角色：综合部 → 办公室"], RuleDiff.Describe(qinglian, after, roles: roles));
        Assert.Equal("纪检监察、案件管理室",
            RuleDiff.Settings(new HuifangModule().DefaultRules(), roles: roles).Single(s => s.Label == "可以家访的角色").Value);
    }

    [Fact]
    public void Next_period_start_is_the_default_effective_date()
    {
        var rules = Lianzheng();
        var today = new DateOnly(2026, 11, 20);

        Assert.Equal(new DateOnly(2027, 1, 1), RuleEditing.NextPeriodStart(rules, today));
        rules.Period = PeriodKind.Quarter;
        Assert.Equal(new DateOnly(2027, 1, 1), RuleEditing.NextPeriodStart(rules, new DateOnly(2026, 10, 1)));
        rules.Period = PeriodKind.HalfYear;
        Assert.Equal(new DateOnly(2026, 7, 1), RuleEditing.NextPeriodStart(rules, new DateOnly(2026, 3, 5)));
        rules.Period = PeriodKind.Semester; // autumn 2026 runs to 2027-02-19
        Assert.Equal(new DateOnly(2027, 2, 20), RuleEditing.NextPeriodStart(rules, today));
    }

    [Fact]
    public void Keywords_split_on_Chinese_and_western_separators()
    {
        Assert.Equal(["院长", "书记", "纪委委员"], RuleEditing.SplitKeywords(" 院长、书记，纪委委员, 院长 ,, "));
        Assert.Empty(RuleEditing.SplitKeywords(null));
        Assert.Equal("院长、书记", RuleEditing.JoinKeywords(["院长", "书记"]));
    }
}
