namespace HomeVisit.Core.Accounts;

/// <summary>
/// One signed-in browser session. The auth cookie names its row (claim <see cref="PortalUser.SessionClaim"/>) and is
/// accepted only while the row is open, so signing out or an idle timeout ends that session on the server: a copy
/// of the cookie is worthless afterwards, while the user's other sessions carry on.
/// </summary>
public class UserSession
{
    /// <summary>128 random bits, hex; only ever inside the encrypted cookie.</summary>
    public required string Id { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>sign-out, idle timeout, replaced (signed in again in the same browser).</summary>
    public string? EndReason { get; set; }
}
