using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Portal.Visits;

public partial class VisitEdit
{
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private ProgrammeRulesService Rules { get; set; } = default!;
    [Inject] private CalendarService Calendar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Parameter] public int? Id { get; set; }
    [SupplyParameterFromQuery(Name = "programme")] public string? ProgrammeFromQuery { get; set; }
    /// <summary>Plans the next 定期回访 of the chain of this visit (a 重点约访 or one of its 回访).</summary>
    [SupplyParameterFromQuery(Name = "followOn")] public int? FollowOnOf { get; set; }
    /// <summary>Prefills the person to visit and the priority situation (from a visit plan).</summary>
    [SupplyParameterFromQuery(Name = "target")] public int? TargetFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "trigger")] public string? TriggerFromQuery { get; set; }

    private PortalUser? _user;
    private VisitPlan? _model;
    private ProgrammeRules? _rules;
    private IReadOnlyList<IProgrammeModule> _programmes = [];
    private EditContext? _edit;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private List<PersonPick> _visitors = [];
    private List<PersonPick> _targets = [];
    private List<UnitOption> _branches = [];
    private string? _loadError;
    private readonly PlannedStartPickers _start;

    private string Title => Id is null ? T["安排家访"] : T["修改家访计划"];
    private string BackHref => Id is int id ? $"/visits/{id}" : "/visits";
    private bool Locked => _model?.Status is VisitStatus.Done or VisitStatus.Cancelled;

    // A new plan starts in the evening for 上门家访 (seed 1 第六条（一）“利用晚上或休息日时间”), else in the morning; never 00:00.
    public VisitEdit() => _start = new(() => _model!.PlannedStart, v => _model!.PlannedStart = v,
        () => _model?.Form == VisitForm.HomeVisit ? VisitTimes.DefaultStart : TimeSpan.FromHours(9),
        () => _edit?.NotifyFieldChanged(_edit.Field(nameof(VisitPlan.PlannedStart))));

    protected override async Task OnParametersSetAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        if (!_user.CanVisit)
        {
            _loadError = T["您的角色不能安排家访。"];
            return;
        }
        _branches = (await Org.GetOptionsAsync(_user)).Where(u => u.Kind == OrgUnitKind.PartyBranch).ToList();
        await LoadAsync();
    }

    // A follow-on of a closed chain is refused by validation, not only a plan the user may not see.
    private async Task LoadAsync() => _loadError = await PageLoad.RunAsync(LoadPlanAsync, T, validates: true);

    private async Task LoadPlanAsync()
    {
        VisitPlan model;
        if (Id is int id)
        {
            model = await Visits.GetPlanAsync(_user!, id);
        }
        else if (FollowOnOf is int chainVisit)
        {
            model = await Visits.NewFollowOnPlanAsync(_user!, chainVisit);
        }
        else
        {
            model = new VisitPlan { ProgrammeKey = Programmes.Exists(ProgrammeFromQuery) ? ProgrammeFromQuery : null };
            // The one planning is usually one of the visitors, and keeps the record.
            if (_user!.PersonId is int me)
            {
                model.VisitorIds = [me];
                model.RecorderId = me;
            }
            if (TargetFromQuery is int target && target != _user.PersonId) model.TargetPersonIds = [target];
            model.Trigger = string.IsNullOrWhiteSpace(TriggerFromQuery) ? null : TriggerFromQuery;
        }
        var picks = await People.GetPicksAsync(_user!, model.VisitorIds.Concat(model.TargetPersonIds));
        _visitors = model.VisitorIds.Select(id => picks.FirstOrDefault(p => p.Id == id)).OfType<PersonPick>().ToList();
        _targets = model.TargetPersonIds.Select(id => picks.FirstOrDefault(p => p.Id == id)).OfType<PersonPick>().ToList();
        var states = await Rules.ProgrammesForAsync(_user!);
        _programmes = states.Where(p => p.Enabled || p.Module.Key == model.ProgrammeKey).Select(p => p.Module).ToList();
        _model = model;
        _edit = new EditContext(_model);
        await ProgrammeChangedAsync();
    }

    // The programme's rules shape the form: its forms, its triggers, and what it asks of a plan.
    private async Task ProgrammeChangedAsync()
    {
        _rules = _model?.ProgrammeKey is { } key && Programmes.Exists(key)
            ? await Rules.RulesOnAsync(_user!.InstitutionId, key, _model.PlannedStart is { } planned ? DateOnly.FromDateTime(planned) : Clock.Today())
            : null;
        if (_rules is not null && _model is not null)
        {
            if (!_rules.AllowedForms.Contains(_model.Form) && _rules.AllowedForms.Count > 0) _model.Form = _rules.AllowedForms[0];
            if (_model.Trigger is { } t && !_rules.PriorityTriggers.Contains(t)) _model.Trigger = null;
        }
    }

    private List<string> RuleHints
    {
        get
        {
            var hints = new List<string>();
            if (_rules is null) return hints;
            if (_rules.NoticeLeadDays > 0)
                hints.Add(T.Format(_rules.NoticeInWriting ? "须在家访前 {0} 天书面通知家访对象。" : "须在家访前 {0} 天通知家访对象。", _rules.NoticeLeadDays));
            if (_rules.MinTeamSize > 1) hints.Add(T.Format("每次家访须由 {0} 名以上人员组成工作组。", _rules.MinTeamSize));
            if (_rules.PlanNeedsApproval) hints.Add(T["方案须经审批同意后才能登记结果。"]);
            return hints;
        }
    }

    private string ProgrammeText(string? key) => string.IsNullOrEmpty(key) ? "" : T[Programmes.NameOf(key)];

    private string TriggerText(string? trigger) => string.IsNullOrEmpty(trigger) ? "" : ModuleTexts.For(_model?.ProgrammeKey)[trigger];

    private string RecorderText(int? id) => _visitors.FirstOrDefault(p => p.Id == id)?.Name ?? "";

    private string BranchText(int id) => _branches.FirstOrDefault(b => b.Id == id)?.Name ?? "";

    private void VisitorsChanged(IReadOnlyList<PersonPick> picks)
    {
        _visitors = picks.ToList();
        _model!.VisitorIds = _visitors.Select(p => p.Id).ToList();
        if (_model.RecorderId is not int r || !_model.VisitorIds.Contains(r)) _model.RecorderId = _model.VisitorIds.Cast<int?>().FirstOrDefault();
        _edit!.NotifyFieldChanged(_edit.Field(nameof(VisitPlan.VisitorIds)));
        _edit.NotifyFieldChanged(_edit.Field(nameof(VisitPlan.RecorderId)));
    }

    private void TargetsChanged(IReadOnlyList<PersonPick> picks)
    {
        _targets = picks.ToList();
        _model!.TargetPersonIds = _targets.Select(p => p.Id).ToList();
        _edit!.NotifyFieldChanged(_edit.Field(nameof(VisitPlan.TargetPersonIds)));
    }

    private void BranchesChanged(IEnumerable<int>? ids)
    {
        _model!.TargetBranchIds = ids?.ToList() ?? [];
        _edit!.NotifyFieldChanged(_edit.Field(nameof(VisitPlan.TargetPersonIds)));
        _edit.NotifyFieldChanged(_edit.Field(nameof(VisitPlan.TargetBranchIds)));
    }

    /// <summary>Warns when someone on the team already has a visit at that time; the user decides.</summary>
    private async Task<bool> ConfirmConflictsAsync()
    {
        if (_model!.PlannedStart is not { } start) return true;
        var conflicts = await Calendar.ConflictsAsync(_user!, _model.VisitorIds, start, start.AddMinutes(_model.DurationMinutes), _model.Id == 0 ? null : _model.Id);
        if (conflicts.Count == 0) return true;
        return await Dialogs.ConfirmAsync(T["家访时间冲突"], VisitQuestions.Overlaps(T, conflicts), T["仍然保存"], T["取消"]);
    }

    private async Task SaveAsync()
    {
        if (_model is null || _form.Busy || !await ConfirmConflictsAsync()) return;
        var id = 0;
        var saved = await _form.RunAsync(async () =>
        {
            // The programme's rules may advise against the plan (e.g. 上门家访 in working hours): shown beside the
            // fields and asked; a no leaves the form as it is.
            await VisitQuestions.SaveAskingOnWarningsAsync(Dialogs, T, ModuleTexts.For(_model.ProgrammeKey), T["仍然安排"], async accept =>
            {
                if (accept) _validation?.Clear();
                _model.AcceptWarnings = accept;
                id = await Visits.SavePlanAsync(_user!, _model);
            }, w => _validation?.Show(w));
        }, _validation, ModuleTexts.For(_model.ProgrammeKey));
        if (saved && id != 0) Nav.NavigateTo($"/visits/{id}");
    }
}
