using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Portal.Programmes.Shared;

public partial class QuotaEditor
{
    [Parameter, EditorRequired] public QuotaRule Quota { get; set; } = default!;
    [Parameter, EditorRequired] public int Index { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<VisitForm> AllowedForms { get; set; } = [];
    [Parameter, EditorRequired] public IEnumerable<Choice<string>> RoleChoices { get; set; } = [];
    [Parameter] public EventCallback OnRemove { get; set; }

    private string Key(string field) => $"Quotas[{Index}].{field}";

    private List<Choice<LeadershipRole>> LeadershipChoices = [];
    private List<Choice<OrgUnitKind>> UnitKindChoices = [];
    private List<Choice<QuotaCount>> CountChoices = [];
    private List<Choice<QuotaPer>> PerChoices = [];
    private List<Choice<VisitForm>> FormChoices = [];

    protected override void OnInitialized()
    {
        LeadershipChoices = T.Options<LeadershipRole>().Select(o => new Choice<LeadershipRole>(o.Value, o.Text)).ToList();
        UnitKindChoices = T.Options<OrgUnitKind>().Select(o => new Choice<OrgUnitKind>(o.Value, o.Text)).ToList();
        CountChoices = [new(QuotaCount.DistinctPeople, T["人（按人数）"]), new(QuotaCount.Visits, T["次（按次数）"])];
        // Per link (counted by the module that keeps the links): the minimum is owed for each link and the person matchers above are not used.
        PerChoices = Enum.GetValues<QuotaPer>().Select(p => new Choice<QuotaPer>(p, T[RuleDiff.PerName(p)])).ToList();
    }

    protected override void OnParametersSet()
    {
        // The programme's forms, plus any the quota still names after a form was switched off (so the error can show).
        var forms = AllowedForms.Union(Quota.Forms).ToList();
        if (!forms.SequenceEqual(FormChoices.Select(c => c.Value)))
            FormChoices = forms.Select(f => new Choice<VisitForm>(f, T.Enum(f))).ToList();
    }

    private string RoleText(string? role) => role is null ? "" : RoleChoices.FirstOrDefault(c => c.Value == role)?.Text ?? role;
}
