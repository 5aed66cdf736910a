using System.Globalization;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Visits;

namespace HomeVisit.Core.Programmes;

/// <summary>
/// Programme rules in words: a readable summary of one rule set and the changes between two, for the change history
/// (修改记录). Each sentence is a <see cref="PortalMessage"/> (Chinese template, arguments) so the page shows it in the
/// reader's language; the string forms are its Chinese text. Pure: no database, no clock.
/// </summary>
public static class RuleDiff
{
    private const string None = "（无）";

    /// <summary>
    /// The settings that differ, one line each, e.g. “提前通知天数：3 → 5” or “二级学院（教学部）领导 最低数量：4 → 5”.
    /// Quotas are matched by name (then, for renamed ones, by position); added and removed quotas take one line.
    /// Empty when nothing changed. <paramref name="recordForm"/> names the module's own record fields, <paramref name="forms"/>
    /// its visit forms (<see cref="VisitForms.Of"/>; without it, the core's forms are named and others show their stored text).
    /// </summary>
    public static IReadOnlyList<string> Describe(ProgrammeRules before, ProgrammeRules after, IReadOnlyList<RecordField>? recordForm = null, IReadOnlyList<VisitFormInfo>? forms = null) =>
        DescribeMessages(before, after, recordForm, forms).Select(m => m.ToString()).ToList();

    /// <summary><see cref="Describe"/> as messages, for showing in the reader's language.</summary>
    public static IReadOnlyList<PortalMessage> DescribeMessages(ProgrammeRules before, ProgrammeRules after, IReadOnlyList<RecordField>? recordForm = null, IReadOnlyList<VisitFormInfo>? forms = null)
    {
        var lines = new List<PortalMessage>();
        var old = SettingValues(before, recordForm, forms).ToList();
        var now = SettingValues(after, recordForm, forms).ToDictionary(s => s.Label, s => s.Value);
        foreach (var (label, value) in old)
        {
            var next = now.GetValueOrDefault(label, None);
            if (Text(next) != Text(value)) lines.Add(new("{0}：{1} → {2}", label, value, next));
        }
        foreach (var (label, value) in SettingValues(after, recordForm, forms))
            if (old.All(o => o.Label != label)) lines.Add(new("{0}：{1} → {2}", label, None, value));

        lines.AddRange(Triggers(before.PriorityTriggers, after.PriorityTriggers));
        lines.AddRange(Quotas(before.Quotas, after.Quotas, forms));
        return lines;
    }

    /// <summary>The rule set as (setting, value) pairs in the order the settings page shows them; quotas excluded.</summary>
    public static IEnumerable<(string Label, string Value)> Settings(ProgrammeRules r, IReadOnlyList<RecordField>? recordForm = null, IReadOnlyList<VisitFormInfo>? forms = null) =>
        SettingValues(r, recordForm, forms).Select(s => (s.Label, Text(s.Value)));

    /// <summary>
    /// <see cref="Settings"/> with each value as a text key, a <see cref="TextList"/> or a <see cref="PortalMessage"/>,
    /// for showing in the reader's language.
    /// </summary>
    public static IEnumerable<(string Label, object Value)> SettingValues(ProgrammeRules r, IReadOnlyList<RecordField>? recordForm = null, IReadOnlyList<VisitFormInfo>? forms = null)
    {
        yield return ("可以家访的角色", List(r.VisitorRoles.Select(AccountRoles.CoreName)));
        yield return ("职务关键词", List(r.VisitorPositions));
        yield return ("家访对象范围", List(TargetScopes.Where(t => r.Targets.HasFlag(t.Value)).Select(t => t.Name)));
        yield return ("统计周期", Periods.KindName(r.Period));
        if (r.Period == PeriodKind.Semester)
        {
            yield return ("春季学期开始日期", MonthDay(r.Semester.SpringMonth, r.Semester.SpringDay));
            yield return ("秋季学期开始日期", MonthDay(r.Semester.AutumnMonth, r.Semester.AutumnDay));
        }
        yield return ("允许的家访形式", List(r.AllowedForms.Select(f => FormName(f, forms))));
        yield return ("必填记录字段", List(r.RequiredRecordFields.Select(f => RecordFieldName(f, recordForm))));
        yield return ("提前通知天数", r.NoticeLeadDays.ToString(CultureInfo.InvariantCulture));
        yield return ("书面通知", YesNo(r.NoticeInWriting));
        yield return ("家访组最少人数", r.MinTeamSize.ToString(CultureInfo.InvariantCulture));
        yield return ("计划需审批", YesNo(r.PlanNeedsApproval));
        if (r.PlanNeedsApproval) yield return ("审批角色", r.ApproverRole is null ? None : AccountRoles.CoreName(r.ApproverRole));
        if (r.ListConfirmerRole is not null) yield return ("名单确认角色", AccountRoles.CoreName(r.ListConfirmerRole));
    }

