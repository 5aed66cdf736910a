using HomeVisit.Core.People;

namespace HomeVisit.Programmes.Huifang;

public sealed record SanctionQuery(string? Search = null, RevisitEligibility? Status = null, int Page = 1, int PageSize = 50);

/// <summary>
/// A row of the list of disciplined persons: who, which sanctions, and whether and why they are due on the day.
/// <see cref="Revisits"/> (已回访) counts revisits done; <see cref="PlannedRevisits"/> (已安排) the plans not yet done or cancelled.
/// </summary>
public sealed record SanctionRow(
    int Id, int PersonId, string PersonName, string? UnitName, string? Position, string? CaseNumber,
    string? Party, DateOnly? PartyDecidedOn, string? Government, DateOnly? GovernmentDecidedOn,
    EligibilityResult Eligibility, int Revisits, int PlannedRevisits, DateOnly? LastRevisit);

public sealed record SanctionDetail(
    int Id, long Version, int PersonId, string PersonName, Gender Gender, DateOnly? BirthDate, string? UnitName, string? Position,
    string? Phone, string? HomeAddress, string? CaseNumber, string Reason,
    PartySanction? PartyKind, DateOnly? PartyDecidedOn, int? PartyInfluenceMonths,
    GovernmentSanction? GovernmentKind, DateOnly? GovernmentDecidedOn, int? GovernmentInfluenceMonths,
    string? Education, DateOnly? WorkStartedOn, DateOnly? PartyJoinedOn,
    DateOnly? TransferredToJudicialOn, DateOnly? CriminallyPunishedOn, DateOnly? RetiredOn, string? Notes,
    EligibilityResult Eligibility, bool CanEdit, IReadOnlyList<RevisitRow> Revisits)
{
    /// <summary>第五条 其他需要回访关爱教育的人员: no sanction, revisits due in the care period.</summary>
    public bool IsOtherPerson { get; init; }
    public DateOnly? CareStartsOn { get; init; }
    public DateOnly? CareEndsOn { get; init; }
    /// <summary>Why a person 第五条 excludes “原则上” is to be revisited anyway; pending until approved.</summary>
    public string? ExclusionOverrideReason { get; init; }
    public bool ExclusionOverrideApproved { get; init; }
    /// <summary>The user may approve or send back the pending override (the rules' approver role, not who asked).</summary>
    public bool CanDecideExclusionOverride { get; init; }
}

public sealed record RevisitRow(int VisitId, HomeVisit.Core.Visits.VisitForm Form, DateTime PlannedStart, DateTime? ActualStart,
    HomeVisit.Core.Visits.VisitStatus Status, HomeVisit.Core.Visits.ApprovalStatus Approval, string Team, string? Outcome, bool FedBack, bool Archived);

/// <summary>Form model for a sanction record; mutable so the form keeps what was typed when a save is refused.</summary>
public sealed class SanctionEdit
{
    public int Id { get; set; }
    public long Version { get; set; }
    public int? PersonId { get; set; }
    public string? CaseNumber { get; set; }
    public string? Reason { get; set; }
    public PartySanction? PartyKind { get; set; }
    public DateTime? PartyDecidedOn { get; set; }
    public int? PartyInfluenceMonths { get; set; }
    public GovernmentSanction? GovernmentKind { get; set; }
    public DateTime? GovernmentDecidedOn { get; set; }
    public int? GovernmentInfluenceMonths { get; set; }
    public string? Education { get; set; }
    public DateTime? WorkStartedOn { get; set; }
    public DateTime? PartyJoinedOn { get; set; }
    public DateTime? TransferredToJudicialOn { get; set; }
    public DateTime? CriminallyPunishedOn { get; set; }
    public DateTime? RetiredOn { get; set; }
    public string? Notes { get; set; }
    /// <summary>第五条 其他需要回访关爱教育的人员: recorded without a sanction; <see cref="Reason"/> says why.</summary>
    public bool IsOtherPerson { get; set; }
    public DateTime? CareStartsOn { get; set; }
    public DateTime? CareEndsOn { get; set; }
    /// <summary>Asks to revisit a person 第五条 excludes “原则上”; a changed reason waits for approval again.</summary>
    public string? ExclusionOverrideReason { get; set; }

