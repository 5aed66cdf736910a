using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Ganbu;

public partial class InspectionForm
{
    [Inject] private GanbuOversightService Oversight { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<UnitOption> Units { get; set; } = [];
    [Parameter] public EventCallback OnSaved { get; set; }

    private GanbuInspectionInput _input = new();
    private IReadOnlyList<PersonPick> _head = [];
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    protected override void OnInitialized() =>
        _input = new GanbuInspectionInput { Date = Clock.Now().Date, InspectedBy = User.DisplayName };

    private async Task SaveAsync()
    {
        var saved = await _form.RunAsync(async () =>
        {
            try
            {
                await Oversight.RecordInspectionAsync(User, _input);
            }
            catch (NotFoundException)
            {
                // The programme was switched off while the page was open (asked by the service): load the address
                // again, which now answers as an unknown one.
                Nav.NavigateTo(Nav.Uri, forceLoad: true);
                throw;
            }
        }, _validation, T);
        if (!saved) return;
        Snackbar.Add(T["已登记。"], Severity.Success);
        _input.Note = null;
        await OnSaved.InvokeAsync();
    }

    private string UnitName(int? id) => id is int i && Units.FirstOrDefault(u => u.Id == i) is { } u ? u.Name : "";

    private string UnitLabel(int? id) => id is int i && Units.FirstOrDefault(u => u.Id == i) is { } u ? u.Label : "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult(Units.Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
                             .Select(u => (int?)u.Id));
}