    /// <summary>One quota as (setting, value) pairs, without its name.</summary>
    public static IEnumerable<(string Label, string Value)> QuotaSettings(QuotaRule q, IReadOnlyList<VisitFormInfo>? forms = null) =>
        QuotaSettingValues(q, forms).Select(s => (s.Label, Text(s.Value)));

    private static IEnumerable<(string Label, object Value)> QuotaSettingValues(QuotaRule q, IReadOnlyList<VisitFormInfo>? forms)
    {
        yield return ("领导职务", List(q.LeadershipRoles.Select(LeadershipName)));
        yield return ("单位类型", List(q.UnitKinds.Select(UnitKindName)));
        yield return ("角色", List(q.PortalRoles.Select(AccountRoles.CoreName)));
        yield return ("职务关键词", List(q.PositionKeywords));
        yield return ("计数方式", CountName(q.Count));
        yield return ("计数对象", PerName(q.Per));
        yield return ("计数的家访形式", q.Forms.Count == 0 ? "全部允许的形式" : List(q.Forms.Select(f => FormName(f, forms))));
        yield return ("最低数量", q.Minimum.ToString(CultureInfo.InvariantCulture));
        yield return ("依据条款", string.IsNullOrWhiteSpace(q.Source) ? None : q.Source);
    }

    /// <summary>A quota in one line, e.g. “二级学院（教学部）领导：每期不少于 4 人（第四条（四））”.</summary>
    public static string QuotaLine(QuotaRule q) => QuotaLineMessage(q).ToString();

    /// <summary><see cref="QuotaLine"/> as a message; the quota's name and source are the institution's words.</summary>
    public static PortalMessage QuotaLineMessage(QuotaRule q)
    {
        var source = string.IsNullOrWhiteSpace(q.Source) ? new PortalMessage("") : new PortalMessage("（{0}）", q.Source);
        // A minimum of one has its own wording: "at least 1 times" reads wrong in English (as on the programme page).
        if (q.Minimum == 1)
            return new(q.Count == QuotaCount.Visits ? "{0}：每期不少于 1 次{1}" : "{0}：每期不少于 1 人{1}", q.Name, source);
        return new("{0}：每期不少于 {1} {2}{3}", q.Name, q.Minimum, CountUnit(q.Count), source);
    }

    private static IEnumerable<PortalMessage> Triggers(List<string> before, List<string> after)
    {
        foreach (var t in after.Where(t => !before.Contains(t))) yield return new("优先家访情形：新增“{0}”", t);
        foreach (var t in before.Where(t => !after.Contains(t))) yield return new("优先家访情形：删除“{0}”", t);
    }

    private static IEnumerable<PortalMessage> Quotas(List<QuotaRule> before, List<QuotaRule> after, IReadOnlyList<VisitFormInfo>? forms)
    {
        var pairs = new List<(QuotaRule? Old, QuotaRule? New)>();
        var unmatchedOld = new List<int>();
        var unmatchedNew = Enumerable.Range(0, after.Count).ToList();
        for (var i = 0; i < before.Count; i++)
        {
            var match = unmatchedNew.FindIndex(n => after[n].Name == before[i].Name);
            if (match < 0) unmatchedOld.Add(i);
            else
            {
                pairs.Add((before[i], after[unmatchedNew[match]]));
                unmatchedNew.RemoveAt(match);
            }
        }
        // A quota left unmatched on both sides at the same row was renamed; the rest were removed or added.
        foreach (var i in unmatchedOld)
        {
            if (unmatchedNew.Remove(i)) pairs.Add((before[i], after[i]));
            else pairs.Add((before[i], null));
        }
        pairs.AddRange(unmatchedNew.Select(n => ((QuotaRule?)null, (QuotaRule?)after[n])));

        foreach (var (o, n) in pairs)
        {
            if (o is null) { yield return new("新增指标：{0}", QuotaLineMessage(n!)); continue; }
            if (n is null) { yield return new("删除指标：{0}", QuotaLineMessage(o)); continue; }
            var name = Display(n.Name);
            if (o.Name != n.Name) yield return new("指标名称：{0} → {1}", Display(o.Name), name);
            var newSettings = QuotaSettingValues(n, forms).ToDictionary(s => s.Label, s => s.Value);
            foreach (var (label, value) in QuotaSettingValues(o, forms))
                if (Text(newSettings[label]) != Text(value)) yield return new("{0} {1}：{2} → {3}", name, label, value, newSettings[label]);
        }
    }

