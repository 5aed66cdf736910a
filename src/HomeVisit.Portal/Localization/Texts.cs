using System.Globalization;

namespace HomeVisit.Portal.Localization;

/// <summary>
/// UI text, Chinese first: pages write the Chinese text and get English back when the user chose it.
/// A missing translation shows the Chinese, never a key.
/// </summary>
public sealed partial class Texts
{
    // Each feature folder keeps its own translations (PeopleTexts, VisitTexts, ...) as a property
    // (static fields of a partial class spread over files initialise in no guaranteed order); merged once.
    private static readonly Lazy<Dictionary<string, string>> English = new(() =>
        new[] { CommonTexts, AdminTexts, PeopleTexts, OrgTexts, VisitTexts, FollowUpTexts, QuotaTexts, ImportTexts, ProgrammeSettingsTexts, LianzhengTexts }
            .SelectMany(d => d)
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));

    public string this[string zh] =>
        IsEnglish ? English.Value.GetValueOrDefault(zh, zh) : zh;

    public string Format(string zh, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[zh], args);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum
    {
        var zh = EnumNames.TryGetValue((typeof(TEnum), value.ToString()), out var name) ? name : value.ToString();
        return this[zh];
    }

    public IEnumerable<(TEnum Value, string Text)> Options<TEnum>() where TEnum : struct, System.Enum =>
        System.Enum.GetValues<TEnum>().Select(v => (v, Enum(v)));
}
