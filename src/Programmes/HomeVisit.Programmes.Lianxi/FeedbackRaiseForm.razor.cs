using HomeVisit.Core.Accounts;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Programmes.Lianxi;

public partial class FeedbackRaiseForm
{
    [Inject] private LianxiFeedbackService Feedback { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    /// <summary>The departments a problem may go to (not party branches).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<UnitOption> Units { get; set; } = [];
    /// <summary>The lianxi activity the problem came up in (?visit=), when opened from one.</summary>
    [Parameter] public int? VisitId { get; set; }
    /// <summary>Forwarded: the page shows the user's forwarded problems again.</summary>
    [Parameter] public EventCallback OnRaised { get; set; }

    private FeedbackRaise _raise = new();
    private EditContext _editContext = default!;
    private List<PersonPick> _raiser = [];
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    protected override void OnInitialized() => Start();

    private void Start()
    {
        _raise = new FeedbackRaise { VisitId = VisitId };
        _editContext = new EditContext(_raise);
        _raiser = [];
    }

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult(Units.Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(u => (int?)u.Id));

    private string UnitName(int? id) => id is null ? "" : Units.FirstOrDefault(u => u.Id == id)?.Name ?? "";

    // In the list, indented as in the organisation tree.
    private string UnitLabel(int? id) => id is null ? "" : Units.FirstOrDefault(u => u.Id == id)?.Label ?? "";

    private void RaiserChanged(IReadOnlyList<PersonPick> picks)
    {
        _raiser = picks.ToList();
        _raise.RaisedByPersonId = _raiser.FirstOrDefault()?.Id;
        // A picked person answers “who raised it” as well as a typed name does.
        _editContext.NotifyFieldChanged(_editContext.Field(nameof(FeedbackRaise.RaisedByName)));
        _editContext.NotifyFieldChanged(_editContext.Field(nameof(FeedbackRaise.RaisedByPersonId)));
    }

    private async Task RaiseAsync()
    {
        if (!await _form.RunAsync(() => Feedback.RaiseAsync(User, _raise), _validation, T)) return;
        Snackbar.Add(T["问题已转交。"], Severity.Success);
        Start();
        await OnRaised.InvokeAsync();
    }
}
