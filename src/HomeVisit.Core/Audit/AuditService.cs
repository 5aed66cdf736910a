using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Audit;

public sealed record AuditQuery(
    string? UserName = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    DateTime? From = null, DateTime? To = null, int Page = 1, int PageSize = 50);

/// <summary>Reading the audit log is itself for the few who answer for it: system admins and the discipline office.</summary>
public sealed class AuditService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public static bool CanRead(PortalUser user) => user.IsAnyRole([Roles.SystemAdmin, Roles.DisciplineOffice]);

    public async Task<PagedResult<AuditEntry>> ListAsync(PortalUser user, AuditQuery q, CancellationToken ct = default)
    {
        if (!CanRead(user)) throw new AccessDeniedException("只有系统管理员和纪检监察部门可以查看审计日志。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.InstitutionId == user.InstitutionId);
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
