namespace HomeVisit.Core.FollowUps;

public sealed record FollowUpQuery(
    string? Search = null,
    FollowUpStatus? Status = null,
    bool OpenOnly = false,
    bool OverdueOnly = false,
    int? VisitId = null,
    string? ProgrammeKey = null,
    int Page = 1,
    int PageSize = 20);

public sealed record FollowUpRow(
    int Id, long Version, string ProgrammeKey, int? VisitId, FollowUpKind Kind, string? Category, string Summary,
    string? RaisedBy, string? OwnerName, DateOnly? Deadline, FollowUpStatus Status, bool IsOverdue,
    string? Resolution, string? Feedback, string? WithdrawReason, DateTime CreatedAt, DateTime? ClosedAt)
{
    public string? Details { get; init; }
    /// <summary>Set for an important lead seen only by holders of this role and the one who raised it.</summary>
    public string? RestrictedToRole { get; init; }
    /// <summary>Whether this user may start, close or withdraw it (<c>FollowUpService.Changeable</c>); the list offers the buttons only then.</summary>
    public bool CanChange { get; init; }
}

public sealed class FollowUpRaise
{
    public int? VisitId { get; set; }
    public string? ProgrammeKey { get; set; }
    public FollowUpKind Kind { get; set; } = FollowUpKind.Difficulty;
    public string? Category { get; set; }
    public string? Summary { get; set; }
    public string? Details { get; set; }
    public int? RaisedByPersonId { get; set; }
    public string? RaisedByName { get; set; }
    public int? OwnerPersonId { get; set; }
    public DateTime? Deadline { get; set; }
    /// <summary>An important lead for the party committee or the discipline office only (<see cref="FollowUpItem.RestrictionRoles"/>).</summary>
    public string? RestrictedToRole { get; set; }
}

public sealed class FollowUpClose
{
    public long Version { get; set; }
    public string? Resolution { get; set; }
    public string? Feedback { get; set; }
}
