using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Core.Quotas;

/// <summary>
/// One quota a visitor must reach in a period, with what the recorded visits show.
/// <see cref="Owed"/> is what is still missing once done visits are counted; planned visits do not reduce it.
/// </summary>
/// <param name="RuleIndex">Position of the rule in the programme's quota list (stable within one rule set).</param>
/// <param name="Unit">人 for distinct people, 次 for visits.</param>
/// <param name="Reason">The Chinese sentence that explains the line to the leader.</param>
public sealed record QuotaLine(
    int RuleIndex,
    string RuleName,
    string? Source,
    QuotaCount Count,
    string Unit,
    int Required,
    int Done,
    int Planned,
    int Owed,
    string Reason)
{
    public bool Met => Owed == 0;

    /// <summary><see cref="Reason"/> as a message the page shows in the user's language (Texts.Message).</summary>
    public Data.PortalMessage? ReasonMessage { get; init; }
}

/// <summary>The signed-in user's quota lines for one programme and period; <see cref="Reason"/> says why there are none.</summary>
public sealed record MyQuotas(string ProgrammeKey, Period Period, IReadOnlyList<QuotaLine> Lines, string? Reason)
{
    /// <summary>
    /// The person's visits of the programme planned for a day of the period before today and never recorded (VisitSchedule):
    /// counted in no line, shown beside them; the visit list's 逾期未完成 of the same programme, period and person
    /// (<see cref="OverdueVisits"/>) lists exactly these.
    /// </summary>
    public int Overdue { get; init; }

    /// <summary>The visit-list query behind <see cref="Overdue"/> (the card links to it).</summary>
    public Visits.VisitQuery OverdueVisits => new(ProgrammeKey: ProgrammeKey, From: Period.StartTime, To: Period.End.ToDateTime(TimeOnly.MinValue),
        MineOnly: true, Open: Visits.VisitOpenFilter.Overdue);

    /// <summary><see cref="Reason"/> as a message the page shows in the user's language.</summary>
    public Data.PortalMessage? ReasonMessage { get; init; }
}

/// <summary>One visitor's lines in the overseers' list.</summary>
public sealed record VisitorQuotaRow(int PersonId, string Name, int? UnitId, string? UnitName, IReadOnlyList<QuotaLine> Lines, int Owed)
{
    public bool Behind => Owed > 0;
    public int Required => Lines.Sum(l => l.Required);
    public int Done => Lines.Sum(l => l.Done);
    public int Planned => Lines.Sum(l => l.Planned);
}

public sealed record VisitorQuotaPage(Period Period, Data.PagedResult<VisitorQuotaRow> Rows);

/// <summary>
/// A top-level unit's roll-up (its sub-units included). <see cref="Done"/> sums each line's done count capped
/// at what the line requires, so one leader's extra visits do not hide another's shortfall.
/// </summary>
/// <param name="UnitId">Null for people without a unit and for the institution total.</param>
public sealed record UnitQuotaRow(int? UnitId, string UnitName, int Visitors, int OnTrack, int Behind, int Required, int Done)
{
    /// <summary>Done as a share of required, 0–100; 100 when nothing is required.</summary>
    public int Percent => Required == 0 ? 100 : (int)Math.Round(100.0 * Done / Required);
}

public sealed record UnitRollup(Period Period, IReadOnlyList<UnitQuotaRow> Units, UnitQuotaRow Total);

/// <summary>What one link (a linked branch, its secretary, a linked individual) counts toward a per-link quota line.</summary>
public sealed record LinkTally(int Done, int Planned);

/// <summary>
/// Counts the quotas a programme owes per link (<see cref="QuotaRule.Per"/> other than <see cref="QuotaPer.Visitor"/>). The core
/// keeps no links: the programme module that keeps them registers its counter in <c>IProgrammeModule.AddServices</c>, so
/// <see cref="QuotaService"/> (and through it the home card, /quotas, the dashboard and the period summary) and the
/// programme's own pages count with the same definition. A programme with per-link rules and no counter owes no per-link line.
/// </summary>
public interface IQuotaLinkCounter
{
    string ProgrammeKey { get; }

    /// <summary>
    /// For each per-link rule (by index in <paramref name="rules"/>): each person with such a link in the period (only
    /// <paramref name="onlyPerson"/> when given), with one tally per link.
    /// </summary>
    Task<Dictionary<int, Dictionary<int, List<LinkTally>>>> TallyAsync(PortalDbContext db, int institutionId, Period period, ProgrammeRules rules,
        int? onlyPerson, CancellationToken ct);
}
