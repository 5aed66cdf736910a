using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class UserEditPage
{
    [Inject] private UserAdminService UsersAdmin { get; set; } = default!;
    [Inject] private AccountRoles KnownRoles { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter] public int? Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private UserEdit? _edit;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private bool _notFound;
    // Every person the picker has shown, so the chosen one keeps its label.
    private readonly Dictionary<int, PersonPick> _people = [];

    private string Title => Id is null ? T["新增账号"] : T["编辑账号"];

    protected override async Task OnParametersSetAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _validation?.Clear();
        try
        {
            _edit = Id is int id ? await UsersAdmin.GetAsync(_user, id) : new UserEdit { Roles = [Roles.Staff] };
            _notFound = false;
            foreach (var p in await People.GetPicksAsync(_user, _edit.PersonId is int pid ? [pid] : [])) _people[p.Id] = p;
        }
        catch (NotFoundException)
        {
            _edit = null;
            _notFound = true;
        }
    }

    private async Task<IEnumerable<int?>> SearchPeopleAsync(string? text, CancellationToken ct)
    {
        var picks = await People.PickAsync(_user, text, ct: ct);
        foreach (var p in picks) _people[p.Id] = p;
        return picks.Select(p => (int?)p.Id);
    }

    private string PersonLabel(int? id) => id is int i && _people.TryGetValue(i, out var p) ? p.Label : "";

    private void SetRole(string role, bool on)
    {
        _edit!.Roles.Remove(role);
        if (on) _edit.Roles.Add(role);
    }

    private async Task SaveAsync()
    {
        if (_edit is not { } edit) return;
        var id = 0;
        if (await _form.RunAsync(async () => id = await UsersAdmin.SaveAsync(_user, edit), _validation, T))
        {
            Snackbar.Add(T["已保存。"], Severity.Success);
            if (Id == id) await LoadAsync();
            else Nav.NavigateTo($"/admin/users/{id}");
        }
    }

    private async Task UnlockAsync()
    {
        await UsersAdmin.UnlockAsync(_user, Id!.Value);
        Snackbar.Add(T["已解除锁定。"], Severity.Success);
    }
}
