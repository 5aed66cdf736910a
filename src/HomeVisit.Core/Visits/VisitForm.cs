using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Core.Visits;

/// <summary>
/// A way of visiting (上门家访, 谈心谈话 …), stored as its <see cref="Value"/> (text) on visits and in rule versions, so
/// a stored form never changes when forms are added. The core defines the forms several programmes share
/// (<see cref="VisitForms.Core"/>); a module adds its own with <see cref="IProgrammeModule.AddedForms"/>.
/// <c>default</c> is <see cref="HomeVisit"/>, as it was when the forms were an enum.
/// </summary>
[JsonConverter(typeof(VisitFormJsonConverter))]
[TypeConverter(typeof(VisitFormTypeConverter))]
public readonly struct VisitForm : IEquatable<VisitForm>
{
    private const string DefaultValue = "HomeVisit";
    private readonly string? _value;

    /// <param name="value">The stored text: letters only, at most 40 (the column's length). Never rename a stored one.</param>
    public VisitForm(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 40 || !value.All(char.IsAsciiLetter))
            throw new ArgumentException($"A visit form is stored as 1 to 40 letters, not “{value}”.", nameof(value));
        _value = value;
    }

    public string Value => _value ?? DefaultValue;

    /// <summary>上门家访.</summary>
    public static readonly VisitForm HomeVisit = new("HomeVisit");
    /// <summary>重点约访 (starts a chain of 定期回访, <see cref="VisitChains"/>).</summary>
    public static readonly VisitForm KeyAppointment = new("KeyAppointment");
    /// <summary>定期回访.</summary>
    public static readonly VisitForm RegularRevisit = new("RegularRevisit");
    /// <summary>谈心谈话.</summary>
    public static readonly VisitForm HeartTalk = new("HeartTalk");

    public bool Equals(VisitForm other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is VisitForm other && Equals(other);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
    public static bool operator ==(VisitForm left, VisitForm right) => left.Equals(right);
    public static bool operator !=(VisitForm left, VisitForm right) => !left.Equals(right);
    public override string ToString() => Value;
}

/// <summary>A visit form with its Chinese name as the seeds write it (a key of the texts; English in the resource set of whoever defines it).</summary>
/// <param name="MeetsNobody">The visitor meets no one in person (a call or a letter): no family members met are recorded.</param>
public sealed record VisitFormInfo(VisitForm Form, string Name, bool MeetsNobody = false);

/// <summary>The core's visit forms, and the forms of a programme (the core's and its module's).</summary>
public static class VisitForms
{
    /// <summary>
    /// The forms several programmes share (上门家访 in four seeds, 谈心谈话 in seeds 4 and 5, 重点约访 and 定期回访 in 廉政家访
    /// and 干部家访, and the core's chains of follow-on visits), in the order the settings page lists them.
    /// </summary>
    public static IReadOnlyList<VisitFormInfo> Core { get; } =
    [
        new(VisitForm.HomeVisit, "上门家访"),
        new(VisitForm.KeyAppointment, "重点约访"),
        new(VisitForm.RegularRevisit, "定期回访"),
        new(VisitForm.HeartTalk, "谈心谈话"),
    ];

    /// <summary>The forms a programme's rules may allow: the core's, then its module's own.</summary>
    public static IReadOnlyList<VisitFormInfo> Of(IProgrammeModule module) => [.. Core, .. module.AddedForms];

    /// <summary>The form's description among the core's and the module's; null for a form neither defines.</summary>
    public static VisitFormInfo? Find(VisitForm form, IProgrammeModule? module) =>
        Core.FirstOrDefault(f => f.Form == form) ?? module?.AddedForms.FirstOrDefault(f => f.Form == form);

    /// <summary>The Chinese name, or the stored text for a form no one defines (a module left out of the build).</summary>
    public static string NameOf(VisitForm form, IProgrammeModule? module) => Find(form, module)?.Name ?? form.Value;

    public static bool MeetsNobody(VisitForm form, IProgrammeModule? module) => Find(form, module)?.MeetsNobody == true;
}

/// <summary>Reads and writes a form as its text in JSON (rule versions, the audit log), as the enum was.</summary>
public sealed class VisitFormJsonConverter : JsonConverter<VisitForm>
{
    public override VisitForm Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new VisitForm(reader.GetString()!)
            : throw new JsonException("A visit form is written as text.");

    public override void Write(Utf8JsonWriter writer, VisitForm value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    public override VisitForm ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, VisitForm value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}

/// <summary>Converts a form from and to its text, for form binding (a select of forms on a page).</summary>
public sealed class VisitFormTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? new VisitForm(text) : base.ConvertFrom(context, culture, value);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) => destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is VisitForm form ? form.Value : base.ConvertTo(context, culture, value, destinationType);
}

/// <summary>Stores a form as its text (the same column the enum had: text of at most 40).</summary>
public sealed class VisitFormConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<VisitForm, string>(
    f => f.Value, s => new VisitForm(s));
