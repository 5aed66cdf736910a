using HomeVisit.Core.People;

namespace HomeVisit.Programmes.Huifang;

/// <summary>Whether a disciplined person is to be revisited on a day (seed 5 第四条, 第五条).</summary>
public enum RevisitEligibility
{
    /// <summary>Within the influence period and not excluded: to be revisited.</summary>
    Due,
    /// <summary>The decision takes effect later.</summary>
    NotYetInForce,
    /// <summary>The influence period is over.</summary>
    Ended,
    /// <summary>第五条: transferred to judicial organs, criminally punished, expelled, or retired within the period.</summary>
    Excluded,
}

/// <param name="Reason">Why, in Chinese, for the list (e.g. “处于处分影响期内（2026-01-05 至 2027-01-04），应适时回访（第四条）”).</param>
public sealed record EligibilityResult(RevisitEligibility Status, string Reason, DateOnly? PeriodStart, DateOnly? PeriodEnd)
{
    public bool IsDue => Status == RevisitEligibility.Due;
}

/// <summary>The rule, as a pure function, so its edges are tested exactly.</summary>
public static class EligibilityRule
{
    /// <summary>
    /// The union of the record's influence periods: first decision date to last day of influence. Without one, the care
    /// period entered for an other person (第五条 其他需要回访关爱教育的人员) or for an approved override of an exclusion.
    /// </summary>
    public static (DateOnly Start, DateOnly End)? Period(SanctionRecord r) =>
        SanctionPeriod(r) ?? ((r.IsOtherPerson || OverrideApproved(r)) && r.CareStartsOn is { } s && r.CareEndsOn is { } e ? (s, e) : null);

    /// <summary>An exclusion of 第五条 (“原则上不再回访”) set aside, with a reason, by the approver.</summary>
    public static bool OverrideApproved(SanctionRecord r) =>
        !string.IsNullOrWhiteSpace(r.ExclusionOverrideReason) && r.ExclusionOverrideApprovedAt is not null;

    private static (DateOnly Start, DateOnly End)? SanctionPeriod(SanctionRecord r)
    {
        var terms = new List<(DateOnly Start, DateOnly End)>();
        if (r.PartyKind is { } pk && pk != PartySanction.Expulsion && r.PartyDecidedOn is { } pd && r.PartyInfluenceMonths is int pm and > 0)
            terms.Add((pd, InfluencePeriods.LastDay(pd, pm)));
        if (r.GovernmentKind is { } gk && gk != GovernmentSanction.Expulsion && r.GovernmentDecidedOn is { } gd && r.GovernmentInfluenceMonths is int gm and > 0)
            terms.Add((gd, InfluencePeriods.LastDay(gd, gm)));
        return terms.Count == 0 ? null : (terms.Min(t => t.Start), terms.Max(t => t.End));
    }

    /// <param name="establishment">The person's roster status: 退休 without a date on the record also excludes.</param>
    public static EligibilityResult Evaluate(SanctionRecord r, EstablishmentStatus establishment, DateOnly day)
    {
        var period = Period(r);
        DateOnly? start = period?.Start, end = period?.End;
        var overridden = OverrideApproved(r);
        var excluded = Exclusion(r, establishment, day, start, end, period is null);
        // An approved override sets the “原则上” aside: the period alone decides, and the reason says so.
        if (excluded is not null && !overridden) return new(RevisitEligibility.Excluded, $"{excluded}，原则上不再回访（第五条）", start, end);
        var note = excluded is not null ? $"；{excluded}，经批准仍予回访（第五条“原则上”）：{r.ExclusionOverrideReason!.Trim()}" : "";
        if (period is null) return new(RevisitEligibility.Ended, (r.IsOtherPerson ? "未填写回访关爱期间，不在回访范围内" : "没有带影响期的处分，不在回访范围内") + note, null, null);
        if (SanctionPeriod(r) is null)
        {
            if (day < start) return new(RevisitEligibility.NotYetInForce, $"回访关爱期间自 {start:yyyy-MM-dd} 起{note}", start, end);
            if (day > end) return new(RevisitEligibility.Ended, $"回访关爱期间已于 {end:yyyy-MM-dd} 届满{note}", start, end);
            return new(RevisitEligibility.Due, r.IsOtherPerson
                ? $"其他需要回访关爱教育的人员，回访关爱期间 {start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}（第五条）{note}"
                : $"回访关爱期间 {start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}{note}", start, end);
        }
        if (day < start) return new(RevisitEligibility.NotYetInForce, $"处分决定自 {start:yyyy-MM-dd} 起生效，影响期尚未开始{note}", start, end);
        if (day > end) return new(RevisitEligibility.Ended, $"处分影响期已于 {end:yyyy-MM-dd} 届满{note}", start, end);
        return new(RevisitEligibility.Due, $"处于处分影响期内（{start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}），应适时回访（第四条）{note}", start, end);
    }

    /// <summary>What excludes the person by 第五条 on the day (“原则上不再回访”), or null.</summary>
    private static string? Exclusion(SanctionRecord r, EstablishmentStatus establishment, DateOnly day, DateOnly? start, DateOnly? end, bool noPeriod)
    {
        if (r.PartyKind == PartySanction.Expulsion) return "受到开除党籍处分";
        if (r.GovernmentKind == GovernmentSanction.Expulsion) return "受到开除公职处分";
        if (r.TransferredToJudicialOn is { } judicial && judicial <= day) return $"已于 {judicial:yyyy-MM-dd} 移送司法机关依法处理";
        if (r.CriminallyPunishedOn is { } criminal && criminal <= day) return $"已于 {criminal:yyyy-MM-dd} 受到刑事处罚";
        if (noPeriod) return null;
        if (r.RetiredOn is { } retired && retired <= day && retired <= end)
            return retired < start ? $"受处分时已退休（{retired:yyyy-MM-dd}）" : $"处分影响期内已于 {retired:yyyy-MM-dd} 退休";
        if (r.RetiredOn is null && establishment == EstablishmentStatus.Retired) return "人员名册中为退休人员";
        return null;
    }
}
