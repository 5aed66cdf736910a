using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.FollowUps;

public partial class FollowUpList
{
    private sealed record Filters(FollowUpStatus? Status, bool OpenOnly, bool OverdueOnly, string? Search, int? Id)
    {
        public static readonly Filters None = new(null, false, false, null, null);
    }

    [Inject] private FollowUpService FollowUps { get; set; } = default!;
    [Inject] private ProgrammeCatalog Programmes { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "status")] public string? QStatus { get; set; }
    [SupplyParameterFromQuery(Name = "open")] public bool? QOpen { get; set; }
    [SupplyParameterFromQuery(Name = "overdue")] public bool? QOverdue { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? QSearch { get; set; }
    [SupplyParameterFromQuery(Name = "id")] public int? QId { get; set; }

    private readonly FormSubmission _action = new();
    private MudDataGrid<FollowUpRow>? _grid;
    private PortalUser? _user;
    private Filters _f = Filters.None;
    private readonly GridPages _pages;

    public FollowUpList() => _pages = new GridPages(StateHasChanged);
    private string? _selectedError;
    private FollowUpRow? _selected;

    // The filters live in the address (links from reminders and the dashboard open /follow-ups?overdue=true or ?id=N).
    protected override async Task OnParametersSetAsync()
    {
        _user ??= PortalUser.FromPrincipal((await AuthState).User)!;
        var fromQuery = new Filters(Enum.TryParse<FollowUpStatus>(QStatus, true, out var s) ? s : null, QOpen == true, QOverdue == true,
            string.IsNullOrWhiteSpace(QSearch) ? null : QSearch.Trim(), QId);
        if (fromQuery != _f || (_f.Id is not null && _selected is null && _selectedError is null))
        {
            var listChanged = fromQuery with { Id = null } != _f with { Id = null };
            _f = fromQuery;
            await LoadSelectedAsync();
            if (listChanged) await FirstPageAsync();
        }
    }

    private async Task LoadSelectedAsync()
    {
        _selected = null;
        _selectedError = null;
        if (_f.Id is not int id) return;
        try
        {
            _selected = await FollowUps.GetAsync(_user!, id);
        }
        catch (NotFoundException ex)
        {
            _selectedError = T.Error(ex);
        }
    }

    // The database pages and filters; the count above the grid is kept by _pages (ServerData does not re-render the page).
    private Task<GridData<FollowUpRow>> LoadAsync(GridState<FollowUpRow> state, CancellationToken ct) =>
        _pages.LoadAsync(state, (page, size) => FollowUps.ListAsync(_user!, new FollowUpQuery(_f.Search, _f.Status, _f.OpenOnly, _f.OverdueOnly, Page: page, PageSize: size)));

    private async Task FirstPageAsync()
    {
        if (_grid is null) return;
        if (_grid.CurrentPage != 0) _grid.NavigateTo(Page.First);
        await _grid.ReloadServerData();
    }

    private async Task ReloadAsync()
    {
        _action.Reset();
        await LoadSelectedAsync();
        if (_grid is not null) await _grid.ReloadServerData();
    }

    private async Task ApplyAsync(Filters f)
    {
        if (f == _f) return;
        var listChanged = f with { Id = null } != _f with { Id = null };
        _f = f;
        Nav.NavigateTo(ToUri(f), new NavigationOptions { ReplaceHistoryEntry = true });
        await LoadSelectedAsync();
        if (listChanged) await FirstPageAsync();
    }

    private Task OnSearchChangedAsync(string? text) =>
        ApplyAsync(_f with { Search = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private async Task StartAsync(FollowUpRow f)
    {
        if (await _action.RunAsync(() => FollowUps.StartAsync(_user!, f.Id, f.Version), null, T))
        {
            Snackbar.Add(T["已开始办理"], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task CloseAsync(FollowUpRow f)
    {
        var result = await CloseDialog.AskAsync(Dialogs, T["办结事项"], f, _user!);
        if (result is true) Snackbar.Add(T["已办结"], Severity.Success);
        if (result is true or "reload") await ReloadAsync();
    }

    private async Task WithdrawAsync(FollowUpRow f)
    {
        var result = await Visits.ReasonDialog.AskAsync(Dialogs, T["撤回事项"], T["撤回原因"].Value, "WithdrawReason", T["确定撤回"].Value,
            T.Format("撤回“{0}”？撤回的事项不再办理，但记录会保留。", f.Summary),
            reason => FollowUps.WithdrawAsync(_user!, f.Id, f.Version, reason));
        if (result is true) Snackbar.Add(T["已撤回"], Severity.Success);
        if (result is true or "reload") await ReloadAsync();
    }

    private string RowClass(FollowUpRow f, int _) =>
        ((f.IsOverdue ? "hv-grid-row-overdue " : "") + (f.Id == _f.Id ? "hv-grid-row-selected" : "")).Trim();

    private string StatusName(FollowUpStatus? s) => s is { } status ? T.Enum(status) : "";

    private string ItemUri(int id) => ToUri(_f with { Id = id });

    private string ToUri(Filters f) => Nav.GetUriWithQueryParameters("/follow-ups", new Dictionary<string, object?>
    {
        ["status"] = f.Status?.ToString(),
        ["open"] = f.OpenOnly ? true : null,
        ["overdue"] = f.OverdueOnly ? true : null,
        ["q"] = f.Search,
        ["id"] = f.Id,
    });
}
