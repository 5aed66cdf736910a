using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Admin;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Portal.Programmes.Shared;

public partial class RulesEditor
{
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;

    [Parameter, EditorRequired] public ProgrammeRules Rules { get; set; } = default!;
    [Parameter, EditorRequired] public IProgrammeModule Module { get; set; } = default!;

    private List<Choice<string>> RoleChoices = [];
    private List<Choice<TargetScope>> TargetChoices = [];
    private List<Choice<PeriodKind>> PeriodChoices = [];
    private List<Choice<VisitForm>> FormChoices = [];
    private List<Choice<string>> RecordFieldChoices = [];

    private IEnumerable<TargetScope> SelectedTargets => RuleDiff.TargetScopes.Select(t => t.Value).Where(t => Rules.Targets.HasFlag(t)).ToList();

    protected override void OnInitialized()
    {
        RoleChoices = Roles.All.Concat(Module.AddedRoles).Select(r => new Choice<string>(r, T[RoleNames.Of(r)])).ToList();
        TargetChoices = RuleDiff.TargetScopes.Select(t => new Choice<TargetScope>(t.Value, T[t.Name])).ToList();
        PeriodChoices = Enum.GetValues<PeriodKind>().Select(p => new Choice<PeriodKind>(p, T[Periods.KindName(p)])).ToList();
        FormChoices = T.FormOptions(VisitForms.Of(Module).Select(f => f.Form)).Select(o => new Choice<VisitForm>(o.Value, o.Text)).ToList();
        RecordFieldChoices = RuleDiff.CoreRecordFields.Select(f => new Choice<string>(f.Key, T[f.Name]))
            .Concat(Module.RecordForm.Select(f => new Choice<string>(f.Key, ModuleTexts.For(Module.Key)[f.Label]))).ToList();
    }

    private string RoleText(string? role) => role is null ? "" : RoleChoices.FirstOrDefault(c => c.Value == role)?.Text ?? role;
}
