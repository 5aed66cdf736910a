using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Core.FollowUps;

/// <summary>What was raised: 诉求, 困难, 意见建议, 苗头性问题.</summary>
public enum FollowUpKind
{
    Request,
    Difficulty,
    Suggestion,
    WarningSign,
}

public enum FollowUpStatus
{
    Open,
    InProgress,
    Resolved,
    Withdrawn,
}

/// <summary>
/// An item stays open until it has an outcome; it is never deleted, only resolved (with the
/// resolution and the feedback given back to the person) or withdrawn with a reason.
/// </summary>
public class FollowUpItem : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string ProgrammeKey { get; set; }
    public int? VisitId { get; set; }
    public Visit? Visit { get; set; }
    public FollowUpKind Kind { get; set; }
    public string? Category { get; set; }
    public required string Summary { get; set; }
    public string? Details { get; set; }
    public int? RaisedByPersonId { get; set; }
    public Person? RaisedByPerson { get; set; }
    /// <summary>Free text when the one who raised it is not a person on the roster (a family member, say).</summary>
    public string? RaisedByName { get; set; }
    public int? OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }
    public DateOnly? Deadline { get; set; }
    /// <summary>
    /// The department the item was forwarded to (seed 4 四、3 “及时反馈给相关部门，相关部门要如实登记”): its people
    /// see the item, register it and answer it; the one who raised it sees the answer.
    /// A plain id like <see cref="ClosedByUserId"/> (no foreign key): SQLite cannot add one to an existing table
    /// without a rebuild that hand-written migrations cannot describe; the services check the unit exists.
    /// </summary>
    public int? ResponsibleUnitId { get; set; }
    /// <summary>When and by whom the responsible department registered the item (如实登记).</summary>
    public DateTime? RegisteredAt { get; set; }
    public int? RegisteredByUserId { get; set; }
    public FollowUpStatus Status { get; set; }
    public string? Resolution { get; set; }
    public string? Feedback { get; set; }
    public string? WithdrawReason { get; set; }
    public int CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int? ClosedByUserId { get; set; }
    /// <summary>
    /// An important lead (重要问题线索, seed 1 §8(二): reported to the party committee or the discipline committee):
    /// only holders of this portal role and the one who raised it see the item anywhere — not the programme's other
    /// overseers, not the other visitors, not an owner without the role. Null for an ordinary item.
    /// </summary>
    public string? RestrictedToRole { get; set; }
    public long Version { get; set; }

    /// <summary>
    /// Resolved or withdrawn: the list's first sort key (open items first). Computed and kept by the database from
    /// <see cref="Status"/>, so the list's order is an index (FollowUpConfiguration), not a sort of every item it may show.
    /// </summary>
    public bool IsClosed { get; private set; }

    /// <summary>
    /// <see cref="Deadline"/>, or <see cref="NoDeadline"/> for an item without one: the list's second sort key (soonest
    /// deadline first, items without a deadline last). Computed and kept by the database.
    /// </summary>
    public DateOnly SortDeadline { get; private set; }

    /// <summary>Where an item without a deadline sorts: the last day of the calendar (one due that very day sorts with them).</summary>
    public static readonly DateOnly NoDeadline = new(9999, 12, 31);

    /// <summary>
    /// Seed 1 §8(二): an important lead is reported to the party committee <em>and</em> the discipline committee, so its
    /// audience is the holders of either role. Stored in <see cref="RestrictedToRole"/> as this value.
    /// </summary>
    public const string BothCommittees = Roles.PartyCommittee + "+" + Roles.DisciplineOffice;

    /// <summary>
    /// The audience a new lead may be given: both committees (seed 1 §8(二)). Leads recorded earlier for one role alone
    /// keep that audience.
    /// </summary>
    public static readonly IReadOnlyList<string> RestrictionRoles = [BothCommittees];

    /// <summary>The <see cref="RestrictedToRole"/> values whose leads a holder of these roles is an audience of.</summary>
    public static List<string> AudiencesOf(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        if (list.Contains(Roles.PartyCommittee) || list.Contains(Roles.DisciplineOffice)) list.Add(BothCommittees);
        return list;
    }

    /// <summary>The portal roles a lead's audience consists of.</summary>
    public static IReadOnlyList<string> RolesOfAudience(string restrictedTo) =>
        restrictedTo == BothCommittees ? [Roles.PartyCommittee, Roles.DisciplineOffice] : [restrictedTo];
}
