using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Programmes.Lianzheng;

public partial class PlansPage
{
    [Inject] private LianzhengService Lianzheng { get; set; } = default!;
    [Inject] private ProgrammeRulesService Rules { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private ProgrammeCatalog Catalog { get; set; } = default!;
    [Inject] private QuotaService Quotas { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")] public int? YearFromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "visitor")] public int? Visitor { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    // Whether the page opens at all is its Programme:lianzheng policy, checked over HTTP and again by the router in the circuit.
    private PortalUser? _user;
    private VisitorPlan? _plan;
    private IReadOnlyList<PlanOverviewRow>? _overview;
    private List<PersonPick> _visitorPick = [];
    private IReadOnlyList<string> _triggers = [];
    private string? _error;

    private int Year => YearFromQuery ?? Clock.Today().Year;

    /// <summary>Liaisons and admins keep plans for leaders; overseers read everyone's.</summary>
    private bool MayChooseVisitor(PortalUser user) =>
        user.IsAnyRole([Roles.Liaison, Roles.SystemAdmin, Roles.ProgrammeAdmin]) || Catalog.OverseenBy(user).Contains(LianzhengModule.ProgrammeKey);

    protected override async Task OnParametersSetAsync()
    {
        var user = _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        _triggers = (await Rules.RulesOnAsync(user.InstitutionId, LianzhengModule.ProgrammeKey, new DateOnly(Year, 1, 1))).PriorityTriggers;
        await LoadAsync(user);
        _overview = null;
        if (Quotas.CanOversee(user, LianzhengModule.ProgrammeKey))
        {
            try
            {
                _overview = await Lianzheng.PlanOverviewAsync(user, Year, null);
            }
            catch (Exception ex) when (ex is AccessDeniedException or PortalValidationException)
            {
                _overview = null;
            }
        }
    }

    private async Task LoadAsync(PortalUser user)
    {
        _error = null;
        _plan = null;
        var visitor = Visitor ?? user.PersonId;
        if (visitor is not int id) return;
        // The year comes from the address: one outside the range is refused like a visitor the user may not see.
        _error = await PageLoad.RunAsync(async () =>
        {
            _plan = await Lianzheng.GetPlanAsync(user, id, Year);
            _visitorPick = (await People.GetPicksAsync(user, [id])).ToList();
        }, T, validates: true);
    }

    private void Go(int? year, int? visitor) =>
        Nav.NavigateTo($"/programmes/lianzheng/plans?year={year ?? Year}{(visitor is int v ? $"&visitor={v}" : "")}");

    private void VisitorChanged(IReadOnlyList<PersonPick> picks)
    {
        _visitorPick = picks.ToList();
        if (picks.FirstOrDefault() is { } p) Go(Year, p.Id);
    }

    private static string PlanVisitUri(PlanItemRow i) =>
        $"/visits/new?programme={LianzhengModule.ProgrammeKey}&target={i.TargetPersonId}"
        + (i.Trigger is null ? "" : $"&trigger={Uri.EscapeDataString(i.Trigger)}");

    private async Task RemoveAsync(PortalUser user, PlanItemRow item)
    {
        if (!await Dialogs.ConfirmAsync(T["从计划中移除"], T.Format("将 {0} 从{1}年度家访计划中移除？", item.TargetName, Year), T["移除"], T["返回"])) return;
        try
        {
            await Lianzheng.RemovePlanItemAsync(user, item.Id, item.Version);
            Snackbar.Add(T.Format("已从计划中移除：{0}", item.TargetName), Severity.Success);
        }
        catch (Exception ex) when (ex is NotFoundException or AccessDeniedException or ConcurrencyConflictException)
        {
            Snackbar.Add(T.Error(ex), Severity.Error);
        }
        await LoadAsync(user);
    }
}
