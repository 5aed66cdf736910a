using HomeVisit.Portal.Localization;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// The programme's own values on its pages: the Chinese names are the keys of their English in HuifangResources.en.resx
/// (the shared enum names know nothing of sanctions).
/// </summary>
internal static class HuifangNames
{
    public static string Name(RevisitEligibility status) => status switch
    {
        RevisitEligibility.Due => "应回访",
        RevisitEligibility.NotYetInForce => "影响期未开始",
        RevisitEligibility.Ended => "影响期已届满",
        RevisitEligibility.Excluded => "不再回访",
        _ => status.ToString(),
    };

    public static string Name(this Texts<HuifangResources> t, RevisitEligibility v) => t[Name(v)];

    public static string Name(this Texts<HuifangResources> t, PartySanction v) => t[InfluencePeriods.Name(v)];

    public static string Name(this Texts<HuifangResources> t, GovernmentSanction v) => t[InfluencePeriods.Name(v)];

    public static IEnumerable<(PartySanction Value, string Text)> PartyOptions(this Texts<HuifangResources> t) =>
        Enum.GetValues<PartySanction>().Select(v => (v, t.Name(v)));

    public static IEnumerable<(GovernmentSanction Value, string Text)> GovernmentOptions(this Texts<HuifangResources> t) =>
        Enum.GetValues<GovernmentSanction>().Select(v => (v, t.Name(v)));

    public static IEnumerable<(RevisitEligibility Value, string Text)> EligibilityOptions(this Texts<HuifangResources> t) =>
        Enum.GetValues<RevisitEligibility>().Select(v => (v, t.Name(v)));
}
