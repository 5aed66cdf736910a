using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Data;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>
/// The 领导干部廉政家访记录单 (annex 1): every field, filled from the visit, the roster and the family; the liaison
/// records the signatures and sends it to the discipline office's archive (第八条（三）), which keeps it as it was.
/// </summary>
public sealed class RecordFormTests : IDisposable
{
    private readonly LianzhengWorld _w = new();
    private Services.Scenario S => _w.S;

    public void Dispose() => _w.Dispose();

    private static readonly DateTime VisitedAt = new(2026, 11, 18, 19, 30, 0);

    /// <summary>李院长 visits 孙老师 (with a spouse on record); 甲学院's liaison keeps the record.</summary>
    private async Task<(int Visit, Person Target, Person Liaison, PortalUser LiaisonUser)> ArrangeAsync()
    {
        var (liaison, liaisonUser) = await _w.PersonAsync("吴联络员", S.CollegeJia, "办公室主任", null, Roles.Liaison);
        var (sun, _) = await _w.PersonAsync("孙老师", S.DeptJia, "讲师", "南宁市良庆区五象大道9号");
        await using (var db = S.Context())
        {
            db.FamilyMembers.Add(new FamilyMember
            {
                InstitutionId = S.InstitutionA, PersonId = sun.Id, Relation = FamilyRelation.Spouse, Name = "孙妻", Workplace = "南宁市第三中学", Position = "教师",
            });
            db.FamilyMembers.Add(new FamilyMember { InstitutionId = S.InstitutionA, PersonId = sun.Id, Relation = FamilyRelation.Child, Name = "孙子" });
            await db.SaveChangesAsync();
        }
        var visit = await _w.VisitAsync(S.Leader1, VisitedAt, [S.LeaderOne.Id, liaison.Id], [sun.Id], recorder: liaison.Id,
            record: "家访组与孙老师及配偶座谈，通报学校发展情况。", problems: "子女入托困难", resolution: "已请工会协调附属幼儿园学位。");
        return (visit, sun, liaison, liaisonUser!);
    }

