using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Lianxi;

public partial class LinksPage
{
    [Inject] private LianxiLinkService Links { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }

    // One row per leader with links (tens, not thousands): the service builds them with their problems in one pass.
    private IReadOnlyList<LeaderLinks>? _rows;
    private List<PersonPick> _other = [];

    private bool CanAssign => User is not null && (LianxiAccess.MayAssign(User, LinkKind.Branch) || LianxiAccess.MayAssign(User, LinkKind.Individual));

    // Once the cascaded user is there (it may arrive after the first parameters).
    protected override async Task OnParametersSetAsync()
    {
        if (User is not null && _rows is null) _rows = await Links.OverviewAsync(User, Clock.Today());
    }

    private void OtherChosen(IReadOnlyList<PersonPick> picks)
    {
        if (picks.FirstOrDefault() is { } p) Nav.NavigateTo($"/programmes/lianxi/links/{p.Id}");
    }
}
