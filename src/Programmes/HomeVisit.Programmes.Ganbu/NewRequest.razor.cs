using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Ganbu;

public partial class NewRequest
{
    [Inject] private GanbuRequestService Requests { get; set; } = default!;
    [Inject] private GanbuSettingsService Settings { get; set; } = default!;
    [Inject] private VisitService Visits { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "visit")] public int? VisitId { get; set; }

    private readonly GanbuRequestInput _input = new();
    private readonly FormSubmission _form = new();
    private ServerValidation? _validation;
    private VisitDetail? _visit;
    private IReadOnlyList<PersonPick> _picked = [];
    private GanbuSettings? _days;
    private GanbuRoute? _route;
    private string? _routeProblem, _loadError;

    private string BackHref => _visit is null ? "/programmes/ganbu/requests" : $"/visits/{_visit.Id}";

    protected override async Task LoadAsync()
    {
        var d = await Settings.GetDeadlinesAsync(Me);
        _days = new GanbuSettings { OrdinaryDays = d.OrdinaryDays, SpecialDays = d.SpecialDays, MajorDays = d.MajorDays };
        if (VisitId is int visitId && _visit?.Id != visitId)
        {
            (_visit, _loadError) = await PageLoad.RunAsync(() => Visits.GetAsync(Me, visitId), T);
            if (_visit is null) return;
            _input.SourceVisitId = visitId;
            _input.RequesterPersonId = _visit.Targets.FirstOrDefault(t => t.PersonId is not null)?.PersonId;
        }
        await PreviewAsync();
    }

    // Who will handle it follows the requester and the tier: shown before filing, so a wrong tier is caught here.
    private async Task PreviewAsync() =>
        (_route, _routeProblem) = await Requests.PreviewRouteAsync(Me, _input.RequesterPersonId, _input.Tier);

    private async Task SetRequesterAsync(int? id)
    {
        _input.RequesterPersonId = id;
        await PreviewAsync();
    }

    private Task PickAsync(IReadOnlyList<PersonPick> picked)
    {
        _picked = picked;
        return SetRequesterAsync(picked.FirstOrDefault()?.Id);
    }

    private async Task SetTierAsync(GanbuTier t)
    {
        _input.Tier = t;
        await PreviewAsync();
    }

    private string TargetText(int? personId) =>
        _visit?.Targets.FirstOrDefault(t => t.PersonId == personId) is { } t ? $"{t.Name}（{t.UnitName} {t.Position}）" : "";

    private async Task SubmitAsync()
    {
        var id = 0;
        if (await _form.RunAsync(async () => id = await Requests.FileAsync(Me, _input), _validation, T))
            Nav.NavigateTo($"/programmes/ganbu/requests/{id}");
    }
}
