using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Calendar;

public partial class FeedManager
{
    [Inject] private CalendarService Calendar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private IReadOnlyList<FeedInfo> _feeds = [];
    private string? _name, _newUrl;

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _feeds = await Calendar.FeedsAsync(_user);
    }

    private async Task CreateAsync()
    {
        var token = await Calendar.CreateFeedAsync(_user, _name);
        _newUrl = Nav.ToAbsoluteUri($"/calendar/{token}.ics").ToString();
        _name = null;
        _feeds = await Calendar.FeedsAsync(_user);
    }

    private async Task RevokeAsync(FeedInfo feed)
    {
        if (!await Dialogs.ConfirmAsync(T["停用订阅"], T.Format("停用“{0}”后，已订阅的日历将不再更新。确定停用？", feed.Name), T["停用"], T["取消"])) return;
        await Calendar.RevokeFeedAsync(_user, feed.Id);
        _newUrl = null;
        _feeds = await Calendar.FeedsAsync(_user);
    }
}
