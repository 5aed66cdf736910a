using HomeVisit.Core.Data;

namespace HomeVisit.Core.Institutions;

public enum InstitutionKind
{
    University,
    County,
    TradeUnion,
    DisciplineOffice,
    Other,
}

public class Institution : IAudited, IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public InstitutionKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}
