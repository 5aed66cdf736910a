namespace HomeVisit.Core.Data;

/// <summary>How free text from a form or an API is stored; modules clean their input the same way.</summary>
public static class TextInput
{
    /// <summary>Blank input is stored as null, so "not filled in" has one representation.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
