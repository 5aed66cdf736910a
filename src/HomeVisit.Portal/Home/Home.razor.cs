using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Reminders;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using HomeVisit.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Home;

public partial class Home
{
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private FollowUpService FollowUps { get; set; } = default!;
    [Inject] private ReminderService Reminders { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser? _user;
    private PagedResult<VisitRow>? _upcoming;
    private PagedResult<FollowUpRow>? _open;
    private int _overdue;
    private IReadOnlyList<NotificationView> _reminders = [];

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _reminders = await Reminders.UnreadAsync(_user);
        var today = Clock.Now().Date;
        _upcoming = await Visits.ListAsync(_user, new VisitQuery(MineOnly: !_user.OverseesInstitution, From: today, To: today.AddDays(30), PageSize: 8));
        _open = await FollowUps.ListAsync(_user, new FollowUpQuery(OpenOnly: true, PageSize: 8));
        _overdue = (await FollowUps.ListAsync(_user, new FollowUpQuery(OverdueOnly: true, PageSize: 1))).Total;
    }

    // A module's reminder speaks the module's words (its kind names it); the core's fall back to the core set.
    private IStringLocalizer TextsOf(NotificationView r) => ModuleTexts.For(ReminderKinds.ProgrammeOf(r.Kind));

    private async Task DismissAsync(NotificationView r)
    {
        await Reminders.MarkReadAsync(_user!, r.Id);
        _reminders = await Reminders.UnreadAsync(_user!);
    }
}
