using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Programmes;

/// <summary>Whether an institution uses a programme. No row means enabled; disabling keeps all data.</summary>
public class InstitutionProgramme : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string ProgrammeKey { get; set; }
    public bool Enabled { get; set; } = true;
    public long Version { get; set; }
}

/// <summary>
/// One saved version of a programme's rules for an institution. Rows are never changed: a change adds a
/// row, so the history (who, when, before, after) is the rows themselves. The rules in force on a day are
/// those of the latest-saved row with the latest effective date on or before that day.
/// </summary>
public class ProgrammeRuleVersion : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string ProgrammeKey { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public required string RulesJson { get; set; }
    public int ChangedByUserId { get; set; }
    public DateTime ChangedAt { get; set; }
    public string? Note { get; set; }
}

internal sealed class InstitutionProgrammeConfiguration : IEntityTypeConfiguration<InstitutionProgramme>
{
    public void Configure(EntityTypeBuilder<InstitutionProgramme> b)
    {
        b.Property(x => x.ProgrammeKey).HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.ProgrammeKey }).IsUnique();
    }
}

internal sealed class ProgrammeRuleVersionConfiguration : IEntityTypeConfiguration<ProgrammeRuleVersion>
{
    public void Configure(EntityTypeBuilder<ProgrammeRuleVersion> b)
    {
        b.Property(x => x.ProgrammeKey).HasMaxLength(30);
        b.Property(x => x.RulesJson).HasMaxLength(20000);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.ProgrammeKey, x.EffectiveFrom });
    }
}
