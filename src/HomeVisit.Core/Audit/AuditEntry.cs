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

/// <summary>
/// Append-only: <see cref="PortalDbContext"/> refuses to update or delete an entry, and so does the database (SQLite
/// triggers in the migration <c>AuditClientAddress</c>: no UPDATE ever, no DELETE of an entry younger than
/// <see cref="MinimumRetentionDays"/> days, so only a retention job may remove old entries).
/// </summary>
public class AuditEntry : IInstitutionScoped
{
    /// <summary>The database refuses to delete entries younger than this (the retention setting may not be shorter).</summary>
    public const int MinimumRetentionDays = 180;

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
    /// <summary>The client's address (behind a known proxy, the browser's; <see cref="ClientContext"/>); null for jobs and seeding.</summary>
    public string? ClientAddress { get; set; }
}

/// <summary>
/// The address of the client whose request or circuit activity is running, for the audit entries it causes. Set by
/// the host: per request after forwarded headers are applied, and per inbound circuit activity from the address the
/// circuit was opened from. Flows with the async call like the request itself; null outside a request (jobs).
/// </summary>
public static class ClientContext
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Address
    {
        get => Current.Value;
        set => Current.Value = value is { Length: > 64 } ? value[..64] : value;
    }
}
