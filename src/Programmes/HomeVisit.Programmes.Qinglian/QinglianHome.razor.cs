using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using Microsoft.AspNetCore.Components;

namespace HomeVisit.Programmes.Qinglian;

public partial class QinglianHome
{
    [Inject] private QinglianHouseholdService Households { get; set; } = default!;
    [Inject] private FollowUpReportService Reports { get; set; } = default!;

    [CascadingParameter] private PortalUser? User { get; set; }

    private HouseholdPage? _page;
    private PagedResult<ReportDueRow>? _due;
    private bool _canEdit;

    protected override async Task OnParametersSetAsync()
    {
        var user = User!;
        _canEdit = ContentTemplateService.CanEdit(user);
        _page = await Households.ListAsync(user, new HouseholdQuery(PageSize: 1));
        _due = await Reports.DueListAsync(user, QinglianModule.ProgrammeKey, pageSize: 10);
    }
}
