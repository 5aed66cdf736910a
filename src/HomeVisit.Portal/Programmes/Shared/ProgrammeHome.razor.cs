using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.Programmes.Shared;

public partial class ProgrammeHome
{
    [Inject] private ProgrammeCatalog Catalog { get; set; } = default!;
    [Inject] private ProgrammeRulesService Rules { get; set; } = default!;
    [Inject] private ProgrammeTexts ModuleTexts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private Core.Archives.RecordArchiveService Archives { get; set; } = default!;

    [Parameter, EditorRequired] public string Key { get; set; } = "";
    [Parameter] public RenderFragment? ChildContent { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser? _user;
    private IProgrammeModule? _module;
    private ProgrammeRules? _rules;
    private Period? _period;
    private bool _disabled, _archiveLink;

    protected override async Task OnParametersSetAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        _module = Catalog.Find(Key);
        // A programme the user may not see shows as not found, like a disabled one (the gate answers 404 over HTTP).
        if (_module is not null && !ProgrammeCatalog.MayUse(_user, _module)) _module = null;
        if (_module is null) return;
        _disabled = !await Rules.IsEnabledAsync(_user.InstitutionId, Key);
        if (_disabled) return;
        _rules = await Rules.CurrentRulesAsync(_user.InstitutionId, Key);
        _period = Periods.Containing(_rules.Period, Clock.Today(), _rules.Semester);
        // A module that lists its archive on its own page links to it from its own section.
        _archiveLink = Archives.Find(Key) is { OwnPage: null } && await Archives.MayReadAsync(_user, Key);
    }

    // "at least 1 times" reads wrong in English: a minimum of one has its own text.
    private string QuotaMinimum(QuotaRule q)
    {
        var period = T[Periods.KindName(_rules!.Period)];
        var people = q.Count == QuotaCount.DistinctPeople;
        return q.Minimum == 1
            ? T.Format(people ? "每{0}不少于 1 人" : "每{0}不少于 1 次", period)
            : T.Format(people ? "每{0}不少于 {1} 人" : "每{0}不少于 {1} 次", period, q.Minimum);
    }
}
