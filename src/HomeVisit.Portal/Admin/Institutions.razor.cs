using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Scheduling;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Portal.Admin;

public partial class Institutions
{
    [Inject] private InstitutionService InstitutionsService { get; set; } = default!;
    [Inject] private DailyJobScheduler Scheduler { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    // The signed-in user, cascaded by the layout (PortalUserCascade); the page's policy ensures there is one.
    [CascadingParameter] private PortalUser User { get; set; } = default!;

    private IReadOnlyList<InstitutionRow> _rows = [];
    private IReadOnlyList<DailyJobStatus> _jobs = [];
    private InstitutionCreate _create = new();
    private ServerValidation? _validation;
    private readonly FormSubmission _form = new();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _rows = await InstitutionsService.ListAsync(User);
        _jobs = await Scheduler.StatusAsync(User);
    }

    private async Task CreateAsync()
    {
        if (await _form.RunAsync(() => InstitutionsService.CreateAsync(User, _create), _validation, T))
        {
            Snackbar.Add(T.Format("已创建单位“{0}”，请用新管理员账号登录后导入名单。", _create.Name ?? ""), Severity.Success);
            _create = new InstitutionCreate();
            _rows = await InstitutionsService.ListAsync(User);
        }
    }
}
