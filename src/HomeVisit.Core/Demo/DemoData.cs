using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Core.Demo;

/// <summary>
/// What a programme module's demo data (<see cref="Programmes.IProgrammeModule.AddDemoData"/>) builds on: the demo
/// institution and its saved roster (people and units have ids), the seeding clock, and helpers that add visits and
/// follow-up items the way the demo tells its story. The seeder saves everything the modules added in one transaction.
/// </summary>
public sealed class DemoData
{
    private readonly List<Visit> _visits = [];
    private readonly List<FollowUpItem> _followUps = [];
    private readonly List<(Visit FollowOn, Visit Root)> _chainLinks = [];

    internal DemoData(PortalDbContext db, int institutionId, DemoRoster roster, DateTime nowUtc, DateTime beijingNow)
    {
        Db = db;
        InstitutionId = institutionId;
        Roster = roster;
        NowUtc = nowUtc;
        BeijingNow = beijingNow;
    }

    /// <summary>For the module's own entities: <c>Db.Set&lt;T&gt;().Add(...)</c>.</summary>
    public PortalDbContext Db { get; }

    public int InstitutionId { get; }

    public DemoRoster Roster { get; }

    /// <summary>Seeding time, whole minutes, UTC.</summary>
    public DateTime NowUtc { get; }

    /// <summary>The same instant on the institution's wall clock.</summary>
    public DateTime BeijingNow { get; }

    public DateTime TodayStart => BeijingNow.Date;

    public DateOnly Today => DateOnly.FromDateTime(BeijingNow);

    /// <summary>The demo admin's account id, the creator of seeded rows.</summary>
    public int AdminId => Roster.Admin.Id;

    /// <summary>
    /// A planned visit <paramref name="dayOffset"/> days from today at the given wall-clock time; visitors with the
    /// recorder flagged, persons visited, family met, and a party branch as target for branch activities.
    /// </summary>
    public Visit NewVisit(
        string programme, VisitForm form, int dayOffset, int hour, int minute, int minutes, string? place, string purpose,
        (Person Person, bool IsRecorder)[] visitors, Person[] targets, FamilyMember[] familyMet, OrgUnit? branch = null)
    {
        var start = TodayStart.AddDays(dayOffset).AddHours(hour).AddMinutes(minute);
        var visit = new Visit
        {
            InstitutionId = InstitutionId,
            ProgrammeKey = programme,
            Form = form,
            PlannedStart = start,
            PlannedEnd = start.AddMinutes(minutes),
            Place = place,
            Purpose = purpose,
            Status = VisitStatus.Planned,
            CreatedByUserId = AdminId,
            // Planned about a week ahead, and at the latest two days ago (before any notice went out).
            CreatedAt = Min(ToUtc(start).AddDays(-7), NowUtc.AddDays(-2)),
        };
        foreach (var (person, isRecorder) in visitors) visit.Visitors.Add(new VisitVisitor { Person = person, IsRecorder = isRecorder });
        foreach (var person in targets) visit.Targets.Add(new VisitTarget { Person = person });
        if (branch is not null) visit.Targets.Add(new VisitTarget { OrgUnit = branch });
        foreach (var member in familyMet) visit.FamilyMet.Add(new VisitFamilyMet { FamilyMember = member });
        _visits.Add(visit);
        return visit;
    }

    /// <summary>Adds a visit built by the module itself (ids instead of navigations, other times).</summary>
    public Visit Add(Visit visit)
    {
        _visits.Add(visit);
        return visit;
    }

    /// <summary>Records the visit as done as planned, written up the next day, notified three days before.</summary>
    public static void Done(Visit visit, string record, string? problems, string? resolution)
    {
        visit.Status = VisitStatus.Done;
        visit.ActualStart = visit.PlannedStart;
        visit.Record = record;
        visit.ProblemsFound = problems;
        visit.Resolution = resolution;
        visit.CompletedAt = ToUtc(visit.PlannedEnd).AddDays(1);
        visit.NotifiedAt = ToUtc(visit.PlannedStart).AddDays(-3);
    }

    public FollowUpItem FollowUp(
        Visit visit, FollowUpKind kind, string category, string summary, Person? raisedBy, string? raisedByName, Person owner,
        int deadlineInDays, FollowUpStatus status, string? details = null, string? resolution = null, string? feedback = null,
        string? withdrawReason = null, int? closedDaysAgo = null)
    {
        var closed = status is FollowUpStatus.Resolved or FollowUpStatus.Withdrawn;
        var item = new FollowUpItem
        {
            InstitutionId = InstitutionId,
            ProgrammeKey = visit.ProgrammeKey,
            Visit = visit,
            Kind = kind,
            Category = category,
            Summary = summary,
            Details = details,
            RaisedByPerson = raisedBy,
            RaisedByName = raisedByName,
            OwnerPerson = owner,
            Deadline = DateOnly.FromDateTime(TodayStart.AddDays(deadlineInDays)),
            Status = status,
            Resolution = resolution,
            Feedback = feedback,
            WithdrawReason = withdrawReason,
            CreatedByUserId = AdminId,
            CreatedAt = visit.CompletedAt ?? NowUtc,
            ClosedAt = closed ? NowUtc.AddDays(-(closedDaysAgo ?? 1)) : null,
            ClosedByUserId = closed ? AdminId : null,
        };
        _followUps.Add(item);
        return item;
    }

    /// <summary>Adds a follow-up item built by the module itself (not raised on a visit).</summary>
    public FollowUpItem Add(FollowUpItem item)
    {
        _followUps.Add(item);
        return item;
    }

    /// <summary>Points <paramref name="followOn"/> at <paramref name="root"/> once both are saved (a 定期回访 after its 重点约访).</summary>
    public void LinkChain(Visit followOn, Visit root) => _chainLinks.Add((followOn, root));

    /// <summary>The person's first family member of the relation (the roster adds a father before a mother).</summary>
    public static FamilyMember Family(Person person, FamilyRelation relation)
        => person.Family.FirstOrDefault(f => f.Relation == relation)
           ?? throw new InvalidOperationException($"The demo roster gave {person.Name} no {relation}.");

    public static DateTime ToUtc(DateTime beijing) => DateTime.SpecifyKind(InstitutionTime.ToUtc(beijing), DateTimeKind.Utc);

    internal void AddTo(PortalDbContext db)
    {
        db.Visits.AddRange(_visits);
        db.FollowUpItems.AddRange(_followUps);
    }

    internal bool LinkChains()
    {
        foreach (var (followOn, root) in _chainLinks) followOn.ParentVisitId = root.Id;
        return _chainLinks.Count > 0;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