    [Fact]
    public async Task The_form_has_every_field_of_annex_1_and_reading_it_is_audited()
    {
        var (visit, sun, _, liaison) = await ArrangeAsync();

        var sheet = await _w.Lianzheng.GetRecordSheetAsync(liaison, visit);

        var f = Assert.Single(sheet.Forms);
        Assert.Equal(new LianzhengRecordForm(visit, sun.Id, new DateOnly(2026, 11, 18), "孙老师", "讲师", "南宁市良庆区五象大道9号",
            "孙妻", "南宁市第三中学 教师", "家访组与孙老师及配偶座谈，通报学校发展情况。\n发现的问题：子女入托困难", "已请工会协调附属幼儿园学位。",
            "李院长", "副院长", "吴联络员", LeaderSigned: false, RecorderSigned: false), f);
        Assert.Equal("甲示范学院", sheet.InstitutionName);
        Assert.Null(sheet.ArchivedAt);
        Assert.Equal(1, await _w.AuditReadsAsync(nameof(Visit), visit, liaison.UserId));
        Assert.Equal("廉政家访记录单", await _w.ReadAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Visit) && a.EntityId == visit.ToString() && a.UserId == liaison.UserId).Select(a => a.Detail).SingleAsync()));
    }

    [Fact]
    public async Task Someone_outside_the_visit_gets_nothing_but_the_programmes_overseers_may_read_it()
    {
        var (visit, _, _, _) = await ArrangeAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.GetRecordSheetAsync(S.Leader2, visit));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.GetRecordSheetAsync(S.Staff1, visit));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.GetRecordSheetAsync(S.LeaderB, visit));
        Assert.Equal(0, await _w.AuditReadsAsync(nameof(Visit), visit, S.Leader2.UserId));
        Assert.Single((await _w.Lianzheng.GetRecordSheetAsync(S.Jiwei, visit)).Forms);
    }

    [Fact]
    public async Task The_liaison_records_the_signatures_and_sends_the_form_to_the_discipline_office_which_keeps_it_as_it_was()
    {
        var (visit, sun, _, liaison) = await ArrangeAsync();

        var status = await _w.Lianzheng.GetRecordStatusAsync(liaison, visit);
        Assert.True(status.CanSign);
        Assert.False(status.CanArchive);
        Assert.Equal("家访领导和记录人签名并登记后才能报送。", status.CannotArchiveReason);
        var unsigned = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Lianzheng.ArchiveAsync(liaison, visit, status.Version));
        Assert.Equal("家访领导和记录人签名并登记后才能报送。", unsigned.Errors["Archive"]);

        await _w.Lianzheng.SetSignaturesAsync(liaison, visit, status.Version, leaderSigned: true, recorderSigned: true);
        status = await _w.Lianzheng.GetRecordStatusAsync(liaison, visit);
        Assert.True(status.LeaderSigned && status.RecorderSigned && status.CanArchive);
        // The sign-offs are the module's record-form fields on the visit.
        var formData = (await S.Visits.GetAsync(liaison, visit)).FormData;
        Assert.Equal("true", formData[LianzhengService.LeaderSignedField]);
        Assert.Equal("true", formData[LianzhengService.RecorderSignedField]);

        S.Clock.Advance(TimeSpan.FromHours(2));
        await _w.Lianzheng.ArchiveAsync(liaison, visit, status.Version);

        status = await _w.Lianzheng.GetRecordStatusAsync(liaison, visit);
        Assert.Equal(S.Clock.GetUtcNow().UtcDateTime, status.ArchivedAt);
        Assert.Equal("吴联络员", status.ArchivedBy);
        Assert.False(status.CanSign || status.CanArchive);
        await Assert.ThrowsAsync<PortalValidationException>(() => _w.Lianzheng.SetSignaturesAsync(liaison, visit, status.Version, false, false));
        await Assert.ThrowsAsync<PortalValidationException>(() => _w.Lianzheng.ArchiveAsync(liaison, visit, status.Version));

        // The roster changes later; the archived form does not.
        await using (var db = S.Context())
        {
            var person = await db.People.SingleAsync(p => p.Id == sun.Id);
            person.HomeAddress = "南宁市青秀区新址1号";
            await db.SaveChangesAsync();
        }
        var sheet = await _w.Lianzheng.GetRecordSheetAsync(S.Jiwei, visit);
        Assert.Equal("南宁市良庆区五象大道9号", Assert.Single(sheet.Forms).HomeAddress);
        Assert.True(sheet.Forms[0].LeaderSigned && sheet.Forms[0].RecorderSigned);
        Assert.Equal("吴联络员", sheet.ArchivedBy);

        // The discipline office lists it; the organisation department may not open the archive.
        var archived = Assert.Single((await _w.Archives.ListAsync(S.Jiwei, LianzhengWorld.Key, 2026)).Items);
        Assert.Equal(new ArchivedRecordRow(visit, new DateOnly(2026, 11, 18), "孙老师", "李院长", status.ArchivedAt!.Value, "吴联络员"), archived);
        Assert.Empty((await _w.Archives.ListAsync(S.Jiwei, LianzhengWorld.Key, 2025)).Items);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Archives.ListAsync(S.Zuzhi, LianzhengWorld.Key, null));
    }

    [Fact]
    public async Task Only_someone_on_the_visit_signs_and_sends_and_only_once_the_visit_is_done()
    {
        var (visit, sun, liaisonPerson, liaison) = await ArrangeAsync();
        var version = await _w.VersionAsync(visit);

        // An overseer reads the form but does not fill it in.
        Assert.False((await _w.Lianzheng.GetRecordStatusAsync(S.Jiwei, visit)).CanSign);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Lianzheng.SetSignaturesAsync(S.Jiwei, visit, version, true, true));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Lianzheng.ArchiveAsync(S.Leader2, visit, version));

        var planned = await _w.VisitAsync(liaison, new DateTime(2026, 11, 30, 19, 0, 0), [S.LeaderOne.Id, liaisonPerson.Id], [sun.Id], done: false);
        var notDone = await _w.Lianzheng.GetRecordStatusAsync(liaison, planned);
        Assert.False(notDone.CanSign);
        Assert.Equal("家访登记结果后才能报送记录单。", notDone.CannotArchiveReason);
        await Assert.ThrowsAsync<PortalValidationException>(() => _w.Lianzheng.SetSignaturesAsync(liaison, planned, notDone.Version, true, true));
        // A planned visit's form prints blank where the visit has not happened yet.
        var blank = Assert.Single((await _w.Lianzheng.GetRecordSheetAsync(liaison, planned)).Forms);
        Assert.Null(blank.Date);
        Assert.Null(blank.Record);
        Assert.Equal("孙妻", blank.SpouseName);
    }
}
