namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the texts of the Visits pages.</summary>
    private static Dictionary<string, string> VisitTexts => new(StringComparer.Ordinal)
    {
    };
}
