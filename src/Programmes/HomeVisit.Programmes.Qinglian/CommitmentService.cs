using System.Text.RegularExpressions;
using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>
/// Uploaded scans on disk, under the data folder (by default &lt;content root&gt;/data/uploads), one folder per
/// institution, files named by a random id: never under wwwroot, so only an authorised endpoint serves them.
/// </summary>
public sealed partial class ScanStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<string> SaveAsync(int institutionId, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var folder = Path.Combine(Root, institutionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N");
        var path = Path.Combine(folder, name);
        var temp = path + ".part";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            await file.WriteAsync(content, ct);
        File.Move(temp, path);
        return $"{institutionId}/{name}";
    }

    /// <summary>The stored file, or null when it is missing; a key that is not one this store made is refused.</summary>
    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key)) throw new ArgumentException("Bad scan key.", nameof(key));
        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    [GeneratedRegex("^[0-9]{1,10}/[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}

/// <summary>Form model for recording a signed commitment; mutable so the form keeps what was typed.</summary>
public sealed class CommitmentInput
{
    public int PersonId { get; set; }
    public int? FamilyMemberId { get; set; }
    public int? VisitId { get; set; }
    public DateTime? SignedOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>The uploaded scan as the browser sent it.</summary>
public sealed record ScanUpload(string FileName, long Size, Stream Content);

public sealed record CommitmentView(
    int Id, int PersonId, string PersonName, int FamilyMemberId, string FamilyMemberName, FamilyRelation Relation, DateOnly SignedOn,
    int? VisitId, string ScanFileName, string ScanContentType, long ScanSize, int? TemplateRevisionId, string TemplateHash, string? Note,
    string? CreatedBy, DateTime CreatedAt);

public sealed record ScanFile(Stream Content, string ContentType, string FileName);

/// <summary>
/// Signed 家庭助廉承诺书 with their scans (seed 3 三、3). Seen by the programme's overseers, the staff member
/// themself, the leaders responsible for the household, the visitors of the visit it was signed on and whoever
/// recorded it; recorded by the overseers, the responsible leaders and the visit's visitors.
/// </summary>
public sealed class CommitmentService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ContentTemplateService templates, ScanStore store, ProgrammeAccess access, TimeProvider clock)
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    /// <summary>Accepted scans: extension → content type. The file's first bytes must match too.</summary>
    public static readonly IReadOnlyDictionary<string, string> ScanTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    private bool Oversees(PortalUser user) => programmes.OverseenBy(user).Contains(QinglianProgramme.Key);

    internal async Task<IQueryable<Commitment>> VisibleAsync(PortalDbContext db, PortalUser user, CancellationToken ct)
    {
        var all = db.Set<Commitment>().Where(c => c.InstitutionId == user.InstitutionId);
        if (Oversees(user)) return all;
        var scope = await HouseholdScope.ForAsync(db, user, false, clock.Today(), ct);
        var responsible = scope.People(db, user.InstitutionId).Select(p => p.Id);
        var me = user.PersonId ?? -1;
        return all.Where(c => c.PersonId == me || c.CreatedByUserId == user.UserId || responsible.Contains(c.PersonId) ||
                              (c.VisitId != null && c.Visit!.Visitors.Any(x => x.PersonId == me)));
    }

    /// <summary>The commitments of one household the user may see, newest first.</summary>
    public async Task<IReadOnlyList<CommitmentView>> ForPersonAsync(PortalUser user, int personId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project((await VisibleAsync(db, user, ct)).AsNoTracking().Where(c => c.PersonId == personId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The person file's section (a core page): nothing while the user may not use the programme, else at most
    /// <paramref name="maxRows"/> of what they may see.
    /// </summary>
    internal async Task<IReadOnlyList<CommitmentView>> InPersonFileAsync(PortalDbContext db, PortalUser user, int personId, int maxRows, CancellationToken ct)
    {
        if (!await access.AllowsAsync(user, QinglianProgramme.Key)) return [];
        return await Project((await VisibleAsync(db, user, ct)).AsNoTracking().Where(c => c.PersonId == personId)).Take(maxRows).ToListAsync(ct);
    }

    internal static IQueryable<CommitmentView> Project(IQueryable<Commitment> q) =>
        q.OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Id)
            .Select(c => new CommitmentView(c.Id, c.PersonId, c.Person!.Name, c.FamilyMemberId, c.FamilyMember!.Name, c.FamilyMember.Relation, c.SignedOn,
                c.VisitId, c.ScanFileName, c.ScanContentType, c.ScanSize, c.TemplateRevisionId, c.TemplateHash, c.Note, c.CreatedByName, c.CreatedAt));

    /// <summary>Whether the user may record a commitment for this household (optionally on this visit).</summary>
    public async Task<bool> CanRecordAsync(PortalUser user, int personId, int? visitId = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CanRecordAsync(db, user, personId, visitId, ct);
    }

    private async Task<bool> CanRecordAsync(PortalDbContext db, PortalUser user, int personId, int? visitId, CancellationToken ct)
    {
        if (!user.CanVisit) return false;
        if (Oversees(user)) return true;
        var scope = await HouseholdScope.ForAsync(db, user, false, clock.Today(), ct);
        if (await scope.People(db, user.InstitutionId).AnyAsync(p => p.Id == personId, ct)) return true;
        var me = user.PersonId ?? -1;
        return visitId is int vid && await db.Visits.AnyAsync(v => v.Id == vid && v.InstitutionId == user.InstitutionId &&
                                                                  v.Visitors.Any(x => x.PersonId == me), ct);
    }

    /// <summary>
    /// Records a signed commitment with its scan: PDF, JPG or PNG (checked by name and content), at most 10 MB. The
    /// scan is written under the data folder first; if the record cannot be saved, the file is removed again.
    /// </summary>
    public async Task<int> RecordAsync(PortalUser user, CommitmentInput input, ScanUpload? scan, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        if (!await db.People.AnyAsync(p => p.Id == input.PersonId && p.InstitutionId == user.InstitutionId, ct)) throw new NotFoundException();
        if (!await CanRecordAsync(db, user, input.PersonId, input.VisitId, ct))
            throw new AccessDeniedException("只有负责该家庭家访的领导、家访人员和项目管理部门可以登记承诺书。");

        var today = clock.Today();
        var signedOn = input.SignedOn is { } s ? DateOnly.FromDateTime(s) : (DateOnly?)null;
        var v = new Validator()
            .Check(input.FamilyMemberId is not null, nameof(input.FamilyMemberId), "请选择签订承诺书的家属。")
            .Check(signedOn is not null, nameof(input.SignedOn), "请填写签订日期。")
            .Check(signedOn is null || signedOn <= today, nameof(input.SignedOn), "签订日期不能晚于今天。")
            .Check(signedOn is null || signedOn.Value.Year >= 2000, nameof(input.SignedOn), "签订日期不正确。")
            .MaxLength(nameof(input.Note), input.Note, 500, "备注");
        if (input.FamilyMemberId is int fid)
            v.Check(await db.FamilyMembers.AnyAsync(f => f.Id == fid && f.PersonId == input.PersonId, ct), nameof(input.FamilyMemberId),
                "所选家属不是该职工的家庭成员。");
        if (input.VisitId is int vid)
            v.Check(await VisitService.Visible(db, user, programmes.OverseenBy(user))
                    .AnyAsync(x => x.Id == vid && x.ProgrammeKey == QinglianProgramme.Key && x.Targets.Any(t => t.PersonId == input.PersonId), ct),
                nameof(input.VisitId), "所选家访不是对该家庭的清廉家访。");

        var (bytes, contentType, fileName) = await ReadScanAsync(v, scan, ct);
        v.ThrowIfInvalid();

        var template = await templates.GetAsync(user.InstitutionId, QinglianProgramme.CommitmentTemplate, ct);
        var key = await store.SaveAsync(user.InstitutionId, bytes, ct);
        try
        {
            var commitment = new Commitment
            {
                InstitutionId = user.InstitutionId,
                PersonId = input.PersonId,
                FamilyMemberId = input.FamilyMemberId!.Value,
                VisitId = input.VisitId,
                SignedOn = signedOn!.Value,
                TemplateRevisionId = template.RevisionId,
                TemplateHash = template.Hash,
                ScanFileName = fileName,
                ScanContentType = contentType,
                ScanSize = bytes.Length,
                ScanKey = key,
                Note = TextInput.Clean(input.Note),
                CreatedByUserId = user.UserId,
                CreatedByName = user.DisplayName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(commitment);
            await db.SaveChangesAsync(ct);
            return commitment.Id;
        }
        catch
        {
            store.Delete(key);
            throw;
        }
    }

    /// <summary>
    /// What is wrong with a chosen scan judged by its name and declared size (its type, its size), so the form can say
    /// so beside the field as soon as it is chosen; null when nothing is. Saving checks again, the content too.
    /// </summary>
    public static PortalMessage? ScanProblem(string fileName, long size)
    {
        if (!ScanTypes.ContainsKey(Path.GetExtension(fileName.Trim()))) return new("扫描件只能是 PDF、JPG 或 PNG 文件。");
        if (size > MaxScanBytes) return new("扫描件不能超过 10 MB（所选文件 {0:0.0} MB）。", size / 1024.0 / 1024.0);
        return size == 0 ? new("扫描件是空文件。") : null;
    }

    private static async Task<(byte[] Bytes, string ContentType, string FileName)> ReadScanAsync(Validator v, ScanUpload? scan, CancellationToken ct)
    {
        const string field = "Scan";
        if (scan is null)
        {
            v.Add(field, "请上传签字后的承诺书扫描件（PDF、JPG 或 PNG）。");
            return ([], "", "");
        }
        var name = Path.GetFileName(scan.FileName.Replace('\\', '/')).Trim();
        if (name.Length > 200) name = name[^200..];
        if (!ScanTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            v.Add(field, "扫描件只能是 PDF、JPG 或 PNG 文件。");
            return ([], "", name);
        }
        if (scan.Size > MaxScanBytes)
        {
            v.Add(field, new PortalMessage("扫描件不能超过 10 MB（所选文件 {0:0.0} MB）。", scan.Size / 1024.0 / 1024.0));
            return ([], contentType, name);
        }
        // Read at most one byte more than allowed, whatever size the browser declared.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await scan.Content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxScanBytes)
            {
                v.Add(field, "扫描件不能超过 10 MB。");
                return ([], contentType, name);
            }
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) v.Add(field, "扫描件是空文件。");
        else if (!Matches(bytes, contentType)) v.Add(field, "文件内容与扩展名不符，只能上传 PDF、JPG 或 PNG 文件。");
        return (bytes, contentType, name);
    }

    private static bool Matches(byte[] b, string contentType) => contentType switch
    {
        "application/pdf" => b.AsSpan().StartsWith("%PDF-"u8),
        "image/jpeg" => b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF,
        "image/png" => b.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        _ => false,
    };

    /// <summary>The scan of a commitment the user may see; the read is audited.</summary>
    public async Task<ScanFile> OpenScanAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var c = await (await VisibleAsync(db, user, ct)).AsNoTracking()
            .Where(x => x.Id == id).Select(x => new { x.Id, x.ScanKey, x.ScanContentType, x.ScanFileName }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var stream = store.OpenRead(c.ScanKey) ?? throw new NotFoundException("扫描件文件已丢失，请联系管理员。");
        db.AuditRead(nameof(Commitment), c.Id, "承诺书扫描件");
        await db.SaveChangesAsync(ct);
        return new ScanFile(stream, c.ScanContentType, c.ScanFileName);
    }
}
