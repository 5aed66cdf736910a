using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Qinglian;

public partial class VisitSection
{
    [Inject] private QinglianHouseholdService Households { get; set; } = default!;

    [Parameter, EditorRequired] public int VisitId { get; set; }
    [Parameter] public long Version { get; set; }
    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;

    private QinglianVisitInfo? _info;
    private (int, long)? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        // Reload whenever the visit changed (notified, recorded, re-planned).
        if (_loaded == (VisitId, Version)) return;
        _loaded = (VisitId, Version);
        // A visit the user may not see has no section: its page already says so.
        (_info, _) = await PageLoad.RunAsync(() => Households.VisitInfoAsync(User, VisitId), T);
    }
}
