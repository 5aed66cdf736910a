using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace HomeVisit.Programmes.Lianxi;

public partial class BranchLinksForm
{
    [Inject] private LianxiLinkService Links { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    /// <summary>The leader as loaded; a new instance (after a save or a reload) starts the form again from it.</summary>
    [Parameter, EditorRequired] public LeaderLinks Leader { get; set; } = default!;
    [Parameter, EditorRequired] public DateOnly Today { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<UnitOption> Branches { get; set; } = [];
    /// <summary>Saved: the page says so and reloads the leader.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }
    /// <summary>The user chose to reload after a conflict: the page reloads the leader.</summary>
    [Parameter] public EventCallback OnReload { get; set; }

    private BranchLinksEdit _edit = new();
    private EditContext _editContext = default!;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private LeaderLinks? _startedFrom;
    // The confirmation appears once the service asked for it (三、1 “一般……范围内确定”).
    private bool _askOutside;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_startedFrom, Leader)) return;
        _startedFrom = Leader;
        _edit = new BranchLinksEdit
        {
            LeaderId = Leader.LeaderId, BranchIds = Leader.Branches.Select(b => b.BranchId!.Value).ToList(),
            StartsOn = Today.ToDateTime(TimeOnly.MinValue),
            EndsOn = Leader.Branches.Select(b => b.EndsOn).FirstOrDefault()?.ToDateTime(TimeOnly.MinValue),
        };
        _editContext = new EditContext(_edit);
    }

    private Task<IEnumerable<int?>> SearchAsync(string? text, CancellationToken _) =>
        Task.FromResult(Branches
            .Where(b => !_edit.BranchIds.Contains(b.Id))
            .Where(b => string.IsNullOrWhiteSpace(text) || b.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(b => (int?)b.Id));

    private string Name(int? id) => id is null ? "" : Branches.FirstOrDefault(b => b.Id == id)?.Name ?? "";

    private void Add(int? id)
    {
        if (id is int branch && !_edit.BranchIds.Contains(branch)) _edit.BranchIds.Add(branch);
    }

    private void Remove(int id) => _edit.BranchIds.Remove(id);

    private async Task SaveAsync()
    {
        if (await _form.RunAsync(() => Links.SaveBranchesAsync(User, _edit), _validation, T))
        {
            await OnSaved.InvokeAsync();
            return;
        }
        _askOutside |= _editContext.GetValidationMessages(_editContext.Field(nameof(BranchLinksEdit.ConfirmOutsideCollege))).Any();
    }
}
