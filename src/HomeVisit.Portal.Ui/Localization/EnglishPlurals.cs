using System.Globalization;
using System.Text.RegularExpressions;

namespace HomeVisit.Portal.Localization;

/// <summary>
/// Singular nouns after the number 1 in English ("1 visit", not "1 visits"). English texts put a count before a
/// plural noun, written in the template ("{0} records") or given as an argument ("{0} {1}" with the unit 次 translated
/// as "visits"); Chinese has no plural, so the Chinese templates and the services that build them cannot tell. When a
/// template is filled in for an English reader, a known plural noun right after an argument equal to 1 is made
/// singular. Every other language, and every other word, is left as it is.
/// </summary>
public static partial class EnglishPlurals
{
    // The plural nouns the portal's English texts count.
    private static readonly Dictionary<string, string> Singulars = new(StringComparer.Ordinal)
    {
        ["visits"] = "visit", ["people"] = "person", ["times"] = "time", ["records"] = "record", ["households"] = "household",
        ["branches"] = "branch", ["days"] = "day", ["characters"] = "character", ["errors"] = "error", ["months"] = "month",
        ["items"] = "item", ["forms"] = "form", ["individuals"] = "individual", ["activities"] = "activity",
        ["leaders"] = "leader", ["settings"] = "setting", ["visitors"] = "visitor", ["units"] = "unit", ["requests"] = "request",
        ["revisits"] = "revisit", ["hours"] = "hour", ["weeks"] = "week", ["minutes"] = "minute", ["files"] = "file",
        ["rows"] = "row", ["entries"] = "entry", ["members"] = "member", ["reports"] = "report", ["talks"] = "talk",
        ["pledges"] = "pledge", ["notices"] = "notice", ["cases"] = "case", ["years"] = "year", ["semesters"] = "semester",
    };

    // An argument ("{0}", "{0:N0}"), the spaces after it, then a word or another argument.
    [GeneratedRegex(@"(?<count>\{(?<n>\d+)(?:[,:][^}]*)?\})(?<space> +)(?:\{(?<unit>\d+)\}|(?<word>[A-Za-z]+)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex CountThenNoun();

    /// <summary>The template with "1 visits" made "1 visit" for the given arguments, when the reader reads English.</summary>
    public static string Adjust(string format, object?[]? args)
    {
        if (args is not { Length: > 0 } || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en") return format;
        return CountThenNoun().Replace(format, m =>
        {
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n >= args.Length || !IsOne(args[n])) return m.Value;
            string? noun;
            if (m.Groups["unit"].Success)
            {
                var unit = int.Parse(m.Groups["unit"].Value, CultureInfo.InvariantCulture);
                noun = unit < args.Length ? args[unit]?.ToString() : null;
            }
            else noun = m.Groups["word"].Value;
            return noun is not null && Singulars.TryGetValue(noun, out var one)
                ? m.Groups["count"].Value + m.Groups["space"].Value + one
                : m.Value;
        });
    }

    private static bool IsOne(object? value) => value switch
    {
        int i => i == 1,
        long l => l == 1,
        short s => s == 1,
        decimal d => d == 1,
        double d => d == 1,
        _ => false,
    };
}
