using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.Org;

public partial class OrgUnitForm
{
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public OrgUnitEdit Edit { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<UnitOption> Options { get; set; } = [];
    /// <summary>After a save, with the unit's id.</summary>
    [Parameter] public EventCallback<int> OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    private async Task SaveAsync()
    {
        var id = 0;
        var edit = Edit;
        if (await _form.RunAsync(async () => id = await Org.SaveUnitAsync(User, edit), _validation, T))
        {
            Snackbar.Add(T.Format("已保存：{0}", edit.Name ?? ""), Severity.Success);
            await OnSaved.InvokeAsync(id);
        }
    }

    // After a conflict the user chose the latest version: the form shows the unit as it is now.
    private async Task ReloadAsync()
    {
        try
        {
            var fresh = await Org.GetUnitAsync(User, Edit.Id);
            Edit.Name = fresh.Name;
            Edit.ParentId = fresh.ParentId;
            Edit.Kind = fresh.Kind;
            Edit.Code = fresh.Code;
            Edit.SortOrder = fresh.SortOrder;
            Edit.Version = fresh.Version;
            _validation?.Clear();
        }
        catch (NotFoundException e)
        {
            _form.Error = T.Error(e);
        }
    }

    private string UnitName(int? id) => Options.FirstOrDefault(u => u.Id == id)?.Name ?? "";

    // The list shows the tree by indenting; the chosen unit shows just its name.
    private string UnitLabel(int? id) => Options.FirstOrDefault(u => u.Id == id)?.Label ?? "";

    private Task<IEnumerable<int?>> SearchUnitsAsync(string? text, CancellationToken _) =>
        Task.FromResult(Options.Where(u => u.Id != Edit.Id && (string.IsNullOrWhiteSpace(text) || u.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)))
                               .Select(u => (int?)u.Id));
}
