using HomeVisit.Core.Data;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.People;

public partial class PersonEditPage
{
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }
    [Parameter] public int? Id { get; set; }

    private PortalUser? _user;
    private PersonEdit? _model;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private bool _notFound;
    private IReadOnlyList<UnitOption> _units = [];
    private Dictionary<int, UnitOption> _unitsById = [];

    private string Title => Id is null ? T["新增人员"] : T["编辑人员信息"];
    private string CancelHref => Id is int id ? $"/people/{id}" : "/people";

    // Members and probationary members belong to a branch; the service keeps the branch only for them.
    private bool IsPartyMember => _model?.Party is PartyMembership.Member or PartyMembership.Probationary;

    protected override async Task OnParametersSetAsync()
    {
        _user ??= User!;
        // The read is audited: load once, in the interactive circuit, not again for the prerendered HTML.
        if (!RendererInfo.IsInteractive) return;
        _units = await Org.GetOptionsAsync(_user);
        _unitsById = _units.ToDictionary(u => u.Id);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _validation?.Clear();
        if (Id is not int id)
        {
            _model = new PersonEdit();
            return;
        }
        try
        {
            _model = PersonEdit.From(await People.GetAsync(_user!, id));
            _notFound = false;
        }
        catch (Exception e) when (e is NotFoundException or AccessDeniedException)
        {
            _model = null;
            _notFound = true;
        }
    }

    private async Task SaveAsync()
    {
        if (_model is null) return;
        var id = 0;
        if (!IsPartyMember) _model.PartyBranchId = null;
        if (await _form.RunAsync(async () => id = await People.SaveAsync(_user!, _model), _validation, T))
        {
            Snackbar.Add(T.Format("已保存：{0}", _model.Name ?? ""), Severity.Success);
            Nav.NavigateTo($"/people/{id}");
        }
    }

    private string UnitName(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Name : "";

    // The list shows the tree by indenting; the chosen unit shows just its name.
    private string UnitLabel(int? id) => id is int i && _unitsById.TryGetValue(i, out var u) ? u.Label : "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) => Task.FromResult(Search(_units, text));

    private Task<IEnumerable<int?>> SearchBranchesAsync(string? text, CancellationToken _) =>
        Task.FromResult(Search(_units.Where(u => u.Kind == OrgUnitKind.PartyBranch), text));

    private static IEnumerable<int?> Search(IEnumerable<UnitOption> units, string? text) =>
        units.Where(u => string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
             .Select(u => (int?)u.Id);
}
