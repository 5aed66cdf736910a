using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Lianxi;

public partial class FeedbackPage
{
    [Inject] private LianxiFeedbackService Feedback { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [SupplyParameterFromQuery(Name = "visit")] public int? VisitFromQuery { get; set; }

    private MudDataGrid<FeedbackRow>? _grid;
    private IReadOnlyList<UnitOption> _units = [];
    private FeedbackScope _scope = FeedbackScope.Raised;
    private bool _started;
    // Registering a row: a concurrent change shows the banner, a refusal the error line.
    private readonly FormSubmission _actions = new();

    // Once the cascaded user is there (it may arrive after the first parameters).
    protected override async Task OnParametersSetAsync()
    {
        if (User is null || _started) return;
        _started = true;
        // Departments that never visit see what was forwarded to them first (set before the grid first loads).
        if (!User.CanVisit) _scope = FeedbackScope.MyUnit;
        _units = (await Org.GetOptionsAsync(User)).Where(u => u.Kind != OrgUnitKind.PartyBranch).ToList();
    }

    // The service pages in the database.
    private async Task<GridData<FeedbackRow>> LoadAsync(GridState<FeedbackRow> state, CancellationToken ct)
    {
        var rows = await Feedback.ListAsync(User!, new FeedbackQuery(_scope, Page: state.Page + 1, PageSize: state.PageSize), ct);
        return new GridData<FeedbackRow> { Items = rows.Items, TotalItems = rows.Total };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private string ScopeName(FeedbackScope scope) => scope switch
    {
        FeedbackScope.MyUnit => T["转交本部门的问题"],
        FeedbackScope.All => T["全部问题"],
        _ => T["我转交的问题"],
    };

    private async Task ScopeChangedAsync(FeedbackScope scope)
    {
        _scope = scope;
        _actions.Reset();
        await ReloadAsync();
    }

    private async Task RaisedAsync()
    {
        _scope = FeedbackScope.Raised;
        await ReloadAsync();
    }

    private async Task RegisterAsync(FeedbackRow row)
    {
        if (!await _actions.RunAsync(() => Feedback.RegisterAsync(User!, row.Id, row.Version), null, T)) return;
        Snackbar.Add(T["已登记。"], Severity.Success);
        await ReloadAsync();
    }

    private async Task AnswerAsync(FeedbackRow row)
    {
        var result = await FeedbackAnswerDialog.AskAsync(Dialogs, T["答复"], row, User!);
        if (result is null) return;
        if (result is true) Snackbar.Add(T["答复已提交。"], Severity.Success);
        await ReloadAsync();
    }

    private static Color StatusColor(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Resolved => Color.Success,
        FollowUpStatus.InProgress => Color.Info,
        _ => Color.Warning,
    };
}
