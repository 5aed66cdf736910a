using System.Text.Json;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianzheng;

public sealed partial class LianzhengService
{
    /// <summary>The module's record-form keys for the two signatures (annex 1 家访领导签名, 家访记录人签名).</summary>
    public const string LeaderSignedField = "LeaderSigned";
    public const string RecorderSignedField = "RecorderSigned";

    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>
    /// The 记录单 of a visit, one per person visited, for the printable form. It shows the home address and the
    /// spouse, so reading it is audited. After it was sent to the discipline office, the archived copy is shown.
    /// </summary>
    public async Task<LianzhengRecordSheet> GetRecordSheetAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await VisibleVisits(db, user).AsNoTracking().Where(v => v.Id == visitId)
            .Select(v => new { v.Id, v.Form, v.Status }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var archive = await ArchiveOfAsync(db, visitId, ct);
        var forms = archive is not null
            ? ReadSnapshot(archive.SnapshotJson)
            : await BuildFormsAsync(db, visitId, ct);
        var institution = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.Name).FirstAsync(ct);
        db.AuditRead(nameof(Visit), visitId, "廉政家访记录单");
        await db.SaveChangesAsync(ct);
        return new LianzhengRecordSheet(visit.Id, institution, visit.Form, visit.Status, forms, archive?.ArchivedAt, archive?.ArchivedBy);
    }

    private sealed record ArchiveInfo(DateTime ArchivedAt, string ArchivedBy, string SnapshotJson);

    private static Task<ArchiveInfo?> ArchiveOfAsync(PortalDbContext db, int visitId, CancellationToken ct) =>
        db.Set<LianzhengRecordArchive>().AsNoTracking().Where(a => a.VisitId == visitId)
            .Select(a => new ArchiveInfo(a.ArchivedAt,
                db.UserAccounts.Where(u => u.Id == a.ArchivedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                a.SnapshotJson))
            .FirstOrDefaultAsync(ct);

    /// <summary>The forms from the visit, the roster (position, home address) and the spouse's family record as they are now.</summary>
    private static async Task<List<LianzhengRecordForm>> BuildFormsAsync(PortalDbContext db, int visitId, CancellationToken ct)
    {
        // One visit's few visitors × targets: one statement.
        var v = await db.Visits.AsNoTracking().Where(x => x.Id == visitId).AsSingleQuery()
            .Select(x => new
            {
                x.Id, x.Status, x.ActualStart, x.Record, x.ProblemsFound, x.Resolution, x.FormDataJson,
                Visitors = x.Visitors.OrderBy(y => y.Id).Select(y => new { y.Person!.Name, y.Person.Position, y.IsRecorder }).ToList(),
                Targets = x.Targets.Where(t => t.PersonId != null).OrderBy(t => t.Id)
                    .Select(t => new { Id = t.PersonId!.Value, t.Person!.Name, t.Person.Position, t.Person.HomeAddress }).ToList(),
            })
            .FirstAsync(ct);
        var ids = v.Targets.Select(t => t.Id).ToList();
        var spouses = (await db.FamilyMembers.AsNoTracking()
                .Where(f => ids.Contains(f.PersonId) && f.Relation == FamilyRelation.Spouse)
                .OrderBy(f => f.Id).Select(f => new { f.PersonId, f.Name, f.Workplace, f.Position }).ToListAsync(ct))
            .GroupBy(f => f.PersonId).ToDictionary(g => g.Key, g => g.First());

        var leaders = LeadersOf(v.Visitors, x => x.IsRecorder);
        var data = VisitFormData.Parse(v.FormDataJson);
        var record = v.Record;
        if (!string.IsNullOrWhiteSpace(v.ProblemsFound))
            record = string.IsNullOrWhiteSpace(record) ? $"发现的问题：{v.ProblemsFound}" : $"{record}\n发现的问题：{v.ProblemsFound}";
        DateOnly? date = v.Status == VisitStatus.Done && v.ActualStart is DateTime at ? DateOnly.FromDateTime(at) : null;

        return v.Targets.Select(t =>
        {
            var spouse = spouses.GetValueOrDefault(t.Id);
            var workplace = spouse is null ? null : JoinWords(spouse.Workplace, spouse.Position);
            return new LianzhengRecordForm(v.Id, t.Id, date, t.Name, t.Position, t.HomeAddress, spouse?.Name, workplace,
                record, v.Resolution,
                string.Join("、", leaders.Select(l => l.Name)), JoinPositions(leaders.Select(l => l.Position)),
                v.Visitors.FirstOrDefault(x => x.IsRecorder)?.Name,
                VisitFormData.IsYes(data.GetValueOrDefault(LeaderSignedField)), VisitFormData.IsYes(data.GetValueOrDefault(RecorderSignedField)));
        }).ToList();
    }

    private static string? JoinWords(string? a, string? b)
    {
        var s = $"{a?.Trim()} {b?.Trim()}".Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>Signatures and archive state of a visit's record form, and what the user may do with it.</summary>
    public async Task<LianzhengRecordStatus> GetRecordStatusAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await VisibleVisits(db, user).AsNoTracking().Where(x => x.Id == visitId)
            .Select(x => new { x.Id, x.Version, x.Status, x.FormDataJson, Visitors = x.Visitors.Select(y => y.PersonId).ToList() })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var archive = await ArchiveOfAsync(db, visitId, ct);
        var data = VisitFormData.Parse(v.FormDataJson);
        var leaderSigned = VisitFormData.IsYes(data.GetValueOrDefault(LeaderSignedField));
        var recorderSigned = VisitFormData.IsYes(data.GetValueOrDefault(RecorderSignedField));
        var takesPart = user.PersonId is int me && v.Visitors.Contains(me);
        var open = takesPart && v.Status == VisitStatus.Done && archive is null;
        string? reason = null;
        if (takesPart && archive is null)
        {
            if (v.Status != VisitStatus.Done) reason = "家访登记结果后才能报送记录单。";
            else if (!leaderSigned || !recorderSigned) reason = "家访领导和记录人签名并登记后才能报送。";
        }
        return new LianzhengRecordStatus(v.Id, v.Version, v.Status, leaderSigned, recorderSigned, archive?.ArchivedAt, archive?.ArchivedBy,
            CanSign: open, CanArchive: open && leaderSigned && recorderSigned, CannotArchiveReason: reason);
    }

    /// <summary>Records that the paper form was signed by the visiting leader and the recorder (until it is archived).</summary>
    public async Task SetSignaturesAsync(PortalUser user, int visitId, long version, bool leaderSigned, bool recorderSigned, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadOwnVisitAsync(db, user, visitId, ct);
        if (await db.Set<LianzhengRecordArchive>().AnyAsync(a => a.VisitId == visitId, ct))
            throw new PortalValidationException("Signatures", "记录单已报送纪检监察室备存，不能再修改。");
        var module = programmes.Find(Key) ?? throw new NotFoundException();
        db.Entry(visit).Property(x => x.Version).OriginalValue = version;
        var data = VisitFormData.Parse(visit.FormDataJson).ToDictionary(kv => kv.Key, kv => kv.Value);
        data[LeaderSignedField] = leaderSigned ? "true" : "false";
        data[RecorderSignedField] = recorderSigned ? "true" : "false";
        visit.FormDataJson = VisitFormData.Serialize(module, data);
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>
    /// 报送纪检监察室备存 (§8(三)): the liaison (or another visitor of the visit) sends the signed record form to the
    /// discipline office's archive. Records who and when, and keeps the form as it stands. Once only.
    /// </summary>
    public async Task ArchiveAsync(PortalUser user, int visitId, long version, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadOwnVisitAsync(db, user, visitId, ct);
        if (visit.Version != version) throw new ConcurrencyConflictException();
        if (await db.Set<LianzhengRecordArchive>().AnyAsync(a => a.VisitId == visitId, ct))
            throw new PortalValidationException("Archive", "该记录单已报送纪检监察室备存。");
        var forms = await BuildFormsAsync(db, visitId, ct);
        if (forms.Count == 0 || forms.Any(f => !f.LeaderSigned || !f.RecorderSigned))
            throw new PortalValidationException("Archive", "家访领导和记录人签名并登记后才能报送。");
        db.Set<LianzhengRecordArchive>().Add(new LianzhengRecordArchive
        {
            InstitutionId = user.InstitutionId,
            VisitId = visitId,
            ArchivedAt = clock.GetUtcNow().UtcDateTime,
            ArchivedByUserId = user.UserId,
            SnapshotJson = JsonSerializer.Serialize(forms, SnapshotJson),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A done visit of the programme the user takes part in, for changing its record form.</summary>
    private async Task<Visit> LoadOwnVisitAsync(PortalDbContext db, PortalUser user, int visitId, CancellationToken ct)
    {
        var visit = await VisibleVisits(db, user).Include(v => v.Visitors).FirstOrDefaultAsync(v => v.Id == visitId, ct)
                    ?? throw new NotFoundException();
        if (user.PersonId is not int me || visit.Visitors.All(x => x.PersonId != me))
            throw new AccessDeniedException("只有参加该家访的人员（记录人）可以填写和报送记录单。");
        if (visit.Status != VisitStatus.Done) throw new PortalValidationException("Archive", "家访登记结果后才能签名和报送记录单。");
        return visit;
    }

    /// <summary>Who may open the discipline office's archive of record forms (listed and exported by the core's RecordArchiveService).</summary>
    public static bool CanReadArchive(PortalUser user) => user.IsAnyRole([Roles.DisciplineOffice, Roles.SystemAdmin]);

    /// <summary>The forms of an archived copy (<see cref="LianzhengRecordArchive.SnapshotJson"/>).</summary>
    internal static List<LianzhengRecordForm> ReadSnapshot(string json) =>
        JsonSerializer.Deserialize<List<LianzhengRecordForm>>(json, SnapshotJson) ?? [];
}