    /// <summary>The target scopes, in Chinese, for checkboxes and summaries.</summary>
    public static readonly IReadOnlyList<(TargetScope Value, string Name)> TargetScopes =
    [
        (TargetScope.InEstablishmentStaff, "在编在岗干部职工"),
        (TargetScope.PartyBranches, "党支部"),
        (TargetScope.DisciplinedPersons, "受处分人员"),
        (TargetScope.FamilyMembers, "家庭成员"),
        (TargetScope.LinkedIndividuals, "联系的师生个人"),
    ];

    public static string TargetsName(TargetScope scope) =>
        Text(List(TargetScopes.Where(t => scope.HasFlag(t.Value)).Select(t => t.Name)));

    /// <summary>The core outcome fields a programme may require, with their names.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> CoreRecordFields =
    [
        ("Record", "家访情况记录"),
        ("ProblemsFound", "发现的问题"),
        ("Resolution", "处理情况"),
        ("FamilyMet", "见到的家庭成员"),
    ];

    public static string RecordFieldName(string key, IReadOnlyList<RecordField>? recordForm = null) =>
        CoreRecordFields.Where(f => f.Key == key).Select(f => f.Name).FirstOrDefault()
        ?? recordForm?.FirstOrDefault(f => f.Key == key)?.Label
        ?? key;

    public static string CountName(QuotaCount count) => count == QuotaCount.Visits ? "按次数" : "按人数";

    public static string PerName(QuotaPer per) => per switch
    {
        QuotaPer.LinkedBranch => "每个联系党支部",
        QuotaPer.LinkedBranchSecretary => "每个联系党支部的书记",
        QuotaPer.LinkedIndividual => "每名联系对象",
        _ => "每位家访人",
    };

    public static string CountUnit(QuotaCount count) => count == QuotaCount.Visits ? "次" : "人";

    /// <summary>A form's Chinese name among <paramref name="forms"/> (a programme's, <see cref="VisitForms.Of"/>) or the core's.</summary>
    public static string FormName(VisitForm form, IReadOnlyList<VisitFormInfo>? forms = null) =>
        (forms?.FirstOrDefault(f => f.Form == form) ?? VisitForms.Find(form, null))?.Name ?? form.Value;

    public static string LeadershipName(LeadershipRole role) => role switch
    {
        LeadershipRole.Head => "一把手",
        LeadershipRole.Deputy => "副职",
        LeadershipRole.Oversees => "分管领导",
        LeadershipRole.LinkedCountyLeader => "分包县级领导",
        LeadershipRole.BranchSecretary => "支部书记",
        LeadershipRole.DisciplineCommitteeMember => "纪委委员",
        _ => role.ToString(),
    };

    public static string UnitKindName(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.School => "学校",
        OrgUnitKind.College => "学院",
        OrgUnitKind.Department => "部门",
        OrgUnitKind.PartyBranch => "党支部",
        OrgUnitKind.County => "县",
        OrgUnitKind.Township => "乡镇（街道）",
        OrgUnitKind.Unit => "单位",
        _ => kind.ToString(),
    };

    // A date of no year, so that it reads “3月1日” in Chinese and “Mar 1” in English; 2000 has a 29 February.
    private static object MonthDay(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month)
            ? new PortalMessage("{0:M月d日}", new DateTime(2000, month, day))
            : $"{month}月{day}日";

    private static string YesNo(bool value) => value ? "是" : "否";

    private static string Display(string name) => string.IsNullOrWhiteSpace(name) ? "（未命名指标）" : name;

    private static object List(IEnumerable<string> items)
    {
        var list = items.ToList<object?>();
        return list.Count == 0 ? None : new TextList(list);
    }

    private static string Text(object value) => value.ToString() ?? "";
}
