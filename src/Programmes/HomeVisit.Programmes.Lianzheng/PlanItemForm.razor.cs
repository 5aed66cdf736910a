using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Programmes.Lianzheng;

public partial class PlanItemForm
{
    [Inject] private LianzhengService Lianzheng { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public VisitorPlan Plan { get; set; } = default!;
    [Parameter] public IReadOnlyList<string> Triggers { get; set; } = [];
    /// <summary>The plan changed (a line added, or the user chose to reload after a conflict): the page reloads it.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private PlanItemEdit _edit = new();
    private EditContext _editContext = default!;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private List<PersonPick> _targetPick = [];
    private (int, int) _startedFor;

    protected override void OnParametersSet()
    {
        // A new empty line whenever another visitor's or year's plan is shown; a failed add keeps what was typed.
        if (_editContext is not null && _startedFor == (Plan.VisitorPersonId, Plan.Year)) return;
        _startedFor = (Plan.VisitorPersonId, Plan.Year);
        NewEdit();
    }

    private void NewEdit()
    {
        _edit = new PlanItemEdit { VisitorPersonId = Plan.VisitorPersonId, Year = Plan.Year };
        _editContext = new EditContext(_edit);
        _targetPick = [];
    }

    private void TargetChanged(IReadOnlyList<PersonPick> picks)
    {
        _targetPick = picks.ToList();
        _edit.TargetPersonId = _targetPick.FirstOrDefault()?.Id;
        _editContext.NotifyFieldChanged(_editContext.Field(nameof(PlanItemEdit.TargetPersonId)));
    }

    private async Task AddAsync()
    {
        var name = _targetPick.FirstOrDefault()?.Name;
        if (!await _form.RunAsync(() => Lianzheng.SavePlanItemAsync(User, _edit), _validation, T)) return;
        Snackbar.Add(T.Format("已加入计划：{0}", name ?? ""), Severity.Success);
        NewEdit();
        await OnChanged.InvokeAsync();
    }
}
