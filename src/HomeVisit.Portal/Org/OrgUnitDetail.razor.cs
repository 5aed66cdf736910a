using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.Org;

public partial class OrgUnitDetail
{
    [Inject] private OrgService Org { get; set; } = default!;
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public OrgUnitNode Unit { get; set; } = default!;
    [Parameter] public bool CanManage { get; set; }
    [Parameter] public string? ParentName { get; set; }
    [Parameter] public int SubtreeCount { get; set; }
    [Parameter] public EventCallback<int> OnEdit { get; set; }
    [Parameter] public EventCallback OnAddChild { get; set; }
    /// <summary>After a leader was set or removed: the page loads the tree again.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private LeadershipEdit _leader = new();
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private string? _error;
    // Every person the picker has shown, so the chosen one keeps its label.
    private readonly Dictionary<int, PersonPick> _people = [];

    private async Task<IEnumerable<int?>> SearchPeopleAsync(string? text, CancellationToken ct)
    {
        var picks = await People.PickAsync(User, text, 20, ct);
        foreach (var p in picks) _people[p.Id] = p;
        return picks.Select(p => (int?)p.Id);
    }

    // PersonPick.Label in the reader's language: its brackets are the language's own.
    private string PersonLabel(int? id) => id is int i && _people.TryGetValue(i, out var p)
        ? T.Format("{0}（{1}）", p.Name, string.IsNullOrEmpty(p.UnitName) ? p.StaffNumber : $"{p.UnitName} {p.Position}")
        : "";

    private async Task AddLeaderAsync()
    {
        var leader = _leader;
        if (await _form.RunAsync(() => Org.AddLeaderAsync(User, Unit.Id, leader), _validation, T))
        {
            Snackbar.Add(T.Format("已保存：{0}", PersonLabel(leader.PersonId)), Severity.Success);
            _leader = new LeadershipEdit();
            await OnChanged.InvokeAsync();
        }
        _error = _form.Error;
    }

    private async Task RemoveLeaderAsync(LeaderView leader)
    {
        _error = null;
        if (!await Dialogs.ConfirmAsync(T["移除领导"], T.Format("确定取消 {0} 在{1}的“{2}”职责吗？", leader.Name, Unit.Name, T.Enum(leader.Role)),
                T["移除"], T["取消"])) return;
        try
        {
            await Org.RemoveLeaderAsync(User, Unit.Id, leader.PersonId, leader.Role);
            Snackbar.Add(T.Format("已移除：{0}", leader.Name), Severity.Success);
        }
        catch (Exception e) when (e is PortalValidationException or NotFoundException or AccessDeniedException)
        {
            _error = T.Error(e);
        }
        await OnChanged.InvokeAsync();
    }
}
