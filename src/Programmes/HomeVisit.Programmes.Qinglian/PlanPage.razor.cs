using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Programmes.Qinglian;

public partial class PlanPage
{
    [Inject] private QinglianHouseholdService Households { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int PersonId { get; set; }

    private readonly FormSubmission _form = new();
    private PortalUser? _user;
    private HouseholdDetail? _detail;
    private QinglianPlan? _model;
    private EditContext? _edit;
    private ServerValidation? _validation;
    private List<PersonPick> _visitors = [];
    private bool _repeatWarning;
    private string? _loadError;
    private int[] TargetOnly => [PersonId];

    // The plan is one DateTime; the page shows a date picker and a time picker beside each other.
    private DateTime? PlanDate
    {
        get => _model?.PlannedStart?.Date;
        set => SetPlannedStart(value, PlanTime);
    }

    private TimeSpan? PlanTime
    {
        get => _model?.PlannedStart?.TimeOfDay;
        set => SetPlannedStart(PlanDate, value);
    }

    private void SetPlannedStart(DateTime? date, TimeSpan? time)
    {
        if (_model is null) return;
        // A family visit happens in the evening (seed 1): without a time the plan takes 19:00, never midnight.
        _model.PlannedStart = date is { } d ? d.Date + (time ?? new TimeSpan(19, 0, 0)) : null;
    }

    protected override async Task OnParametersSetAsync()
    {
        _user = User!;
        if (!RendererInfo.IsInteractive) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (!_user!.CanVisit)
        {
            _loadError = T["您的角色不能安排家访。"];
            return;
        }
        (_detail, _loadError) = await PageLoad.RunAsync(() => Households.GetAsync(_user, PersonId), T);
        if (_detail is null) return;
        if (!_detail.CanPlan)
        {
            _loadError = T["该职工的家庭不在您负责家访的范围内。"];
            return;
        }
        _model = new QinglianPlan { PersonId = PersonId, Place = _detail.HomeAddress };
        if (_user.PersonId is int me)
        {
            _model.VisitorIds = [me];
            _model.RecorderId = me;
            _visitors = (await People.GetPicksAsync(_user, [me])).ToList();
        }
        // The earliest day the notice rule allows, at a usual evening hour.
        _model.PlannedStart = _detail.EarliestPlanDay.ToDateTime(new TimeOnly(19, 0));
        _repeatWarning = _detail.Status != HouseholdStatus.Due;
        _edit = new EditContext(_model);
    }

    private void VisitorsChanged(IReadOnlyList<PersonPick> picks)
    {
        _visitors = picks.ToList();
        _model!.VisitorIds = _visitors.Select(p => p.Id).ToList();
        if (_model.RecorderId is not int r || !_model.VisitorIds.Contains(r)) _model.RecorderId = _model.VisitorIds.Cast<int?>().FirstOrDefault();
        _edit!.NotifyFieldChanged(_edit.Field(nameof(QinglianPlan.VisitorIds)));
    }

    private void AcceptWarningsChanged(bool value)
    {
        _model!.AcceptWarnings = value;
        _edit!.NotifyFieldChanged(_edit.Field(nameof(QinglianPlan.AcceptWarnings)));
    }

    private async Task SaveAsync()
    {
        var id = 0;
        if (await _form.RunAsync(async () =>
            {
                try
                {
                    id = await Households.PlanAsync(_user!, _model!);
                }
                catch (PortalValidationException w) when (w.IsWarning)
                {
                    // The repeat in the half year: the message shows beside the date, the 确认再次安排 box appears.
                    _repeatWarning = true;
                    throw;
                }
            }, _validation, T))
        {
            Snackbar.Add(T["已保存"], Severity.Success);
            Nav.NavigateTo($"/visits/{id}");
        }
    }
}
