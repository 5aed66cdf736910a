using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
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
        try
        {
            _today = Clock.Today();
            _leader = await Links.ForLeaderAsync(User!, LeaderId, _today);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _error = T.Error(ex);
        }
    }

    // Both forms start again from what was stored, with the leader's problems recounted.
    private async Task SavedAsync(string message)
    {
        _saved = message;
        await LoadAsync();
    }
}
