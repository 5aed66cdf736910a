using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Portal.Localization;

/// <summary>
/// The Chinese name of every enum value shown in the UI. The Chinese name is the key of its English in
/// EnumResources.en.resx; a value missing here shows its C# name, which the texts test catches. Visit forms are no enum:
/// their names come from the core and the modules (VisitForms, IProgrammeModule.AddedForms; Texts.Enum(VisitForm)).
/// </summary>
public static class EnumNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names.TryGetValue((typeof(TEnum), value.ToString()), out var name) ? name : value.ToString();

    /// <summary>Every (enum type, value) with its Chinese name, for the texts test.</summary>
    public static IReadOnlyDictionary<(Type Type, string Value), string> All => Names;

    private static readonly Dictionary<(Type, string), string> Names = Build(
        (ApprovalStatus.NotRequired, "无需审批"), (ApprovalStatus.Pending, "方案待审批"), (ApprovalStatus.Approved, "方案已审批同意"), (ApprovalStatus.Rejected, "方案已退回"),
        (VisitStatus.Planned, "计划中"), (VisitStatus.Notified, "已通知"), (VisitStatus.Done, "已完成"), (VisitStatus.Cancelled, "已取消"),
        (FollowUpKind.Request, "诉求"), (FollowUpKind.Difficulty, "困难"), (FollowUpKind.Suggestion, "意见建议"), (FollowUpKind.WarningSign, "苗头性问题"),
        (FollowUpStatus.Open, "待办"), (FollowUpStatus.InProgress, "办理中"), (FollowUpStatus.Resolved, "已办结"), (FollowUpStatus.Withdrawn, "已撤回"),
        (Gender.Unknown, "未填"), (Gender.Male, "男"), (Gender.Female, "女"),
        (EstablishmentStatus.InEstablishment, "在编在岗"), (EstablishmentStatus.NonNamedEstablishment, "非实名编"),
        (EstablishmentStatus.Contract, "合同制"), (EstablishmentStatus.Retired, "退休"), (EstablishmentStatus.Other, "其他"),
        (PartyMembership.None, "群众"), (PartyMembership.Member, "中共党员"), (PartyMembership.Probationary, "预备党员"),
        (PartyMembership.Applicant, "入党积极分子"), (PartyMembership.OtherParty, "民主党派"),
        (FamilyRelation.Spouse, "配偶"), (FamilyRelation.Child, "子女"), (FamilyRelation.Parent, "父母"),
        (FamilyRelation.ParentInLaw, "岳父母/公婆"), (FamilyRelation.Other, "其他"),
        (InstitutionKind.University, "高校"), (InstitutionKind.County, "县（区）"), (InstitutionKind.TradeUnion, "工会"),
        (InstitutionKind.DisciplineOffice, "纪检监察机关"), (InstitutionKind.Other, "其他"),
        (OrgUnitKind.School, "学校"), (OrgUnitKind.College, "学院"), (OrgUnitKind.Department, "部门"), (OrgUnitKind.PartyBranch, "党支部"),
        (OrgUnitKind.County, "县"), (OrgUnitKind.Township, "乡镇（街道）"), (OrgUnitKind.Unit, "单位"),
        (LeadershipRole.Head, "一把手"), (LeadershipRole.Deputy, "副职"), (LeadershipRole.Oversees, "分管领导"),
        (LeadershipRole.LinkedCountyLeader, "分包县级领导"), (LeadershipRole.BranchSecretary, "支部书记"),
        (LeadershipRole.DisciplineCommitteeMember, "纪委委员"),
        (HomeVisit.Core.Scheduling.JobOutcome.Running, "运行中"), (HomeVisit.Core.Scheduling.JobOutcome.Succeeded, "成功"),
        (HomeVisit.Core.Scheduling.JobOutcome.Failed, "失败"));

    private static Dictionary<(Type, string), string> Build(params (Enum Value, string Zh)[] items) =>
        items.ToDictionary(i => (i.Value.GetType(), i.Value.ToString()), i => i.Zh);
}
