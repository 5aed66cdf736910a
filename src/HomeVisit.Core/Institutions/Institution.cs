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
    /// <summary>Password policy (<see cref="Accounts.PasswordPolicy"/>): minimum length.</summary>
    public int PasswordMinLength { get; set; } = Accounts.PasswordPolicy.Default.MinLength;
    /// <summary>Password policy: how many of upper case, lower case, digits and symbols a password needs.</summary>
    public int PasswordRequiredClasses { get; set; } = Accounts.PasswordPolicy.Default.RequiredClasses;
    public long Version { get; set; }
}
