using System.Text.Json;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Core.Visits;

/// <summary>A visit's programme-specific record fields, kept as a JSON object of strings.</summary>
public static class VisitFormData
{
    public const string ChecklistSeparator = "、";

    public static IReadOnlyDictionary<string, string?> Parse(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string?>()
            : JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];

    /// <summary>Only the module's own fields are kept; blank values are dropped.</summary>
    public static string? Serialize(IProgrammeModule module, IReadOnlyDictionary<string, string?> values)
    {
        var kept = module.RecordForm
            .Where(f => values.TryGetValue(f.Key, out var value) && !string.IsNullOrWhiteSpace(value))
            .ToDictionary(f => f.Key, f => values[f.Key]!.Trim());
        return kept.Count == 0 ? null : JsonSerializer.Serialize(kept, ProgrammeRulesService.Json);
    }

    public static bool IsYes(string? value) => value is "true" or "是";
}
