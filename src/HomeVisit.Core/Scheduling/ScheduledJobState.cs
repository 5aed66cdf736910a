using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Scheduling;

public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One row per daily job, shared by every portal instance on the database: the lease that lets only one instance
/// run the job (taken by a single conditional UPDATE, see <see cref="DailyJobScheduler"/>), which occurrence was
/// last done (so a day missed while the portal was down is caught up at start), and the last run for the admins.
/// All instants are UTC.
/// </summary>
public class ScheduledJobState
{
    public required string Name { get; set; }
    /// <summary>The latest scheduled occurrence that has been run (successfully or not); null before the first run.</summary>
    public DateTime? DoneThroughUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? LastStartedUtc { get; set; }
    public DateTime? LastFinishedUtc { get; set; }
    public JobOutcome? LastOutcome { get; set; }
    /// <summary>What the run did ("新增提醒 12 条") or why it failed.</summary>
    public string? LastDetail { get; set; }
    /// <summary>Which instance ran it last (host name and process), to tell instances apart in the log.</summary>
    public string? LastRunBy { get; set; }
}

internal sealed class ScheduledJobStateConfiguration : IEntityTypeConfiguration<ScheduledJobState>
{
    public void Configure(EntityTypeBuilder<ScheduledJobState> b)
    {
        b.ToTable("ScheduledJobs");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.LeaseOwner).HasMaxLength(200);
        b.Property(x => x.LastRunBy).HasMaxLength(200);
        b.Property(x => x.LastDetail).HasMaxLength(1000);
    }
}
