using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
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
        try
        {
            _info = await Households.VisitInfoAsync(User, VisitId);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
        {
            _info = null;
        }
    }
}
