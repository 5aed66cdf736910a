using HomeVisit.Core.Accounts;

namespace HomeVisit.Programmes.Lianxi;

public partial class ProgressPage
{
    private LeaderProgress? _p => Data;

    protected override Task<LeaderProgress> LoadForAsync(PortalUser user, int leaderId, DateOnly day) =>
        Progress.ProgressAsync(user, leaderId, day);

    private string Range(LinkView l) => l.EndsOn is { } end ? $"{l.StartsOn:yyyy-MM-dd} – {end:yyyy-MM-dd}" : T.Format("{0} 起", l.StartsOn.ToString("yyyy-MM-dd"));
}
