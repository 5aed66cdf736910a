using System.Globalization;
using System.Reflection;

namespace HomeVisit.Portal.Localization;

/// <summary>
/// UI text, Chinese first: pages write the Chinese text and get English back when the user chose it.
/// A missing translation shows the Chinese, never a key.
/// </summary>
public sealed partial class Texts
{
    // Each feature folder keeps its own translations as a static property named *Texts (static fields of a
    // partial class spread over files initialise in no guaranteed order); they are found and merged once, so a
    // new feature's dictionary cannot be forgotten in a list.
    private static readonly Lazy<Dictionary<string, string>> English = new(() =>
        typeof(Texts).GetProperties(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Dictionary<string, string>) && p.Name.EndsWith("Texts", StringComparison.Ordinal))
            .OrderBy(p => p.Name == nameof(CommonTexts) ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)
            .SelectMany(p => (Dictionary<string, string>)p.GetValue(null)!)
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
