namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the texts of the People pages.</summary>
    private static Dictionary<string, string> PeopleTexts => new(StringComparer.Ordinal)
    {
    };
}