    public static SanctionEdit From(SanctionDetail d) => new()
    {
        Id = d.Id, Version = d.Version, PersonId = d.PersonId, CaseNumber = d.CaseNumber, Reason = d.Reason,
        PartyKind = d.PartyKind, PartyDecidedOn = ToDate(d.PartyDecidedOn), PartyInfluenceMonths = d.PartyInfluenceMonths,
        GovernmentKind = d.GovernmentKind, GovernmentDecidedOn = ToDate(d.GovernmentDecidedOn), GovernmentInfluenceMonths = d.GovernmentInfluenceMonths,
        Education = d.Education, WorkStartedOn = ToDate(d.WorkStartedOn), PartyJoinedOn = ToDate(d.PartyJoinedOn),
        TransferredToJudicialOn = ToDate(d.TransferredToJudicialOn), CriminallyPunishedOn = ToDate(d.CriminallyPunishedOn),
        RetiredOn = ToDate(d.RetiredOn), Notes = d.Notes,
        IsOtherPerson = d.IsOtherPerson, CareStartsOn = ToDate(d.CareStartsOn), CareEndsOn = ToDate(d.CareEndsOn),
        ExclusionOverrideReason = d.ExclusionOverrideReason,
    };

    private static DateTime? ToDate(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);
}

/// <summary>Form model for a revisit plan (回访工作方案): the visit's plan plus the notes on the person and the case.</summary>
public sealed class RevisitPlanEdit
{
    public int SanctionRecordId { get; set; }
    public HomeVisit.Core.Visits.VisitForm Form { get; set; } = HuifangForms.OnSiteTalk;
    public DateTime? PlannedStart { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public string? Place { get; set; }
    public List<int> VisitorIds { get; set; } = [];
    public int? RecorderId { get; set; }
    public string? PersonNotes { get; set; }
    public string? CaseNotes { get; set; }
    public string? Approach { get; set; }
}

public sealed class RevisitNotesEdit
{
    public long Version { get; set; }
    public string? PersonNotes { get; set; }
    public string? CaseNotes { get; set; }
    public string? Approach { get; set; }
    public string? ReportingUnit { get; set; }
    public DateTime? ReportedOn { get; set; }
    public string? Remarks { get; set; }
}

public sealed class RevisitFeedbackEdit
{
    public long Version { get; set; }
    public DateTime? FedBackToPersonOn { get; set; }
    public DateTime? FedBackToUnitOn { get; set; }
    public string? FeedbackUnitName { get; set; }
    public string? FeedbackNote { get; set; }
}

public sealed class RevisitArchiveEdit
{
    public long Version { get; set; }
    public DateTime? ArchivedOn { get; set; }
    public string? ArchiveNote { get; set; }
}

public sealed record RevisitDetail(
    int Id, long Version, int VisitId, long VisitVersion, int SanctionRecordId, string PersonName, string? UnitName,
    string Sanctions, HomeVisit.Core.Visits.VisitForm Form, DateTime PlannedStart, DateTime? ActualStart, string? Place,
    HomeVisit.Core.Visits.VisitStatus Status, HomeVisit.Core.Visits.ApprovalStatus Approval, string? ApprovalNote, IReadOnlyList<string> Team,
    string? PersonNotes, string? CaseNotes, string? Approach, string? ReportingUnit, DateOnly? ReportedOn, string? Remarks,
    string? Attitude, string? Suggestions, string? Outcome,
    DateOnly? FedBackToPersonOn, DateOnly? FedBackToUnitOn, string? FeedbackUnitName, string? FeedbackNote, string? FedBackBy, DateTime? FedBackAt,
    DateOnly? ArchivedOn, string? ArchiveNote, string? ArchivedBy, DateTime? ArchivedAt,
    bool CanEditNotes, bool CanRecordFeedback, bool CanArchive);

/// <summary>受处分人员回访关爱工作情况登记表 (seed 5 附件), every field.</summary>
public sealed record RegistrationForm(
    string? ReportingUnit, DateOnly? ReportedOn,
    string Name, Gender Gender, DateOnly? BirthDate, string? Education, DateOnly? WorkStartedOn, DateOnly? PartyJoinedOn,
    string? UnitAndPosition, string? HomeAddress, string? Phone, string Reason,
    DateOnly? PartyDecidedOn, string? PartyKind, DateOnly? GovernmentDecidedOn, string? GovernmentKind,
    DateTime? RevisitTime, string? Attitude, string? Suggestions, IReadOnlyList<string> Team, string? Remarks);
