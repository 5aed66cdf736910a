namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the texts of the Org pages.</summary>
    private static Dictionary<string, string> OrgTexts => new(StringComparer.Ordinal)
    {
    };
}
