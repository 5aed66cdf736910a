using HomeVisit.Core.Data;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>Seed 3 三、3 签订《家庭助廉承诺书》: the signed pledge with its scan, checked on the way in and guarded on the way out.</summary>
public sealed class CommitmentTests : IDisposable
{
    private readonly QinglianWorld _w = new();

    public void Dispose() => _w.Dispose();

    private CommitmentInput Input() => new() { PersonId = _w.StaffOne, FamilyMemberId = _w.S.StaffOneSpouse.Id, SignedOn = _w.S.Clock.Today };

    private async Task<string> ScanErrorAsync(ScanUpload? scan)
    {
        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Commitments.RecordAsync(_w.S.Leader1, Input(), scan));
        Assert.Equal(0, await _w.S.ReadAsync(db => db.Commitments.CountAsync()));
        Assert.Empty(Directory.EnumerateFiles(_w.UploadRoot, "*", SearchOption.AllDirectories));
        return error.Errors["Scan"];
    }

    [Fact]
    public async Task Only_pdf_jpg_and_png_files_of_at_most_10_MB_whose_content_matches_are_accepted()
    {
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00];
        Assert.Equal("扫描件只能是 PDF、JPG 或 PNG 文件。", await ScanErrorAsync(new ScanUpload("承诺书.exe", 4, new MemoryStream(exe))));
        Assert.Equal("扫描件只能是 PDF、JPG 或 PNG 文件。", await ScanErrorAsync(new ScanUpload("承诺书.pdf.html", 4, new MemoryStream(exe))));
        Assert.Equal("文件内容与扩展名不符，只能上传 PDF、JPG 或 PNG 文件。", await ScanErrorAsync(new ScanUpload("伪装.pdf", 4, new MemoryStream(exe))));
        Assert.Equal("文件内容与扩展名不符，只能上传 PDF、JPG 或 PNG 文件。", await ScanErrorAsync(QinglianWorld.Png("扩展名是pdf.pdf")));
        Assert.Equal("扫描件是空文件。", await ScanErrorAsync(new ScanUpload("空.pdf", 0, new MemoryStream())));
        Assert.Equal("请上传签字后的承诺书扫描件（PDF、JPG 或 PNG）。", await ScanErrorAsync(null));
        Assert.Equal("扫描件不能超过 10 MB（所选文件 10.0 MB）。", await ScanErrorAsync(new ScanUpload("大.pdf", CommitmentService.MaxScanBytes + 1, Stream.Null)));
        // A browser that under-declares the size is caught by what is actually read.
        Assert.Equal("扫描件不能超过 10 MB。", await ScanErrorAsync(QinglianWorld.Pdf("谎报.pdf", (int)CommitmentService.MaxScanBytes + 1) with { Size = 100 }));

        // Exactly 10 MB, and a PNG and a JPG, are fine.
        var atLimit = await _w.Commitments.RecordAsync(_w.S.Leader1, Input(), QinglianWorld.Pdf("足额.pdf", (int)CommitmentService.MaxScanBytes));
        await _w.Commitments.RecordAsync(_w.S.Leader1, Input(), QinglianWorld.Png());
        byte[] jpg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
        await _w.Commitments.RecordAsync(_w.S.Leader1, Input(), new ScanUpload("扫描.JPG", jpg.Length, new MemoryStream(jpg)));

        var rows = await _w.S.ReadAsync(db => db.Commitments.OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["application/pdf", "image/png", "image/jpeg"], rows.Select(r => r.ScanContentType));
        Assert.Equal(CommitmentService.MaxScanBytes, rows.Single(r => r.Id == atLimit).ScanSize);
    }

    [Fact]
    public async Task The_scan_is_stored_under_the_data_folder_by_institution_with_a_random_name()
    {
        var id = await _w.Commitments.RecordAsync(_w.S.Leader1, Input(), QinglianWorld.Pdf("..\\..\\wwwroot\\evil.pdf"));

        var row = await _w.S.ReadAsync(db => db.Commitments.SingleAsync(c => c.Id == id));
        Assert.Matches($"^{_w.S.InstitutionA}/[0-9a-f]{{32}}$", row.ScanKey);
        Assert.Equal("evil.pdf", row.ScanFileName);
        var file = Path.Combine(_w.UploadRoot, row.ScanKey);
        Assert.True(File.Exists(file));
        Assert.StartsWith("%PDF-", File.ReadAllText(file));
        Assert.Single(Directory.EnumerateFiles(_w.UploadRoot, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_signer_must_be_of_the_household_the_date_not_in_the_future_and_the_visit_the_households()
    {
        await using (var db = _w.S.Context())
        {
            db.FamilyMembers.Add(new HomeVisit.Core.People.FamilyMember { InstitutionId = _w.S.InstitutionA, PersonId = _w.S.StaffTwo.Id, Relation = HomeVisit.Core.People.FamilyRelation.Spouse, Name = "赵妻" });
            await db.SaveChangesAsync();
        }
        var zhaoSpouse = await _w.S.ReadAsync(db => db.FamilyMembers.Where(f => f.Name == "赵妻").Select(f => f.Id).SingleAsync());
        var input = Input();
        input.FamilyMemberId = zhaoSpouse;
        input.SignedOn = _w.S.Clock.Today.AddDays(1);
        input.VisitId = await _w.PlanAsync(_w.S.Clock.Today.AddDays(5).AddHours(19), _w.S.Leader2, personId: _w.S.StaffTwo.Id);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Commitments.RecordAsync(_w.S.Leader1, input, QinglianWorld.Pdf()));

        Assert.Equal("所选家属不是该职工的家庭成员。", error.Errors[nameof(CommitmentInput.FamilyMemberId)]);
        Assert.Equal("签订日期不能晚于今天。", error.Errors[nameof(CommitmentInput.SignedOn)]);
        Assert.Equal("所选家访不是对该家庭的清廉家访。", error.Errors[nameof(CommitmentInput.VisitId)]);
    }

    [Fact]
    public async Task Only_those_responsible_for_the_household_or_its_visits_may_record_a_commitment()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Commitments.RecordAsync(_w.S.Leader2, Input(), QinglianWorld.Pdf()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Commitments.RecordAsync(_w.S.Staff1, Input(), QinglianWorld.Pdf()));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Commitments.RecordAsync(_w.S.LeaderB, Input(), QinglianWorld.Pdf()));

        // Leader 2 visits 张老师's family with the discipline office's plan: then he may record it for that visit.
        var visit = await _w.Households.PlanAsync(_w.S.Jiwei, new QinglianPlan
        {
            PersonId = _w.StaffOne, PlannedStart = _w.S.Clock.Today.AddDays(4).AddHours(19), VisitorIds = [_w.S.DisciplinePerson.Id, _w.S.LeaderTwo.Id],
        });
        var input = Input();
        input.VisitId = visit;
        await _w.Commitments.RecordAsync(_w.S.Leader2, input, QinglianWorld.Pdf());
        Assert.Empty(Directory.EnumerateFiles(_w.UploadRoot, "*.part", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_scan_is_served_only_to_those_who_may_see_the_commitment_and_each_read_is_audited()
    {
        var id = await _w.CommitmentAsync();

        foreach (var reader in new[] { _w.S.Leader1, _w.S.Staff1, _w.S.Admin, _w.S.Jiwei })
        {
            var scan = await _w.Commitments.OpenScanAsync(reader, id);
            await using (scan.Content)
            {
                Assert.Equal("application/pdf", scan.ContentType);
                Assert.Equal("承诺书.pdf", scan.FileName);
                var buffer = new byte[5];
                await scan.Content.ReadExactlyAsync(buffer);
                Assert.Equal("%PDF-"u8.ToArray(), buffer);
            }
        }
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Commitments.OpenScanAsync(_w.S.Leader2, id));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Commitments.OpenScanAsync(_w.S.LeaderB, id));

        var reads = await _w.S.ReadAsync(db => db.AuditEntries
            .Where(a => a.Action == "read" && a.EntityType == nameof(Commitment) && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).Select(a => a.UserName).ToListAsync());
        Assert.Equal(["leader1", "staff1", "admin", "jiwei"], reads);
        Assert.Empty(await _w.Commitments.ForPersonAsync(_w.S.Leader2, _w.StaffOne));
        Assert.Single(await _w.Commitments.ForPersonAsync(_w.S.Staff1, _w.StaffOne));
    }

    [Fact]
    public async Task A_family_member_who_signed_a_commitment_cannot_be_deleted()
    {
        await _w.CommitmentAsync();

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.S.People.RemoveFamilyMemberAsync(_w.S.Admin, _w.StaffOne, _w.S.StaffOneSpouse.Id));

        Assert.Equal("张妻 已签订《家庭助廉承诺书》，不能删除。", error.Errors["Family"]);
    }

    [Fact]
    public async Task The_visit_page_section_shows_the_gift_pack_and_the_commitments_signed_on_the_visit()
    {
        var id = await _w.PlanAsync(_w.S.Clock.Today.AddDays(3).AddHours(19));
        _w.S.Clock.Advance(TimeSpan.FromDays(4));
        await _w.RecordAsync(id, _w.S.Clock.Today.AddHours(-5));
        var before = await _w.Households.VisitInfoAsync(_w.S.Leader1, id);
        await _w.CommitmentAsync(id);

        var after = await _w.Households.VisitInfoAsync(_w.S.Leader1, id);

        Assert.Equal(["清廉家访登记表", "家庭助廉承诺书"], before.GiftPack);
        Assert.True(before.CommitmentSigned);
        Assert.False(before.RegistrationFilled);
        Assert.Empty(before.Commitments);
        // A done visit had its written notice in time (issue 16 item 1: no 已完成 without it).
        Assert.Equal(NoticeState.InTime, before.Notice.State);
        Assert.Equal("张妻", Assert.Single(after.Commitments).FamilyMemberName);
        Assert.True(after.CanRecordCommitment);
        Assert.False(after.CanSendNotice);
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Households.VisitInfoAsync(_w.S.Leader2, id));
    }
}
