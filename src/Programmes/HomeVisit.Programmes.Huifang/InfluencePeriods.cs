namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// Default influence periods (处分影响期 / 处分期间) by kind, in months from the decision date. The portal fills
/// them in; the case management office may change them to what the decision says (留党察看 is one or two years).
/// </summary>
/// <remarks>
/// Sources:
/// <list type="bullet">
/// <item>《中国共产党纪律处分条例》（2023 年修订）第十条: 警告一年内、严重警告一年半内不得在党内提拔职务或者进一步使用 → 12, 18 months.</item>
/// <item>同条例第十一条: 撤销党内职务（及依前款受严重警告者）二年内不得担任与原任职务相当或者高于原任职务的职务 → 24 months.</item>
/// <item>同条例第十二条: 留党察看分为一年、二年（期满后仍不符合条件的延长一年，最长二年） → 12 months by default, 24 when so decided.
///   The two years after the restoration of rights during which no equivalent post may be held are not counted here:
///   seed 5 第四条 speaks of the 处分决定影响期（处分期）.</item>
/// <item>开除党籍 / 开除公职: no influence period; seed 5 第五条 excludes them from revisits.</item>
/// <item>《中华人民共和国公职人员政务处分法》第八条: 警告六个月，记过十二个月，记大过十八个月，降级、撤职二十四个月.</item>
/// <item>《事业单位工作人员处分规定》（2023）: 降低岗位等级二十四个月 (警告、记过同上).</item>
/// </list>
/// A period runs from the decision date to the day before the same date that many months later, both inclusive:
/// a 12-month warning decided on 2025-11-20 is in force up to and including 2026-11-19.
/// </remarks>
public static class InfluencePeriods
{
    public static int? DefaultMonths(PartySanction kind) => kind switch
    {
        PartySanction.Warning => 12,
        PartySanction.SeriousWarning => 18,
        PartySanction.RemovalFromPartyPost => 24,
        PartySanction.Probation => 12,
        _ => null,
    };

    public static int? DefaultMonths(GovernmentSanction kind) => kind switch
    {
        GovernmentSanction.Warning => 6,
        GovernmentSanction.Demerit => 12,
        GovernmentSanction.MajorDemerit => 18,
        GovernmentSanction.Demotion => 24,
        GovernmentSanction.Dismissal => 24,
        GovernmentSanction.PostGradeLowered => 24,
        _ => null,
    };

    public static string Source(PartySanction kind) => kind switch
    {
        PartySanction.Warning or PartySanction.SeriousWarning => "《中国共产党纪律处分条例》第十条",
        PartySanction.RemovalFromPartyPost => "《中国共产党纪律处分条例》第十一条",
        PartySanction.Probation => "《中国共产党纪律处分条例》第十二条（留党察看一年或二年）",
        _ => "开除党籍无影响期，原则上不再回访（实施办法第五条）",
    };

    public static string Source(GovernmentSanction kind) => kind switch
    {
        GovernmentSanction.PostGradeLowered => "《事业单位工作人员处分规定》",
        GovernmentSanction.Expulsion => "开除公职无影响期，原则上不再回访（实施办法第五条）",
        _ => "《中华人民共和国公职人员政务处分法》第八条",
    };

    /// <summary>The last day of influence, inclusive.</summary>
    public static DateOnly LastDay(DateOnly decidedOn, int months) => decidedOn.AddMonths(months).AddDays(-1);

    public static string Name(PartySanction kind) => kind switch
    {
        PartySanction.Warning => "警告",
        PartySanction.SeriousWarning => "严重警告",
        PartySanction.RemovalFromPartyPost => "撤销党内职务",
        PartySanction.Probation => "留党察看",
        PartySanction.Expulsion => "开除党籍",
        _ => kind.ToString(),
    };

    public static string Name(GovernmentSanction kind) => kind switch
    {
        GovernmentSanction.Warning => "警告",
        GovernmentSanction.Demerit => "记过",
        GovernmentSanction.MajorDemerit => "记大过",
        GovernmentSanction.Demotion => "降级",
        GovernmentSanction.Dismissal => "撤职",
        GovernmentSanction.PostGradeLowered => "降低岗位等级",
        GovernmentSanction.Expulsion => "开除",
        _ => kind.ToString(),
    };
}
