using HomeVisit.Core.Visits;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>
/// The forms only 联系师生 uses (seed 4 四、1: 参加支部活动、听取支部汇报; 二、1 and 三、2 “常态化深入学生课堂、食堂、公寓走访”),
/// beside the core's 谈心谈话 and 上门家访. Their values are stored on visits and in rule versions: never rename one.
/// </summary>
public static class LianxiForms
{
    public static readonly VisitForm BranchActivity = new("BranchActivity");
    public static readonly VisitForm BranchReport = new("BranchReport");
    public static readonly VisitForm ClassroomVisit = new("ClassroomVisit");
    public static readonly VisitForm CanteenVisit = new("CanteenVisit");
    public static readonly VisitForm DormitoryVisit = new("DormitoryVisit");

    /// <summary>The module's <see cref="HomeVisit.Core.Programmes.IProgrammeModule.AddedForms"/>; English in LianxiResources.en.resx.</summary>
    public static IReadOnlyList<VisitFormInfo> Added { get; } =
    [
        new(BranchActivity, "参加支部活动"),
        new(BranchReport, "听取支部汇报"),
        new(ClassroomVisit, "深入课堂"),
        new(CanteenVisit, "深入食堂"),
        new(DormitoryVisit, "深入宿舍（公寓）"),
    ];
}
