using HomeVisit.Core.Access;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The organisation department's view (seed 2 §四（二）“每季度一总结”, §四（四）督导检查): the quarterly summary per unit,
/// its export, and the inspection results per unit (通报表扬, 通报批评, 约谈单位一把手).
/// </summary>
public sealed partial class GanbuOversightService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, GanbuRequestService requests, ProgrammeAccess access,
    TimeProvider clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private void EnsureOverseer(PortalUser user)
    {
        if (!GanbuAccess.Oversees(programmes, user)) throw new AccessDeniedException("只有组织部、纪检监察和管理员可以查看汇总和督导检查情况。");
    }

    public static (DateOnly From, DateOnly To) QuarterDates(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (from, from.AddMonths(3).AddDays(-1));
    }

    public static (int Year, int Quarter) QuarterOf(DateOnly day) => (day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>
    /// Requests filed in the quarter, per unit (the requester's unit when filed): counts by tier and category; resolved,
    /// withdrawn, still open; days from filing to resolution (calendar days, resolved ones only) as mean and median; how many
    /// were overdue at some point (escalated, resolved late, or open past the deadline today); the department's revisits done
    /// in the quarter and its inspection results dated in it.
    /// </summary>
    public async Task<GanbuQuarterSummary> QuarterSummaryAsync(PortalUser user, int year, int quarter, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        EnsureOverseer(user);
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100) throw new PortalValidationException("Quarter", "请选择正确的年度和季度。");
        await requests.EscalateDueAsync(user.InstitutionId, ct);
        var (from, to) = QuarterDates(year, quarter);
        var today = clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var filed = await db.Set<GanbuRequest>().AsNoTracking()
            .Where(r => r.InstitutionId == user.InstitutionId && r.FiledOn >= from && r.FiledOn <= to)
            .Select(r => new { r.Id, r.UnitId, r.Tier, r.Category, r.Status, r.FiledOn, r.ClosedOn, r.Deadline, r.OverdueSince })
            .ToListAsync(ct);
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var revisits = await db.Set<GanbuRequestVisit>().AsNoTracking()
            .Where(l => l.InstitutionId == user.InstitutionId && l.Purpose == GanbuVisitPurpose.Revisit && l.Visit!.Status == VisitStatus.Done &&
                        l.Visit.ActualStart >= start && l.Visit.ActualStart < end)
            .Select(l => new { l.VisitId, l.Request!.UnitId }).Distinct().ToListAsync(ct);
        var inspections = await db.Set<GanbuInspection>().AsNoTracking()
            .Where(i => i.InstitutionId == user.InstitutionId && i.Date >= from && i.Date <= to)
            .Select(i => new { i.UnitId, i.Kind }).ToListAsync(ct);

        var unitIds = filed.Select(r => r.UnitId).Concat(revisits.Select(r => r.UnitId)).Concat(inspections.Select(i => i.UnitId)).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);

        bool WasOverdue(GanbuRequestStatus status, DateOnly deadline, DateOnly? overdueSince) =>
            overdueSince is not null || (status is GanbuRequestStatus.Open or GanbuRequestStatus.InHandling && deadline < today);

        GanbuUnitSummary Summarise(int unitId, string name, Func<int, bool> inUnit)
        {
            var mine = filed.Where(r => inUnit(r.UnitId)).ToList();
            var days = mine.Where(r => r.Status == GanbuRequestStatus.Resolved && r.ClosedOn is not null)
                .Select(r => (double)(r.ClosedOn!.Value.DayNumber - r.FiledOn.DayNumber)).OrderBy(d => d).ToList();
            var kinds = inspections.Where(i => inUnit(i.UnitId)).ToList();
            return new GanbuUnitSummary(unitId, name, mine.Count,
                Enum.GetValues<GanbuTier>().ToDictionary(t => t, t => mine.Count(r => r.Tier == t)),
                Enum.GetValues<GanbuCategory>().ToDictionary(c => c, c => mine.Count(r => r.Category == c)),
                mine.Count(r => r.Status == GanbuRequestStatus.Resolved),
                mine.Count(r => r.Status == GanbuRequestStatus.Withdrawn),
                mine.Count(r => r.Status is GanbuRequestStatus.Open or GanbuRequestStatus.InHandling),
                days.Count == 0 ? null : Math.Round(days.Average(), 1, MidpointRounding.AwayFromZero),
                days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2,
                mine.Count(r => WasOverdue(r.Status, r.Deadline, r.OverdueSince)),
                revisits.Count(v => inUnit(v.UnitId)),
                kinds.Count(i => i.Kind == GanbuInspectionKind.Commendation),
                kinds.Count(i => i.Kind is GanbuInspectionKind.Criticism or GanbuInspectionKind.CriticismAndHeadInterview),
                kinds.Count(i => i.Kind is GanbuInspectionKind.HeadInterview or GanbuInspectionKind.CriticismAndHeadInterview));
        }

        var perUnit = units.Select(u => Summarise(u.Id, u.Name, id => id == u.Id)).ToList();
        var total = Summarise(0, "合计", _ => true);
        var overdueIds = filed.Where(r => WasOverdue(r.Status, r.Deadline, r.OverdueSince)).Select(r => r.Id).ToList();
        var overdue = await GanbuRequestService.Project(
                db.Set<GanbuRequest>().AsNoTracking().Where(r => overdueIds.Contains(r.Id)).OrderBy(r => r.Deadline).ThenBy(r => r.Id), today)
            .ToListAsync(ct);
        var institution = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.Name).FirstAsync(ct);
        return new GanbuQuarterSummary(year, quarter, from, to, today, perUnit, total, overdue) { InstitutionName = institution };
    }

    /// <summary>Writes the summary as .xlsx (sheets 季度汇总 and 逾期诉求) to a seekable stream; the export is audited.</summary>
    public async Task WriteQuarterXlsxAsync(PortalUser user, int year, int quarter, Stream output, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        var summary = await QuarterSummaryAsync(user, year, quarter, ct);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var institution = summary.InstitutionName;

        using (var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());

            string[] header =
            [
                "单位", "诉求总数", .. Enum.GetValues<GanbuTier>().Select(GanbuLabels.Of), .. Enum.GetValues<GanbuCategory>().Select(GanbuLabels.Short),
                "已办结", "已撤回", "未办结", "平均办结天数", "办结天数中位数", "逾期", "组织部回访", "通报表扬", "通报批评", "约谈一把手",
            ];
            var rows = new List<object?[]>
            {
                new object?[] { $"{institution}干部家访诉求季度汇总（{summary.Label}）" },
                new object?[] { $"{summary.From:yyyy-MM-dd} 至 {summary.To:yyyy-MM-dd}，统计截至 {summary.AsOf:yyyy-MM-dd}" },
                header,
            };
            foreach (var u in summary.Units.Append(summary.Total))
            {
                rows.Add(
                [
                    u.UnitName, u.Total, .. Enum.GetValues<GanbuTier>().Select(t => (object?)u.ByTier[t]),
                    .. Enum.GetValues<GanbuCategory>().Select(c => (object?)u.ByCategory[c]),
                    u.Resolved, u.Withdrawn, u.Open, u.AverageDays, u.MedianDays, u.Overdue, u.Revisits, u.Commendations, u.Criticisms, u.HeadInterviews,
                ]);
            }
            AddSheet(book, sheets, 1, "季度汇总", rows, header.Length);

            var overdueRows = new List<object?[]>
            {
                new object?[] { "编号", "单位", "提出人", "诉求类别", "困难程度", "当前办理人", "办理期限", "状态", "升级次数", "诉求内容" },
            };
            overdueRows.AddRange(summary.OverdueRequests.Select(r => new object?[]
            {
                r.Id, r.UnitName, r.RequesterName, GanbuLabels.Short(r.Category), GanbuLabels.Of(r.Tier), r.HandlerName,
                r.Deadline.ToString("yyyy-MM-dd"), GanbuLabels.Of(r.Status) + (r.IsOverdue ? "（逾期）" : ""), r.EscalationLevel, r.Summary,
            }));
            AddSheet(book, sheets, 2, "逾期诉求", overdueRows, 10);
            book.Workbook.Save();
        }

        db.AuditEvent("export", "GanbuQuarterSummary", $"{year}Q{quarter}", $"{summary.Label}，{summary.Units.Count} 个单位，{summary.Total.Total} 件诉求");
        await db.SaveChangesAsync(ct);
    }

    private static void AddSheet(WorkbookPart book, Sheets sheets, uint id, string name, List<object?[]> rows, int columns)
    {
        var part = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{ColumnName(c)}{r + 1}";
                switch (rows[r][c])
                {
                    case null: break;
                    case int n: row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n), DataType = CellValues.Number }); break;
                    case double d: row.Append(new Cell { CellReference = reference, CellValue = new CellValue(d), DataType = CellValues.Number }); break;
                    case var value:
                        row.Append(new Cell
                        {
                            CellReference = reference, DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(value.ToString()!)),
                        });
                        break;
                }
            }
            data.Append(row);
        }
        var cols = new Columns(new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true },
            new Column { Min = 2, Max = (uint)Math.Max(2, columns), Width = 12, CustomWidth = true });
        part.Worksheet = new Worksheet(cols, data);
        sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    // ---------------------------------------------------------------- inspections

    /// <summary>Records an inspection result for a unit (the organisation department only); nothing recorded is deleted.</summary>
    public async Task<int> RecordInspectionAsync(PortalUser user, GanbuInspectionInput input, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        if (!GanbuAccess.IsOrganisationDept(user)) throw new AccessDeniedException("只有县委组织部可以登记督导检查结果。");
        var today = clock.Today();
        var inspectedBy = TextInput.Clean(input.InspectedBy) ?? user.DisplayName;
        var v = new Validator()
            .Check(input.UnitId is not null, nameof(input.UnitId), "请选择单位。")
            .Check(Enum.IsDefined(input.Kind), nameof(input.Kind), "请选择检查结果。")
            .Check(input.Date is not null, nameof(input.Date), "请填写日期。")
            .Check(input.Date is null || DateOnly.FromDateTime(input.Date.Value) <= today, nameof(input.Date), "日期不能晚于今天。")
            .Require(nameof(input.Note), input.Note, "情况说明").MaxLength(nameof(input.Note), input.Note?.Trim(), 2000, "情况说明")
            .MaxLength(nameof(input.InspectedBy), inspectedBy, 100, "检查人");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        string? unitName = null;
        if (input.UnitId is int unitId)
        {
            unitName = await db.OrgUnits.Where(u => u.Id == unitId && u.InstitutionId == user.InstitutionId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            v.Check(unitName is not null, nameof(input.UnitId), "所选单位不存在。");
        }
        int? head = null;
        if (input.Kind is GanbuInspectionKind.HeadInterview or GanbuInspectionKind.CriticismAndHeadInterview && unitName is not null)
        {
            if (input.HeadPersonId is int chosen)
            {
                var exists = await db.People.AnyAsync(p => p.Id == chosen && p.InstitutionId == user.InstitutionId, ct);
                v.Check(exists, nameof(input.HeadPersonId), "所选人员不存在。");
                head = chosen;
            }
            else
            {
                var unitHead = await db.UnitLeaderships.Where(l => l.UnitId == input.UnitId && l.Role == LeadershipRole.Head &&
                                                                   (l.StartsOn == null || l.StartsOn <= today) && (l.EndsOn == null || l.EndsOn >= today))
                    .OrderBy(l => l.Id).Select(l => (int?)l.PersonId).FirstOrDefaultAsync(ct);
                v.Check(unitHead is not null, nameof(input.HeadPersonId), $"“{unitName}”未设置一把手，请选择被约谈的一把手。");
                head = unitHead;
            }
        }
        v.ThrowIfInvalid();

        var inspection = new GanbuInspection
        {
            InstitutionId = user.InstitutionId, UnitId = input.UnitId!.Value, Kind = input.Kind, Date = DateOnly.FromDateTime(input.Date!.Value),
            Note = input.Note!.Trim(), HeadPersonId = head, InspectedBy = inspectedBy, RecordedByUserId = user.UserId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<GanbuInspection>().Add(inspection);
        await db.SaveChangesAsync(ct);
        return inspection.Id;
    }

    public async Task<IReadOnlyList<GanbuInspectionRow>> InspectionsAsync(PortalUser user, int? year = null, int? unitId = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        EnsureOverseer(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<GanbuInspection>().AsNoTracking().Where(i => i.InstitutionId == user.InstitutionId);
        if (year is int y) q = q.Where(i => i.Date >= new DateOnly(y, 1, 1) && i.Date <= new DateOnly(y, 12, 31));
        if (unitId is int u) q = q.Where(i => i.UnitId == u);
        return await q.OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new GanbuInspectionRow(i.Id, i.UnitId, i.Unit!.Name, i.Kind, i.Date, i.Note,
                i.HeadPerson != null ? i.HeadPerson.Name : null, i.InspectedBy,
                db.UserAccounts.Where(a => a.Id == i.RecordedByUserId).Select(a => a.DisplayName).FirstOrDefault() ?? "",
                i.RecordedAt))
            .ToListAsync(ct);
    }
}
