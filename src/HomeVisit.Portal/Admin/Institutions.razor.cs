using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Scheduling;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class Institutions
{
    [Inject] private InstitutionService InstitutionsService { get; set; } = default!;
    [Inject] private DailyJobScheduler Scheduler { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private PortalUser _user = default!;
    private IReadOnlyList<InstitutionRow> _rows = [];
    private IReadOnlyList<DailyJobStatus> _jobs = [];
    private InstitutionCreate _create = new();
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthState).User)!;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _rows = await InstitutionsService.ListAsync(_user);
        _jobs = await Scheduler.StatusAsync(_user);
    }

    private async Task CreateAsync()
    {
        if (await _form.RunAsync(() => InstitutionsService.CreateAsync(_user, _create), _validation, T))
        {
            Snackbar.Add(T.Format("已创建单位“{0}”，请用新管理员账号登录后导入名单。", _create.Name ?? ""), Severity.Success);
            _create = new InstitutionCreate();
            _rows = await InstitutionsService.ListAsync(_user);
        }
    }
}
