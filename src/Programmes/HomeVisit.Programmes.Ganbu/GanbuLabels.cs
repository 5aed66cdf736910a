namespace HomeVisit.Programmes.Ganbu;

public static class GanbuLimits
{
    public const int Summary = 200;
    public const int Description = 4000;
    public const int ClientRequestId = 64;
    public const int StaffNumber = 50;
}

/// <summary>
/// Chinese names of the module's values: shown on pages (through the portal's texts), written to exports and
/// accepted by the intake API beside the English names.
/// </summary>
public static class GanbuLabels
{
    /// <summary>The category in the seed's words; equal to the programme's priority trigger of the same situation.</summary>
    public static string Of(GanbuCategory c) => c switch
    {
        GanbuCategory.SeriousIllness => "患有重大疾病",
        GanbuCategory.MajorHardship => "生活遇到重大困难",
        GanbuCategory.WeddingOrFuneral => "家庭婚丧嫁娶",
        GanbuCategory.MajorFamilyChange => "出现重大变故",
        GanbuCategory.WorkSetback => "因工作遇到挫折，心理波动和情绪起伏较大",
        GanbuCategory.ReportedTendency => "群众反映有倾向性、苗头性问题",
        _ => "其他需要及时进行家访的情况",
    };

    /// <summary>Short names for table columns.</summary>
    public static string Short(GanbuCategory c) => c switch
    {
        GanbuCategory.SeriousIllness => "重大疾病",
        GanbuCategory.MajorHardship => "重大困难",
        GanbuCategory.WeddingOrFuneral => "婚丧嫁娶",
        GanbuCategory.MajorFamilyChange => "重大变故",
        GanbuCategory.WorkSetback => "工作挫折",
        GanbuCategory.ReportedTendency => "倾向性苗头性问题",
        _ => "其他",
    };

    public static string Of(GanbuTier t) => t switch
    {
        GanbuTier.Special => "特别困难诉求",
        GanbuTier.Major => "特别重大困难诉求",
        _ => "普通困难诉求",
    };

    /// <summary>Who handles a tier (seed 2 §四（一）).</summary>
    public static string HandlerOf(GanbuTier t) => t switch
    {
        GanbuTier.Special => "单位一把手",
        GanbuTier.Major => "分包该单位县级领导",
        _ => "主管副职",
    };

    public static string Of(GanbuRequestStatus s) => s switch
    {
        GanbuRequestStatus.InHandling => "办理中",
        GanbuRequestStatus.Resolved => "已办结",
        GanbuRequestStatus.Withdrawn => "已撤回",
        _ => "待办理",
    };

    public static string Of(GanbuRequestSource s) => s switch
    {
        GanbuRequestSource.Visit => "家访中登记",
        GanbuRequestSource.Api => "家访小程序",
        _ => "平台录入",
    };

    public static string Of(GanbuStepKind k) => k switch
    {
        GanbuStepKind.Filed => "提交诉求",
        GanbuStepKind.Assigned => "分派办理",
        GanbuStepKind.VisitPlanned => "安排家访",
        GanbuStepKind.RevisitPlanned => "组织部安排回访",
        GanbuStepKind.Escalated => "逾期升级",
        GanbuStepKind.OverdueReported => "逾期督办",
        GanbuStepKind.Reclassified => "调整层级",
        GanbuStepKind.Reassigned => "改派办理人",
        GanbuStepKind.Resolved => "办结",
        _ => "撤回",
    };

    public static string Of(GanbuInspectionKind k) => k switch
    {
        GanbuInspectionKind.Criticism => "全县通报批评",
        GanbuInspectionKind.HeadInterview => "约谈单位一把手",
        GanbuInspectionKind.CriticismAndHeadInterview => "约谈单位一把手并全县通报批评",
        _ => "通报表扬",
    };

    public static string Of(GanbuVisitPurpose p) => p == GanbuVisitPurpose.Revisit ? "组织部回访" : "办理家访";
}
