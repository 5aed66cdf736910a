using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Search;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Programmes.Ganbu;

internal sealed class GanbuRequestConfiguration : IEntityTypeConfiguration<GanbuRequest>
{
    public void Configure(EntityTypeBuilder<GanbuRequest> b)
    {
        b.ToTable("GanbuRequests");
        // The request list's search box finds titles through an index (TextSearch; migration FollowUpIndexesAndGanbuSearch).
        b.Property(x => x.Summary).HasMaxLength(GanbuLimits.Summary).Searched();
        b.Property(x => x.Description).HasMaxLength(GanbuLimits.Description);
        b.Property(x => x.ClientRequestId).HasMaxLength(GanbuLimits.ClientRequestId);
        b.Property(x => x.Resolution).HasMaxLength(4000);
        b.Property(x => x.Feedback).HasMaxLength(4000);
        b.Property(x => x.WithdrawReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Requester).WithMany().HasForeignKey(x => x.RequesterPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Handler).WithMany().HasForeignKey(x => x.HandlerPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.SourceVisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GanbuApiKey>().WithMany().HasForeignKey(x => x.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne(x => x.Request).HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Visits).WithOne(x => x.Request).HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        // The escalation check and the oversight list: open requests by deadline.
        b.HasIndex(x => new { x.InstitutionId, x.Status, x.Deadline });
        // The quarterly summary.
        b.HasIndex(x => new { x.InstitutionId, x.FiledOn });
        // A handler's queue.
        b.HasIndex(x => new { x.HandlerPersonId, x.Status });
        // Idempotent API submissions.
        b.HasIndex(x => new { x.ApiKeyId, x.ClientRequestId }).IsUnique();
    }
}

internal sealed class GanbuRequestStepConfiguration : IEntityTypeConfiguration<GanbuRequestStep>
{
    public void Configure(EntityTypeBuilder<GanbuRequestStep> b)
    {
        b.ToTable("GanbuRequestSteps");
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasOne(x => x.Handler).WithMany().HasForeignKey(x => x.HandlerPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GanbuRequestVisitConfiguration : IEntityTypeConfiguration<GanbuRequestVisit>
{
    public void Configure(EntityTypeBuilder<GanbuRequestVisit> b)
    {
        b.ToTable("GanbuRequestVisits");
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RequestId, x.VisitId }).IsUnique();
    }
}

internal sealed class GanbuApiKeyConfiguration : IEntityTypeConfiguration<GanbuApiKey>
{
    public void Configure(EntityTypeBuilder<GanbuApiKey> b)
    {
        b.ToTable("GanbuApiKeys");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(20);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Prefix).IsUnique();
    }
}

internal sealed class GanbuSettingsConfiguration : IEntityTypeConfiguration<GanbuSettings>
{
    public void Configure(EntityTypeBuilder<GanbuSettings> b)
    {
        b.ToTable("GanbuSettings");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.InstitutionId).IsUnique();
    }
}

internal sealed class GanbuInspectionConfiguration : IEntityTypeConfiguration<GanbuInspection>
{
    public void Configure(EntityTypeBuilder<GanbuInspection> b)
    {
        b.ToTable("GanbuInspections");
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.InspectedBy).HasMaxLength(100);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.HeadPerson).WithMany().HasForeignKey(x => x.HeadPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.Date });
    }
}

internal sealed class GanbuQuarterReportConfiguration : IEntityTypeConfiguration<GanbuQuarterReport>
{
    public void Configure(EntityTypeBuilder<GanbuQuarterReport> b)
    {
        b.ToTable("GanbuQuarterReports");
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.MeetingConclusions).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.MeetingRecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.Year, x.Quarter, x.UnitId }).IsUnique();
    }
}

internal sealed class GanbuRecordArchiveConfiguration : IEntityTypeConfiguration<GanbuRecordArchive>
{
    public void Configure(EntityTypeBuilder<GanbuRecordArchive> b)
    {
        b.ToTable("GanbuRecordArchives");
        b.Property(x => x.ArchivedByName).HasMaxLength(100);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.ArchivedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VisitId).IsUnique();
    }
}
