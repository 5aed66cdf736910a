using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Reminders;

public sealed record NotificationView(long Id, string Kind, string Title, string? Detail, string? Link, DateOnly? DueOn, DateTime CreatedAt, bool Read)
{
    /// <summary>Which reminder this is (<see cref="ReminderDraft.DedupKey"/>); not shown.</summary>
    public string DedupKey { get; init; } = "";

    /// <summary>Title and detail as messages for the reader's language (null: show <see cref="Title"/> as stored).</summary>
    public PortalMessage? TitleMessage { get; init; }

    public PortalMessage? DetailMessage { get; init; }
}

/// <summary>Records what is due for each user (run daily) and lists it on their start page.</summary>
public sealed class ReminderService(
    IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<IReminderSource> sources, ReminderMailer mailer, TimeProvider clock,
    ILogger<ReminderService> logger)
{
    /// <summary>Collects reminders for every institution for the given day; returns how many new ones were recorded.</summary>
    public async Task<int> GenerateAsync(DateOnly? day = null, CancellationToken ct = default)
    {
        var today = day ?? clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutions = await db.Institutions.Select(i => i.Id).ToListAsync(ct);
        var added = 0;
        foreach (var institutionId in institutions)
        {
            var accounts = (await db.UserAccounts.AsNoTracking()
                    .Where(a => a.InstitutionId == institutionId && !a.IsDisabled && a.PersonId != null)
                    .Select(a => new { a.Id, a.PersonId, a.Roles }).ToListAsync(ct))
                .Select(a => new ReminderAccount(a.Id, a.PersonId!.Value, a.Roles.ToHashSet(StringComparer.Ordinal)))
                .ToList();
            if (accounts.Count == 0) continue;
            var context = new ReminderContext(db, institutionId, today, accounts);
            var drafts = new List<ReminderDraft>();
            foreach (var source in sources) drafts.AddRange(await source.CollectAsync(context, ct));

            var users = drafts.Select(d => d.UserId).Distinct().ToList();
            var existing = (await db.Set<Notification>().Where(n => users.Contains(n.UserId))
                    .Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct))
                .Select(n => (n.UserId, n.DedupKey)).ToHashSet();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var d in drafts.DistinctBy(d => (d.UserId, d.DedupKey)).Where(d => !existing.Contains((d.UserId, d.DedupKey))))
            {
                db.Set<Notification>().Add(new Notification
                {
                    InstitutionId = institutionId, UserId = d.UserId, Kind = d.Kind, Title = Cut(d.Title, 300), Detail = d.Detail is null ? null : Cut(d.Detail, 1000),
                    Link = d.Link, DueOn = d.DueOn, DedupKey = d.DedupKey, CreatedAt = now,
                });
                added++;
            }
            await db.SaveChangesAsync(ct);
        }
        logger.LogInformation("Reminders for {Day}: {Count} new.", today, added);
        await mailer.SendPendingAsync(ct);
        return added;
    }

    /// <summary>
    /// The user's unread reminders that still apply, soonest first. The daily run records reminders (for the list
    /// and the email digest), but whether one still applies is asked of the sources again now, for this user only:
    /// once the visit is recorded, the notice sent or the item closed, its reminder is gone at once rather than at the
    /// next morning's run, and a quota reminder shows today's shortfall, not the morning's.
    /// </summary>
    public async Task<IReadOnlyList<NotificationView>> UnreadAsync(PortalUser user, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == user.UserId && n.InstitutionId == user.InstitutionId && n.ReadAt == null)
            .OrderBy(n => n.DueOn == null).ThenBy(n => n.DueOn).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Detail, n.Link, n.DueOn, n.CreatedAt, false) { DedupKey = n.DedupKey })
            .ToListAsync(ct);
        if (stored.Count == 0) return stored;

        var current = await CurrentDraftsAsync(db, user, ct);
        return stored
            .Select(n => current.TryGetValue(n.DedupKey, out var d)
                ? n with { Title = Cut(d.Title, 300), Detail = d.Detail is null ? null : Cut(d.Detail, 1000), TitleMessage = d.TitleMessage, DetailMessage = d.DetailMessage }
                : null)
            .OfType<NotificationView>()
            .Take(take)
            .ToList();
    }

    /// <summary>What every source would remind this one user of today, by dedup key.</summary>
    private async Task<Dictionary<string, ReminderDraft>> CurrentDraftsAsync(PortalDbContext db, PortalUser user, CancellationToken ct)
    {
        var account = await db.UserAccounts.AsNoTracking()
            .Where(a => a.Id == user.UserId && a.InstitutionId == user.InstitutionId && !a.IsDisabled && a.PersonId != null)
            .Select(a => new { a.Id, a.PersonId, a.Roles }).FirstOrDefaultAsync(ct);
        if (account is null) return [];
        var context = new ReminderContext(db, user.InstitutionId, clock.Today(),
            [new ReminderAccount(account.Id, account.PersonId!.Value, account.Roles.ToHashSet(StringComparer.Ordinal))]);
        var drafts = new Dictionary<string, ReminderDraft>(StringComparer.Ordinal);
        foreach (var source in sources)
            foreach (var d in await source.CollectAsync(context, ct))
                if (d.UserId == user.UserId) drafts.TryAdd(d.DedupKey, d);
        return drafts;
    }

    public async Task MarkReadAsync(PortalUser user, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id && x.UserId == user.UserId, ct) ?? throw new NotFoundException();
        n.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
