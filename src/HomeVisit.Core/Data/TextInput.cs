namespace HomeVisit.Core.Data;

internal static class TextInput
{
    /// <summary>Blank input is stored as null, so "not filled in" has one representation.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
