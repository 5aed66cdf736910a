using HomeVisit.Core.Data;

namespace HomeVisit.Core.Audit;

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Read = "read";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string Denied = "denied";
}

/// <summary>Append-only: <see cref="PortalDbContext"/> refuses to update or delete an entry.</summary>
public class AuditEntry : IInstitutionScoped
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public DateTime At { get; set; }
    public int? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>What changed (JSON of before/after) or what was read.</summary>
    public string? Detail { get; set; }
}
