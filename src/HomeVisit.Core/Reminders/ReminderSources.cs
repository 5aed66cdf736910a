using HomeVisit.Core.Data;

namespace HomeVisit.Core.Reminders;

/// <summary>A reminder to record for one user; the dedup key says when two are the same reminder.</summary>
public sealed record ReminderDraft(int UserId, string Kind, string Title, string? Detail, string? Link, DateOnly? DueOn, string DedupKey)
{
    /// <summary>
    /// The title and detail as core messages, so the start page shows them in the reader's language: the stored
    /// Title and Detail stay Chinese (email digest, audit), the list renders these at display time.
    /// </summary>
    public PortalMessage? TitleMessage { get; init; }

    public PortalMessage? DetailMessage { get; init; }
}

/// <summary>The accounts of one institution the job collects for, and the day it runs for (Beijing time).</summary>
public sealed record ReminderContext(PortalDbContext Db, int InstitutionId, DateOnly Today, IReadOnlyList<ReminderAccount> Accounts);

public sealed record ReminderAccount(int UserId, int PersonId, IReadOnlySet<string> Roles);

/// <summary>
/// An extension point: the core's sources cover visits, notices, quotas and follow-up items; a programme
/// module adds its own (e.g. overdue requests) by registering another implementation in its AddServices.
/// </summary>
public interface IReminderSource
{
    Task<IReadOnlyList<ReminderDraft>> CollectAsync(ReminderContext context, CancellationToken ct);
}
