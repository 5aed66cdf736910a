namespace HomeVisit.Core.Data;

/// <summary>A row that belongs to one institution; services always filter on it.</summary>
public interface IInstitutionScoped
{
    int InstitutionId { get; }
}

/// <summary>
/// Optimistic concurrency: <see cref="PortalDbContext"/> bumps <see cref="Version"/> on every update,
/// so a second editor working from an older copy gets a <c>DbUpdateConcurrencyException</c>.
/// A plain counter instead of rowversion keeps the schema provider-neutral.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>Changes to these rows are written to the audit log in the same transaction.</summary>
public interface IAudited
{
    int Id { get; }
}
