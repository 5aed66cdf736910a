namespace HomeVisit.Core.Programmes;

/// <summary>Small pure helpers for editing programme rules (the settings page and its tests use them).</summary>
public static class RuleEditing
{
    private static readonly char[] KeywordSeparators = [',', '，', '、', ';', '；', '\n'];

    /// <summary>The start of the period after the one containing <paramref name="today"/>: a new rule version's default effective date.</summary>
    public static DateOnly NextPeriodStart(ProgrammeRules rules, DateOnly today) =>
        Periods.Containing(rules.Period, today, rules.Semester).End.AddDays(1);

    /// <summary>Keywords typed as “院长、书记” or “院长, 书记”: trimmed, empty ones and repeats dropped.</summary>
    public static List<string> SplitKeywords(string? text) =>
        (text ?? "").Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    public static string JoinKeywords(IEnumerable<string> keywords) => string.Join("、", keywords);

    /// <summary>The history entry whose rules are in force on the day (history newest first, as HistoryAsync returns it); null means the module's defaults.</summary>
    public static RuleHistoryEntry? InForceOn(IEnumerable<RuleHistoryEntry> history, DateOnly day) =>
        history.Where(h => h.EffectiveFrom <= day).OrderByDescending(h => h.EffectiveFrom).ThenByDescending(h => h.Id).FirstOrDefault();
}
