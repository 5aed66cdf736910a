using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Programmes.Huifang;

public partial class SanctionEditPage
{
    [Inject] private SanctionService Sanctions { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int? Id { get; set; }

    private readonly FormSubmission _form = new();
    private SanctionEdit? _model;
    private EditContext? _edit;
    private ServerValidation? _validation;
    private List<PersonPick> _person = [];
    private bool _notFound;

    private string Title => Id is null ? T["登记受处分人员"] : T["修改受处分人员信息"];
    private string BackHref => Id is int id ? $"/programmes/huifang/sanctions/{id}" : "/programmes/huifang/sanctions";

    protected override async Task OnParametersSetAsync()
    {
        if (User is { } user && SanctionAccess.CanWrite(user)) await LoadAsync();
    }

    // A record the user may not see is one that does not exist (the programme is confidential).
    private async Task LoadAsync() => _notFound |= await PageLoad.RunAsync(async () =>
    {
        _model = Id is int id ? SanctionEdit.From(await Sanctions.GetAsync(User!, id)) : new SanctionEdit();
        _person = _model.PersonId is int p ? (await People.GetPicksAsync(User!, [p])).ToList() : [];
        _edit = new EditContext(_model);
    }, T) is not null;

    private void PersonChanged(IReadOnlyList<PersonPick> picks)
    {
        _person = picks.ToList();
        _model!.PersonId = _person.FirstOrDefault()?.Id;
        _edit!.NotifyFieldChanged(_edit.Field(nameof(SanctionEdit.PersonId)));
    }

    private async Task SaveAsync()
    {
        var id = 0;
        if (await _form.RunAsync(async () => id = await Sanctions.SaveAsync(User!, _model!), _validation, T))
        {
            Snackbar.Add(T["已保存"], Severity.Success);
            Nav.NavigateTo($"/programmes/huifang/sanctions/{id}");
        }
    }
}
