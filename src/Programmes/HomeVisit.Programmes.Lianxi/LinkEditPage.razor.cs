using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Lianxi;

public partial class LinkEditPage
{
    [Inject] private LianxiLinkService Links { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int LeaderId { get; set; }

    private LeaderLinks? _leader;
    private List<UnitOption> _branchOptions = [];
    private DateOnly _today;
    private string? _error, _saved;

    protected override async Task OnParametersSetAsync()
    {
        if (User is null) return;
        _branchOptions = (await Org.GetOptionsAsync(User)).Where(u => u.Kind == OrgUnitKind.PartyBranch).ToList();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _today = Clock.Today();
        (_leader, _error) = await PageLoad.RunAsync(() => Links.ForLeaderAsync(User!, LeaderId, _today), T);
    }

    // Both forms start again from what was stored, with the leader's problems recounted.
    private async Task SavedAsync(string message)
    {
        _saved = message;
        await LoadAsync();
    }
}
