using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HomeVisit.Programmes.Qinglian;

public partial class HouseholdView
{
    [Inject] private QinglianHouseholdService Households { get; set; } = default!;
    [Inject] private CommitmentService Commitments { get; set; } = default!;

    [Parameter] public int PersonId { get; set; }
    [SupplyParameterFromQuery(Name = "visit")] public int? QVisit { get; set; }

    private HouseholdDetail? _detail;
    private IReadOnlyList<CommitmentView> _commitments = [];
    private bool _canRecord;

    protected override async Task LoadRecordsAsync()
    {
        _detail = await Households.GetAsync(_user!, PersonId);
        _commitments = await Commitments.ForPersonAsync(_user!, PersonId);
        _canRecord = await Commitments.CanRecordAsync(_user!, PersonId, QVisit);
    }

    protected override void ClearRecords() => _detail = null;

    internal static string SizeText(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    private static Color StatusColor(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Visited => Color.Success,
        HouseholdStatus.Scheduled => Color.Info,
        _ => Color.Warning,
    };
}
