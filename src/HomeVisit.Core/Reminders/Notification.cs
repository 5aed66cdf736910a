using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Reminders;

public static class ReminderKinds
{
    public const string UpcomingVisit = "upcoming-visit";
    public const string NoticeDue = "notice-due";
    public const string QuotaGap = "quota-gap";
    public const string OverdueFollowUp = "overdue-follow-up";

    /// <summary>
    /// A programme module's own kind: its key, a colon and what the reminder is about (<c>{key}:{what}</c>), so
    /// the start page shows the reminder's texts from the module's resource set.
    /// </summary>
    public static string OfProgramme(string programmeKey, string what) => $"{programmeKey}:{what}";

    /// <summary>The programme whose module made a reminder of this kind (<see cref="OfProgramme"/>); null for the core's.</summary>
    public static string? ProgrammeOf(string kind) => kind.IndexOf(':', StringComparison.Ordinal) is > 0 and var i ? kind[..i] : null;
}

/// <summary>
/// Something due soon for a user, recorded by the daily reminder job. The dedup key makes the job
/// idempotent: running it twice on a day, or on consecutive days, does not repeat a reminder.
/// </summary>
public class Notification : IInstitutionScoped
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int UserId { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public string? Link { get; set; }
    public DateOnly? DueOn { get; set; }
    public required string DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public DateTime? EmailedAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Detail).HasMaxLength(1000);
        b.Property(x => x.Link).HasMaxLength(300);
        b.Property(x => x.DedupKey).HasMaxLength(200);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UserId, x.DedupKey }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.ReadAt, x.DueOn });
    }
}
