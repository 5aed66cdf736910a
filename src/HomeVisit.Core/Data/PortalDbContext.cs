using System.Text.Json;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HomeVisit.Core.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<UnitLeadership> UnitLeaderships => Set<UnitLeadership>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitVisitor> VisitVisitors => Set<VisitVisitor>();
    public DbSet<VisitTarget> VisitTargets => Set<VisitTarget>();
    public DbSet<VisitFamilyMet> VisitFamilyMet => Set<VisitFamilyMet>();
    public DbSet<FollowUpItem> FollowUpItems => Set<FollowUpItem>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<InstitutionProgramme> InstitutionProgrammes => Set<InstitutionProgramme>();
    public DbSet<ProgrammeRuleVersion> ProgrammeRuleVersions => Set<ProgrammeRuleVersion>();
    public DbSet<Content.ContentTemplateRevision> ContentTemplateRevisions => Set<Content.ContentTemplateRevision>();
    public DbSet<FollowUpReport> FollowUpReports => Set<FollowUpReport>();
    public DbSet<SsoRoleMapping> SsoRoleMappings => Set<SsoRoleMapping>();
    public DbSet<Calendar.CalendarFeed> CalendarFeeds => Set<Calendar.CalendarFeed>();
    public DbSet<Reminders.Notification> Notifications => Set<Reminders.Notification>();
    public DbSet<Scheduling.ScheduledJobState> ScheduledJobs => Set<Scheduling.ScheduledJobState>();

    /// <summary>The programme modules this context's model is composed of (<see cref="ProgrammeModels.UseProgrammeModels"/>).</summary>
    public IReadOnlyList<IProgrammeModule> ProgrammeModules => ProgrammeModels.ModulesIn(options);

    /// <summary>Who the changes in this unit of work are made by; null for system jobs and seeding.</summary>
    public PortalUser? Actor { get; set; }

    /// <summary>The clock for audit timestamps; tests pass a fake one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The ASP.NET Core data-protection keys, shared by every portal instance on this database (docs/operations.md).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var module in ProgrammeModels.ModulesIn(options)) module.ConfigureModel(modelBuilder);
        // The model is built once per provider, so each provider's column types stay in its own folder (after the modules:
        // it maps every entity's time columns).
        if (Database.ProviderName == PostgreSqlDatabase.ProviderName) PostgreSqlDatabase.ConfigureModel(modelBuilder);
        if (Database.ProviderName == SqliteModel.ProviderName) SqliteModel.ConfigureModel(modelBuilder);
        TimeColumns.ClearMarks(modelBuilder.Model);
        Search.TextSearch.ClearMarks(modelBuilder.Model);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: readable in the database and safe when a member is added in the middle.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Visit forms as their text too, in the same column the enum had (no data migration when forms became module data).
        configurationBuilder.Properties<VisitForm>().HaveConversion<VisitFormConverter>().HaveMaxLength(40);
    }

    /// <summary>Adds an audit entry for a read of a sensitive record; saved with the next SaveChanges.</summary>
    public void AuditRead(string entityType, object entityId, string? detail = null)
    {
        if (Actor is null) throw new InvalidOperationException("A read is audited against a user.");
        AuditEntries.Add(NewEntry(AuditActions.Read, entityType, entityId.ToString(), detail));
    }

    public void AuditEvent(string action, string entityType, object? entityId, string? detail = null, int? institutionId = null)
    {
        var entry = NewEntry(action, entityType, entityId?.ToString(), detail);
        if (institutionId is not null) entry.InstitutionId = institutionId.Value;
        AuditEntries.Add(entry);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Set only by <see cref="DatabaseCopy"/>: rows are copied as they are, without new audit entries or versions.</summary>
    internal bool CopyingRows { get; init; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (CopyingRows) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        ChangeTracker.DetectChanges();
        VisitCounting.Keep(ChangeTracker);
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit log is append-only.");
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified) entry.Entity.Version++;
        }

        var pending = ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Action: ActionOf(e.State), Detail: Describe(e)))
            .ToList();
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // New rows only get their ids on save, so the audit rows follow in a second save; the
        // transaction keeps both or neither.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var (entry, action, detail) in pending)
            {
                var audit = NewEntry(action, entry.Metadata.ClrType.Name, ((IAudited)entry.Entity).Id.ToString(), detail);
                if (entry.Entity is IInstitutionScoped scoped) audit.InstitutionId = scoped.InstitutionId;
                else if (entry.Entity is Institution institution) audit.InstitutionId = institution.Id;
                AuditEntries.Add(audit);
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        catch
        {
            if (ownTransaction is not null) await ownTransaction.RollbackAsync(cancellationToken);
            throw;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private AuditEntry NewEntry(string action, string entityType, string? entityId, string? detail) => new()
    {
        InstitutionId = Actor?.InstitutionId ?? 0,
        At = Clock.GetUtcNow().UtcDateTime,
        UserId = Actor?.UserId,
        UserName = Actor?.UserName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Detail = detail,
        ClientAddress = ClientContext.Address,
    };

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => AuditActions.Create,
        EntityState.Deleted => AuditActions.Delete,
        _ => AuditActions.Update,
    };

    private static readonly HashSet<string> Secret = [nameof(UserAccount.PasswordHash), nameof(UserAccount.SecurityStamp)];

    private static string? Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (name is "Id" or nameof(IVersioned.Version)) continue;
            if (entry.State == EntityState.Modified && !p.IsModified) continue;
            if (Secret.Contains(name)) { changes[name] = "***"; continue; }
            changes[name] = entry.State switch
            {
                EntityState.Added => p.CurrentValue,
                EntityState.Deleted => p.OriginalValue,
                _ => new { before = p.OriginalValue, after = p.CurrentValue },
            };
        }
        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, AuditJson);
    }

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
