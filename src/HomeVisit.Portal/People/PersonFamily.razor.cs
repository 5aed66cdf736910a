using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.People;

public partial class PersonFamily
{
    [Inject] private PeopleService People { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public PortalUser User { get; set; } = default!;
    [Parameter, EditorRequired] public int PersonId { get; set; }
    [Parameter, EditorRequired] public PersonDetail Person { get; set; } = default!;

    /// <summary>After a member was saved or deleted: the page loads the person again.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private FamilyMemberEdit? _family;
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();
    private string? _error;

    private void StartEdit(FamilyMemberView? member)
    {
        _error = null;
        _form.Reset();
        _family = member is null ? new FamilyMemberEdit() : FamilyMemberEdit.From(member);
    }

    private void Cancel()
    {
        _family = null;
        _form.Reset();
    }

    private async Task SaveAsync()
    {
        if (_family is not { } family) return;
        if (await _form.RunAsync(() => People.SaveFamilyMemberAsync(User, PersonId, family), _validation, T))
        {
            Snackbar.Add(T.Format("已保存：{0}", family.Name ?? ""), Severity.Success);
            _family = null;
            await OnChanged.InvokeAsync();
        }
    }

    // After a conflict the user chose the latest version: show the member as it is now (or say it is gone).
    private async Task ReloadAsync()
    {
        if (_family is null) return;
        var id = _family.Id;
        await OnChanged.InvokeAsync();
        var fresh = Person.Family.FirstOrDefault(f => f.Id == id);
        _family = fresh is null ? null : FamilyMemberEdit.From(fresh);
        if (fresh is null) _error = T["该家庭成员已被删除。"];
    }

    private async Task RemoveAsync(FamilyMemberView member)
    {
        _error = null;
        if (!await Dialogs.ConfirmAsync(T["删除家庭成员"], T.Format("确定删除家庭成员 {0} 吗？", member.Name), T["删除"], T["取消"])) return;
        try
        {
            await People.RemoveFamilyMemberAsync(User, PersonId, member.Id);
            Snackbar.Add(T.Format("已删除：{0}", member.Name), Severity.Success);
            if (_family?.Id == member.Id) _family = null;
        }
        catch (Exception e) when (e is PortalValidationException or NotFoundException or AccessDeniedException)
        {
            _error = T.Error(e);
        }
        await OnChanged.InvokeAsync();
    }
}
