using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace HomeVisit.Core.FollowUps;

/// <summary>
/// A report-back on an item that is not yet resolved: the progress was told to the person and their family
/// (seed 3 三、4 “对一时解决不了的问题，定期向干部本人和家庭通报进展情况，做到件件有着落，事事有回音”).
/// Rows are only ever added.
/// </summary>
public class FollowUpReport : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int FollowUpItemId { get; set; }
    public FollowUpItem? FollowUpItem { get; set; }
    /// <summary>The day the progress was told (Beijing date).</summary>
    public DateOnly ReportedOn { get; set; }
    public required string ToWhom { get; set; }
    public required string Content { get; set; }
    public int CreatedByUserId { get; set; }
    public string? CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class FollowUpReportConfiguration : IEntityTypeConfiguration<FollowUpReport>
{
    public void Configure(EntityTypeBuilder<FollowUpReport> b)
    {
        b.Property(x => x.ToWhom).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(2000);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.FollowUpItem).WithMany().HasForeignKey(x => x.FollowUpItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FollowUpItemId, x.ReportedOn });
        b.HasIndex(x => x.CreatedByUserId);
    }
}

/// <summary><c>FollowUps:ReportBackIntervalDays</c>: how often an open item's progress is reported back (default 30 days).</summary>
public sealed class FollowUpReportOptions
{
    public const string Section = "FollowUps";
    public int ReportBackIntervalDays { get; set; } = 30;
}

/// <summary>Form model for a report-back; mutable so the form keeps what was typed when refused.</summary>
public sealed class FollowUpReportInput
{
    public DateTime? ReportedOn { get; set; }
    public string? ToWhom { get; set; } = "干部本人及家属";
    public string? Content { get; set; }
}

public sealed record FollowUpReportView(int Id, DateOnly ReportedOn, string ToWhom, string Content, string? CreatedBy, DateTime CreatedAt);

/// <summary>An item's report-backs and when the next is due (null once the item is closed).</summary>
public sealed record FollowUpReportHistory(int ItemId, bool IsOpen, bool CanReport, IReadOnlyList<FollowUpReportView> Reports,
    DateOnly? NextDue, bool IsDue, int IntervalDays);

/// <summary>An open item with the date its next report-back is due.</summary>
public sealed record ReportDueRow(int Id, long Version, string ProgrammeKey, int? VisitId, FollowUpKind Kind, string Summary, string? RaisedBy,
    string? OwnerName, FollowUpStatus Status, DateOnly? LastReportedOn, DateOnly NextDue, bool IsDue);

/// <summary>
/// Report-backs on follow-up items (件件有着落，事事有回音). Whoever may see an item (the follow-up service's
/// visibility) may record that its progress was told; the next report-back falls due a configurable number of
/// days after the last one, or after the item was raised.
/// </summary>
public sealed class FollowUpReportService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, IOptions<FollowUpReportOptions> options, TimeProvider clock)
{
    public int IntervalDays => Math.Clamp(options.Value.ReportBackIntervalDays, 1, 365);

    /// <summary>The next report-back: <see cref="IntervalDays"/> after the last report-back, else after the day the item was raised.</summary>
    public DateOnly NextDue(DateTime createdAtUtc, DateOnly? lastReportedOn) =>
        (lastReportedOn ?? DateOnly.FromDateTime(createdAtUtc.ToInstitutionTime())).AddDays(IntervalDays);

    private static bool IsOpen(FollowUpStatus s) => s is FollowUpStatus.Open or FollowUpStatus.InProgress;

    public async Task<FollowUpReportHistory> HistoryAsync(PortalUser user, int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await FollowUpService.Visible(db, user, programmes.OverseenBy(user)).AsNoTracking()
            .Where(f => f.Id == itemId).Select(f => new { f.Id, f.Status, f.CreatedAt }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var reports = await db.Set<FollowUpReport>().AsNoTracking().Where(r => r.FollowUpItemId == itemId)
            .OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id)
            .Select(r => new FollowUpReportView(r.Id, r.ReportedOn, r.ToWhom, r.Content, r.CreatedByName, r.CreatedAt))
            .ToListAsync(ct);
        var open = IsOpen(item.Status);
        DateOnly? next = open ? NextDue(item.CreatedAt, reports.Count == 0 ? null : reports.Max(r => r.ReportedOn)) : null;
        return new FollowUpReportHistory(item.Id, open, open, reports, next, next is { } d && d <= clock.Today(), IntervalDays);
    }

