using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using HomeVisit.Portal.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class RevisitPlanPage
{
    [Inject] private SanctionService Sanctions { get; set; } = default!;
    [Inject] private RevisitService Revisits { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private ProgrammeRulesService Rules { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "record")] public int Record { get; set; }

    private readonly FormSubmission _form = new();
    private PortalUser? _user;
    private SanctionDetail? _record;
    private RevisitPlanEdit? _model;
    private EditContext? _edit;
    private ServerValidation? _validation;
    private IReadOnlyList<PersonPick> _team = [];
    private IReadOnlyList<VisitForm> _forms = [];
    private int _minTeam = 2;
    private bool _notFound;
    private readonly PlannedStartPickers _start;

    // A revisit is a talk in working hours: a plan picked without a time starts at 09:00, never at midnight.
    public RevisitPlanPage() => _start = new(() => _model!.PlannedStart, v => _model!.PlannedStart = v, () => TimeSpan.FromHours(9),
        () => _edit?.NotifyFieldChanged(_edit.Field(nameof(RevisitPlanEdit.PlannedStart))));

    protected override async Task OnParametersSetAsync()
    {
        _user = User!;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // A record the user may not see is one that does not exist (the programme is confidential).
        (_record, var refused) = await PageLoad.RunAsync(() => Sanctions.GetAsync(_user!, Record), T);
        _notFound |= refused is not null;
        if (_notFound) return;
        var rules = await Rules.CurrentRulesAsync(_user!.InstitutionId, HuifangModule.ProgrammeKey);
        _forms = rules.AllowedForms;
        _minTeam = rules.MinTeamSize;
        _model = new RevisitPlanEdit { SanctionRecordId = Record, Form = _forms.FirstOrDefault() };
        if (_user.PersonId is int me)
        {
            _team = await People.GetPicksAsync(_user, [me]);
            _model.VisitorIds = [me];
            _model.RecorderId = me;
        }
        _edit = new EditContext(_model);
    }

    private async Task SaveAsync()
    {
        var visitId = 0;
        if (await _form.RunAsync(async () => visitId = await Revisits.PlanAsync(_user!, _model!), _validation, T))
        {
            Snackbar.Add(T["回访方案已提交，待纪委主要负责人审核。"], Severity.Success);
            Nav.NavigateTo($"/programmes/huifang/revisits/{visitId}");
        }
        // A refusal about the plan as a whole (the person, the programme) has no field here: it goes above the form.
        else if (_edit!.GetValidationMessages(_edit.Field(nameof(VisitPlan.ProgrammeKey))).Any() is true && _form.Error is null)
        {
            _form.Error = string.Join(" ", _edit.GetValidationMessages(_edit.Field(nameof(VisitPlan.ProgrammeKey))));
        }
    }
}
