using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Portal.Quotas;

public partial class QuotasPage
{
    [Inject] private QuotaService Quotas { get; set; } = default!;
    [Inject] private ProgrammeRulesService ProgrammeRules { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser? _user;
    private DateOnly _today;
    private int _tab;
    private List<MyQuotaCard>? _mine;

    // Overseers: one programme and period at a time, shared by the roll-up and the list of people.
    private List<IProgrammeModule> _overseen = [];
    private string? _oKey;
    private DateOnly _oDay;
    private IReadOnlyList<Period> _oPeriods = [];
    private UnitRollup? _rollup;
    private IReadOnlyList<UnitOption> _units = [];
    private int? _unitId;
    private bool _behindOnly = true;

    protected override async Task OnInitializedAsync()
    {
        var user = PortalUser.FromPrincipal((await AuthState).User)!;
        _today = Clock.Today();
        var enabled = (await ProgrammeRules.ProgrammesForAsync(user)).Where(p => p.Enabled).Select(p => p.Module).ToList();

        foreach (var m in enabled.Where(m => Quotas.CanOversee(user, m.Key)))
        {
            var (_, rules) = await Quotas.PeriodOnAsync(user.InstitutionId, m.Key, _today);
            if (rules.Quotas.Count > 0) _overseen.Add(m);
        }
        if (_overseen.Count > 0)
        {
            _units = await Org.GetOptionsAsync(user);
            await SelectProgrammeAsync(user, _overseen[0].Key);
        }

        if (user.PersonId is not null)
        {
            var cards = new List<MyQuotaCard>();
            foreach (var m in enabled)
            {
                var mine = await Quotas.MyQuotasAsync(user, m.Key, _today);
                var periods = mine.Lines.Count > 0 ? await Quotas.PeriodsAsync(user.InstitutionId, m.Key, _today) : [];
                cards.Add(new MyQuotaCard(m, periods, mine, mine.Lines.Count > 0));
            }
            _mine = cards;
        }
        _user = user;
    }

    private async Task ChangeMyPeriodAsync((MyQuotaCard Card, DateOnly Day) change)
    {
        if (_mine is null) return;
        var updated = change.Card with { Quotas = await Quotas.MyQuotasAsync(_user!, change.Card.Module.Key, change.Day) };
        _mine[_mine.IndexOf(change.Card)] = updated;
    }

    private async Task SelectProgrammeAsync(PortalUser user, string key)
    {
        _oKey = key;
        _oPeriods = await Quotas.PeriodsAsync(user.InstitutionId, key, _today);
        _oDay = _oPeriods[0].Start;
        _rollup = await Quotas.UnitRollupAsync(user, _oKey, _oDay);
    }

    // The list of people reloads itself when the programme, period or filters it is given change.
    private async Task ChangeProgrammeAsync(string? key)
    {
        if (key is null || key == _oKey || _overseen.All(m => m.Key != key)) return;
        await SelectProgrammeAsync(_user!, key);
    }

    private async Task ChangePeriodAsync(DateOnly day)
    {
        if (day == _oDay) return;
        _oDay = day;
        _rollup = await Quotas.UnitRollupAsync(_user!, _oKey!, _oDay);
    }

    /// <summary>From the roll-up: the people of that unit who are behind.</summary>
    private void ShowUnit(int? unitId)
    {
        _unitId = unitId;
        _behindOnly = true;
        _tab = _user!.PersonId is null ? 1 : 2;
    }
}