    /// <summary>Records that an open item's progress was told to someone; the next report-back is due an interval later.</summary>
    public async Task<int> AddAsync(PortalUser user, int itemId, FollowUpReportInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var item = await FollowUpService.Visible(db, user, programmes.OverseenBy(user))
            .Where(f => f.Id == itemId).Select(f => new { f.Id, f.InstitutionId, f.Status, f.CreatedAt }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        if (!IsOpen(item.Status))
            throw new PortalValidationException("Content", "该事项已办结或已撤回，不再登记进展通报。");

        var today = clock.Today();
        var raisedOn = DateOnly.FromDateTime(item.CreatedAt.ToInstitutionTime());
        var day = input.ReportedOn is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        new Validator()
            .Check(day is not null, nameof(input.ReportedOn), "请填写通报日期。")
            .Check(day is null || day <= today, nameof(input.ReportedOn), "通报日期不能晚于今天。")
            .Check(day is null || day >= raisedOn, nameof(input.ReportedOn), new PortalMessage("通报日期不能早于事项登记日期（{0:yyyy-MM-dd}）。", raisedOn))
            .Require(nameof(input.ToWhom), input.ToWhom, "通报对象").MaxLength(nameof(input.ToWhom), input.ToWhom?.Trim(), 200, "通报对象")
            .Require(nameof(input.Content), input.Content, "通报内容").MaxLength(nameof(input.Content), input.Content?.Trim(), 2000, "通报内容")
            .ThrowIfInvalid();

        var report = new FollowUpReport
        {
            InstitutionId = item.InstitutionId,
            FollowUpItemId = item.Id,
            ReportedOn = day!.Value,
            ToWhom = input.ToWhom!.Trim(),
            Content = input.Content!.Trim(),
            CreatedByUserId = user.UserId,
            CreatedByName = user.DisplayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    /// <summary>
    /// Open items of a programme the user may see, the most urgent report-back first (filtered, sorted and paged in the database).
    /// </summary>
    public async Task<PagedResult<ReportDueRow>> DueListAsync(PortalUser user, string programmeKey, bool dueOnly = false, int page = 1, int pageSize = 10,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reports = db.Set<FollowUpReport>();
        var items = FollowUpService.Visible(db, user, programmes.OverseenBy(user)).AsNoTracking()
            .Where(f => f.ProgrammeKey == programmeKey && (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress))
            .Select(f => new
            {
                Item = f,
                LastReport = reports.Where(r => r.FollowUpItemId == f.Id).Max(r => (DateOnly?)r.ReportedOn),
            })
            // The day the interval runs from: the last report-back, else the (Beijing) day the item was raised.
            .Select(x => new { x.Item, x.LastReport, Anchor = x.LastReport ?? DateOnly.FromDateTime(x.Item.CreatedAt.AddHours(8)) });
        if (dueOnly)
        {
            var cutoff = clock.Today().AddDays(-IntervalDays);
            items = items.Where(x => x.Anchor <= cutoff);
        }
        var total = await items.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await items
            .OrderBy(x => x.Anchor).ThenBy(x => x.Item.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.Item.Id, x.Item.Version, x.Item.ProgrammeKey, x.Item.VisitId, x.Item.Kind, x.Item.Summary,
                RaisedBy = x.Item.RaisedByPerson != null ? x.Item.RaisedByPerson.Name : x.Item.RaisedByName,
                Owner = x.Item.OwnerPerson != null ? x.Item.OwnerPerson.Name : null,
                x.Item.Status, x.Item.CreatedAt, x.LastReport,
            })
            .ToListAsync(ct);
        var today = clock.Today();
        var result = rows.Select(r =>
            {
                var next = NextDue(r.CreatedAt, r.LastReport);
                return new ReportDueRow(r.Id, r.Version, r.ProgrammeKey, r.VisitId, r.Kind, r.Summary, r.RaisedBy, r.Owner, r.Status,
                    r.LastReport, next, next <= today);
            })
            .ToList();
        return new PagedResult<ReportDueRow>(result, total, page, pageSize);
    }
}
