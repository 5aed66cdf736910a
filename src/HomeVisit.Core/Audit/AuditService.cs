using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Audit;

public sealed record AuditQuery(
    string? UserName = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    DateTime? From = null, DateTime? To = null, int Page = 1, int PageSize = 50);

/// <summary>
/// Reading the audit log is itself for the few who answer for it: system admins and the discipline office.
/// Entries about a secret programme's records (its visits and follow-up items, and the records of its own it names in
/// <see cref="Programmes.IProgrammeModule.AuditEntityTypes"/>) are left out for anyone who may not see that programme
/// (<see cref="Programmes.IProgrammeModule.AccessRoles"/>): a system admin learns nothing of them from the log either.
/// </summary>
public sealed class AuditService(IDbContextFactory<PortalDbContext> dbFactory, Programmes.ProgrammeCatalog? catalog = null)
{
    public static bool CanRead(PortalUser user) => user.IsAnyRole([Roles.SystemAdmin, Roles.DisciplineOffice]);

    public async Task<PagedResult<AuditEntry>> ListAsync(PortalUser user, AuditQuery q, CancellationToken ct = default)
    {
        if (!CanRead(user)) throw new AccessDeniedException("只有系统管理员和纪检监察部门可以查看审计日志。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.InstitutionId == user.InstitutionId);
        var hidden = (catalog?.HiddenFrom(user) ?? []).ToList();
        var secretTypes = hidden.SelectMany(key => catalog!.Find(key)!.AuditEntityTypes).Distinct().ToList();
        if (secretTypes.Count > 0) entries = entries.Where(a => !secretTypes.Contains(a.EntityType));
        if (hidden.Count > 0)
        {
            var visitIds = db.Visits.Where(v => hidden.Contains(v.ProgrammeKey)).Select(v => v.Id.ToString());
            var itemIds = db.FollowUpItems.Where(f => hidden.Contains(f.ProgrammeKey)).Select(f => f.Id.ToString());
            entries = entries.Where(a => !(a.EntityType == nameof(Visits.Visit) && visitIds.Contains(a.EntityId!)) &&
                                         !(a.EntityType == nameof(FollowUps.FollowUpItem) && itemIds.Contains(a.EntityId!)));
            // Exports and prints of the programme (its ledger, summaries; the key is the entity id, and older entries
            // name it first in the detail) and changes to its settings and rules (the key in the change's JSON).
            entries = entries.Where(a => !(a.Action == "export" && a.EntityId != null && hidden.Contains(a.EntityId)));
            foreach (var key in hidden)
            {
                var first = key + " ";
                var printed = "summary " + key + " ";
                var inJson = "\"ProgrammeKey\":\"" + key + "\"";
                entries = entries.Where(a => a.Detail == null ||
                    (!(a.Action == "export" && (a.Detail.StartsWith(first) || a.Detail.StartsWith(printed))) && !a.Detail.Contains(inJson)));
            }
        }
        if (!string.IsNullOrWhiteSpace(q.UserName)) entries = entries.Where(a => a.UserName == q.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(q.Action)) entries = entries.Where(a => a.Action == q.Action);
        if (!string.IsNullOrWhiteSpace(q.EntityType)) entries = entries.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId)) entries = entries.Where(a => a.EntityId == q.EntityId.Trim());
        if (q.From is DateTime from) entries = entries.Where(a => a.At >= from.ToUniversalTime());
        if (q.To is DateTime to) entries = entries.Where(a => a.At < to.Date.AddDays(1).ToUniversalTime());
        var total = await entries.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        var items = await entries.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<AuditEntry>(items, total, page, pageSize);
    }
}
