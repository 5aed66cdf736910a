namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the texts of the FollowUps pages.</summary>
    private static Dictionary<string, string> FollowUpTexts => new(StringComparer.Ordinal)
    {
    };
}
