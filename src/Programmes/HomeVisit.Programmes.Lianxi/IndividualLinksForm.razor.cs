using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace HomeVisit.Programmes.Lianxi;

public partial class IndividualLinksForm
{
    [Inject] private LianxiLinkService Links { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    /// <summary>The leader as loaded; a new instance (after a save or a reload) starts the form again from it.</summary>
    [Parameter, EditorRequired] public LeaderLinks Leader { get; set; } = default!;
    [Parameter, EditorRequired] public DateOnly Today { get; set; }
    /// <summary>Saved: the page says so and reloads the leader.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }
    /// <summary>The user chose to reload after a conflict: the page reloads the leader.</summary>
    [Parameter] public EventCallback OnReload { get; set; }

    private IndividualLinksEdit _edit = new();
    private EditContext _editContext = default!;
    private List<PersonPick> _people = [];
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private LeaderLinks? _startedFrom;
    // The confirmation appears once the service asked for it (三、2 warning about 入党积极分子).
    private bool _askActivists;

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_startedFrom, Leader)) return;
        _startedFrom = Leader;
        _edit = new IndividualLinksEdit
        {
            LeaderId = Leader.LeaderId, StartsOn = Today.ToDateTime(TimeOnly.MinValue),
            People = Leader.Individuals.Select(i => new IndividualLinkItem { PersonId = i.PersonId!.Value, Category = i.Category ?? LinkedPersonCategory.Other }).ToList(),
            EndsOn = Leader.Individuals.Select(i => i.EndsOn).FirstOrDefault()?.ToDateTime(TimeOnly.MinValue),
        };
        _editContext = new EditContext(_edit);
        _people = (await People.GetPicksAsync(User, _edit.People.Select(p => p.PersonId))).ToList();
    }

    private LinkedPersonCategory Category(int personId) =>
        _edit.People.FirstOrDefault(p => p.PersonId == personId)?.Category ?? LinkedPersonCategory.Expert;

    private void SetCategory(int personId, LinkedPersonCategory category)
    {
        if (_edit.People.FirstOrDefault(p => p.PersonId == personId) is { } item) item.Category = category;
    }

    private void PeopleChanged(IReadOnlyList<PersonPick> picks)
    {
        _people = picks.ToList();
        _edit.People = _people.Select(p => _edit.People.FirstOrDefault(x => x.PersonId == p.Id) ?? new IndividualLinkItem { PersonId = p.Id }).ToList();
        _editContext.NotifyFieldChanged(_editContext.Field(nameof(IndividualLinksEdit.People)));
    }

    private async Task SaveAsync()
    {
        if (await _form.RunAsync(() => Links.SaveIndividualsAsync(User, _edit), _validation, T))
        {
            await OnSaved.InvokeAsync();
            return;
        }
        _askActivists |= _editContext.GetValidationMessages(_editContext.Field(nameof(IndividualLinksEdit.ConfirmWithoutActivists))).Any();
    }
}
