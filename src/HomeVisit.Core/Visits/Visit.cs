using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;

namespace HomeVisit.Core.Visits;

/// <summary>Whether a visit's plan waited for approval (seed 5: approved before the revisit is recorded).</summary>
public enum ApprovalStatus
{
    NotRequired,
    Pending,
    Approved,
    Rejected,
}

public enum VisitStatus
{
    Planned,
    Notified,
    Done,
    Cancelled,
}

public class Visit : IInstitutionScoped, IAudited, IVersioned
{
    /// <summary>
    /// The longest a planned visit lasts (<see cref="PlannedEnd"/> − <see cref="PlannedStart"/>): every plan is checked
    /// against it, so a query for the visits overlapping a range may look only at those starting this much before it.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public int Id { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The programme module's key (IProgrammeModule.Key).</summary>
    public required string ProgrammeKey { get; set; }
    public VisitForm Form { get; set; }
    public DateTime PlannedStart { get; set; }
    public DateTime PlannedEnd { get; set; }
    public DateTime? ActualStart { get; set; }
    /// <summary>
    /// When the visit counts: <see cref="ActualStart"/> once recorded, else <see cref="PlannedStart"/>. A stored column the
    /// database computes (so no write path can forget it) and indexes; filter and sort on it, never on the coalesce.
    /// </summary>
    public DateTime EffectiveStart { get; private set; }
    public string? Place { get; set; }
    public string? Purpose { get; set; }
    public string? Record { get; set; }
    public string? ProblemsFound { get; set; }
    public string? Resolution { get; set; }
    public VisitStatus Status { get; set; }
    public DateTime? NotifiedAt { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>The priority trigger that prompted the visit, from the programme's rules.</summary>
    public string? Trigger { get; set; }
    /// <summary>The programme's own record-form fields (JSON object, key → value).</summary>
    public string? FormDataJson { get; set; }
    public ApprovalStatus Approval { get; set; }
    public int? ApprovedByUserId { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovalNote { get; set; }
    public int CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>
    /// Follow-on visits (定期回访) point at the visit that started their chain (a 重点约访); the chain root is
    /// never itself a follow-on. See <see cref="VisitChains"/>.
    /// </summary>
    public int? ParentVisitId { get; set; }
    /// <summary>On a chain root: when the person was recorded as recovered (转变/已好转) and the chain closed.</summary>
    public DateTime? ChainClosedAt { get; set; }
    public int? ChainClosedByUserId { get; set; }
    /// <summary>On a chain root: what changed for the person, recorded when the chain closed.</summary>
    public string? ChainCloseNote { get; set; }
    /// <summary>
    /// The visitor whose unit the visit counts under when figures are grouped per unit (<see cref="VisitUnits"/>): the
    /// first visitor who is not the recorder, else the recorder. Kept by <see cref="VisitCounting"/> whenever the
    /// visitors change, in the same save; the unit itself is read from the person, so a move to another unit moves the
    /// visit with them, as before.
    /// </summary>
    public int? LeadVisitorPersonId { get; set; }
    /// <summary>The first person visited: whose unit the visit counts under in a programme that counts by the visited unit.</summary>
    public int? FirstTargetPersonId { get; set; }
    public List<VisitVisitor> Visitors { get; set; } = [];
    public List<VisitTarget> Targets { get; set; } = [];
    public List<VisitFamilyMet> FamilyMet { get; set; } = [];
    public long Version { get; set; }
}

public class VisitVisitor
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>Exactly one visitor keeps the record (记录人); seed 1 has the liaison fill the form for school leaders.</summary>
    public bool IsRecorder { get; set; }
}

/// <summary>Whom a visit is for: a person, or a party branch (seed 4's branch activities).</summary>
public class VisitTarget
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
}

public class VisitFamilyMet
{
    public int Id { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public int FamilyMemberId { get; set; }
    public FamilyMember? FamilyMember { get; set; }
}
