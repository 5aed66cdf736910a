using System.Globalization;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Visits;

public partial class RecordFormFields
{
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;

    [Parameter, EditorRequired] public IProgrammeModule Module { get; set; } = default!;
    [Parameter, EditorRequired] public Dictionary<string, string?> Values { get; set; } = default!;
    [Parameter] public IReadOnlyCollection<string> RequiredFields { get; set; } = [];
    [CascadingParameter] private EditContext? EditContext { get; set; }

    // The fields are the module's, so are their words.
    private IStringLocalizer M => ModuleTexts.For(Module.Key);

    private string Required(RecordField field) => RequiredFields.Contains(field.Key) ? " *" : "";

    private string ChoiceText(string? choice) => string.IsNullOrEmpty(choice) ? T["请选择"] : M[choice];

    private string? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;

    private static DateTime? ParseDate(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private List<string> Chosen(string key) =>
        Get(key)?.Split(VisitFormData.ChecklistSeparator, StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];

    private void Set(string key, string? value)
    {
        Values[key] = string.IsNullOrWhiteSpace(value) ? null : value;
        EditContext?.NotifyFieldChanged(EditContext.Field($"FormData.{key}"));
    }

    private void SetYes(string key, bool yes) => Set(key, yes ? "true" : null);

    private void Toggle(string key, string choice, bool on)
    {
        var chosen = Chosen(key);
        chosen.Remove(choice);
        if (on) chosen.Add(choice);
        // Keep the order of the form, not of the clicks.
        var field = Module.RecordForm.First(f => f.Key == key);
        Set(key, string.Join(VisitFormData.ChecklistSeparator, (field.Choices ?? []).Where(chosen.Contains)));
    }
}
