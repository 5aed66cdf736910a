using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Portal.Programmes.Shared;

public partial class ProgrammeSettings
{
    [Inject] private ProgrammeRulesService RulesService { get; set; } = default!;
    [Inject] private ProgrammeCatalog Catalog { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public string Key { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IProgrammeModule? _module;
    private PortalUser _user = default!;
    private bool _notFound, _denied, _enabled;
    private DateOnly _today;
    private ProgrammeRules? _current;
    private RuleHistoryEntry? _currentEntry;
    private IReadOnlyList<RuleHistoryEntry> _history = [];
    private RulesForm _form = new();
    private EditContext _edit = default!;
    private ServerValidation? _validation;
    private readonly FormSubmission _submit = new();
    private int _errorCount;
    // The rules the editor opened with for the chosen date: only what the admin changes from them is saved (issue 17 item 2).
    private ProgrammeRules? _startedFrom;
    // Closed periods a back-dated change would re-judge; saving then needs the admin's explicit confirmation (item 1).
    private IReadOnlyList<ClosedPeriodChange> _rejudged = [];

    protected override async Task OnParametersSetAsync()
    {
        _notFound = _denied = false;
        _module = Catalog.Find(Key);
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        if (_module is null || !ProgrammeCatalog.MayUse(_user, _module))
        {
            _notFound = true;
            return;
        }
        if (!ProgrammeRulesService.IsRuleAdmin(_user, _module))
        {
            _denied = true;
            return;
        }
        _form = new RulesForm();
        _edit = new EditContext(_form);
        await StartEditingAsync();
    }

    /// <summary>
    /// The new version starts with the rules that will be in force at the next period's start (a version already
    /// scheduled for then included), from then on.
    /// </summary>
    private async Task StartEditingAsync()
    {
        await LoadStateAsync();
        var effective = RuleEditing.NextPeriodStart(_current!, _today);
        _startedFrom = await RulesService.RulesOnAsync(_user.InstitutionId, Key, effective);
        _form.Rules = ProgrammeRulesService.Clone(_startedFrom);
        _form.EffectiveFrom = effective.ToDateTime(TimeOnly.MinValue);
        _form.Note = null;
        _rejudged = [];
        _errorCount = 0;
    }

    // After a conflict the admin chose to drop their changes: start again from the latest saved versions.
    private async Task ReloadAsync()
    {
        _validation?.Clear();
        await StartEditingAsync();
    }

    /// <summary>Another date chosen: the editor now shows the version in force then, with the admin's changes kept on top.</summary>
    private async Task RebaseAsync()
    {
        _rejudged = [];
        if (_form.EffectiveFrom is not { } d || _startedFrom is null) return;
        var onDate = await RulesService.RulesOnAsync(_user.InstitutionId, Key, DateOnly.FromDateTime(d));
        _form.Rules = ProgrammeRulesService.ApplyChanges(_startedFrom, _form.Rules, onDate);
        _startedFrom = onDate;
    }

    private Task ConfirmBackdatedAsync() => SaveAsync(confirmed: true);

    private async Task LoadStateAsync()
    {
        _today = Clock.Today();
        _enabled = await RulesService.IsEnabledAsync(_user.InstitutionId, Key);
        _history = await RulesService.HistoryAsync(_user, Key);
        _current = await RulesService.RulesOnAsync(_user.InstitutionId, Key, _today);
        _currentEntry = RuleEditing.InForceOn(_history, _today);
    }

    private Task SaveAsync() => SaveAsync(confirmed: false);

    private async Task SaveAsync(bool confirmed)
    {
        var effective = _form.EffectiveFrom is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        var saved = false;
        await _submit.RunAsync(async () =>
        {
            if (!confirmed && effective is { } on)
            {
                _rejudged = await RulesService.ClosedPeriodsChangedByAsync(_user.InstitutionId, Key,
                    ProgrammeRulesService.ApplyChanges(_startedFrom!, _form.Rules, await RulesService.RulesOnAsync(_user.InstitutionId, Key, on)), on);
                if (_rejudged.Count > 0) return;
            }
            await RulesService.SaveAsync(_user, Key, _form.Rules, effective, _form.Note, startedFrom: _startedFrom, confirmClosedPeriods: confirmed);
            saved = true;
        }, _validation, T);
        _errorCount = _edit.GetValidationMessages().Count();
        if (!saved) return;
        Snackbar.Add($"{T["已保存。"]} {T.Format("新规则自 {0} 起生效。", effective!.Value.ToString("yyyy-MM-dd"))}", Severity.Success);
        _form.Note = null;
        _rejudged = [];
        await LoadStateAsync();
        _startedFrom = await RulesService.RulesOnAsync(_user.InstitutionId, Key, effective.Value);
        _form.Rules = ProgrammeRulesService.Clone(_startedFrom);
    }

    private void LoadDefaults()
    {
        _rejudged = [];
        _form.Rules = _module!.DefaultRules();
        _errorCount = 0;
        _validation?.Clear();
        Snackbar.Add($"{T["已载入文件默认值"]} {T["保存后才会生效。"]}", Severity.Info);
    }
}
