using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;

namespace HomeVisit.Portal.Quotas;

/// <summary>A programme in "my quotas"; shown when a quota applies in the current period, and then kept when another period is picked.</summary>
public sealed record MyQuotaCard(IProgrammeModule Module, IReadOnlyList<Period> Periods, MyQuotas Quotas, bool Shown);
