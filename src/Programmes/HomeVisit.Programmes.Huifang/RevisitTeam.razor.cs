using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace HomeVisit.Programmes.Huifang;

public partial class RevisitTeam
{
    [CascadingParameter] private EditContext? Edit { get; set; }

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;

    /// <summary>The plan whose <see cref="RevisitPlanEdit.VisitorIds"/> and <see cref="RevisitPlanEdit.RecorderId"/> this edits.</summary>
    [Parameter, EditorRequired] public RevisitPlanEdit Model { get; set; } = default!;

    /// <summary>The team as first shown (the planner themself).</summary>
    [Parameter] public IReadOnlyList<PersonPick> Initial { get; set; } = [];

    /// <summary>The programme's current 家访组最少人数 (2 for this programme unless an admin changed it).</summary>
    [Parameter] public int MinTeamSize { get; set; } = 2;

    private List<PersonPick> _team = [];
    private IReadOnlyList<PersonPick>? _initial;

    private int Missing => Math.Max(0, MinTeamSize - _team.Count);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_initial, Initial)) return;
        _initial = Initial;
        _team = Initial.ToList();
    }

    private void TeamChanged(IReadOnlyList<PersonPick> picks)
    {
        _team = picks.ToList();
        Model.VisitorIds = _team.Select(p => p.Id).ToList();
        // The recorder is one of the team: when they leave it, the first member records.
        if (Model.RecorderId is not int r || !Model.VisitorIds.Contains(r)) Model.RecorderId = Model.VisitorIds.Cast<int?>().FirstOrDefault();
        Edit?.NotifyFieldChanged(Edit.Field(nameof(RevisitPlanEdit.VisitorIds)));
    }

    private void RecorderChanged(int? id)
    {
        Model.RecorderId = id;
        Edit?.NotifyFieldChanged(Edit.Field(nameof(RevisitPlanEdit.RecorderId)));
    }
}
