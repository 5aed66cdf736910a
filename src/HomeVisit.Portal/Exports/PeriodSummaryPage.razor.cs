using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace HomeVisit.Portal.Exports;

public partial class PeriodSummaryPage
{
    [Inject] private PeriodSummaryService Summaries { get; set; } = default!;
    [Inject] private QuotaService Quotas { get; set; } = default!;
    [Inject] private ExportService Exports { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ProgrammeCatalog Catalog { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter] public string Key { get; set; } = "";
    [SupplyParameterFromQuery(Name = "day")] public string? QDay { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private PeriodSummary? _summary;
    private IReadOnlyList<Period> _periods = [];
    private DateOnly _day;
    private string? _error;
    private bool _notFound;

    protected override async Task OnParametersSetAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _notFound = !Catalog.MayUse(_user, Key);
        if (_notFound) return;
        _day = DateOnly.TryParse(QDay, out var d) ? d : Clock.Today();
        try
        {
            _periods = await Quotas.PeriodsAsync(_user.InstitutionId, Key, Clock.Today(), 8);
            _summary = await Summaries.BuildAsync(_user, Key, _day);
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
        catch (AccessDeniedException e)
        {
            _error = T.Error(e);
        }
    }

    private void PeriodChanged(string? day) => Nav.NavigateTo($"/programmes/{Key}/summary?day={day}");

    // A file, not a page: the browser loads it outside the circuit's router.
    private void DownloadXlsx() => Nav.NavigateTo($"/programmes/{Key}/summary.xlsx?day={_day:yyyy-MM-dd}", forceLoad: true);

    private async Task PrintAsync()
    {
        await Exports.AuditAsync(_user, "print", $"summary {Key} {_summary!.Period.Label}", programmeKey: Key);
        await JS.InvokeVoidAsync("portal.print");
    }
}
