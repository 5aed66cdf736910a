using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Lianxi;

public partial class LeaderPicker
{
    [Inject] private LianxiLinkService Links { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter] public int? LeaderId { get; set; }
    [Parameter] public EventCallback<int?> LeaderIdChanged { get; set; }

    private IReadOnlyList<LeaderLinks> _leaders = [];

    private bool Shown => _leaders.Count > 1 || LianxiAccess.Oversees(User);

    protected override async Task OnInitializedAsync() => _leaders = await Links.OverviewAsync(User);

    private static string Text(LeaderLinks l) => $"{l.Name}（{l.UnitName} {l.Position}）";

    private string Label(int? id) =>
        id is null ? "" : _leaders.FirstOrDefault(l => l.LeaderId == id) is { } l ? Text(l) : "";

    private Task ChangedAsync(int? id) => LeaderIdChanged.InvokeAsync(id);
}
