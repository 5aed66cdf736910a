using HomeVisit.Core.Data;
using HomeVisit.Programmes.Huifang;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// Issue 16 item 10, seed 5 第五条: “其他需要回访关爱教育的人员” are recorded without a sanction, and the exclusions that hold
/// only “原则上” can be set aside with a reason the 纪委主要负责人 approves, audited.
/// </summary>
public sealed class FifthArticleTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    public void Dispose() => _w.Dispose();

    private DateTime Today => _w.S.Clock.Today;

    [Fact]
    public async Task Another_person_in_need_of_care_is_recorded_without_a_sanction_and_revisited_within_the_care_period()
    {
        var edit = new SanctionEdit { PersonId = _w.S.LeaderTwo.Id, Reason = "家庭发生重大变故，思想波动较大，需要回访关爱教育。", IsOtherPerson = true };
        var missing = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Sanctions.SaveAsync(_w.Anguan, edit));
        Assert.Equal("请填写回访关爱期间（起止日期）。", missing.Errors[nameof(SanctionEdit.CareStartsOn)]);
        edit.PartyKind = PartySanction.Warning;
        edit.CareStartsOn = Today.AddDays(-10);
        edit.CareEndsOn = Today.AddMonths(6);
        var both = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Sanctions.SaveAsync(_w.Anguan, edit));
        Assert.True(both.Errors.ContainsKey(nameof(SanctionEdit.IsOtherPerson)));
        edit.PartyKind = null;

        var id = await _w.Sanctions.SaveAsync(_w.Anguan, edit);

        var record = await _w.Sanctions.GetAsync(_w.Jiwei, id);
        Assert.True(record.IsOtherPerson);
        Assert.True(record.Eligibility.IsDue);
        Assert.StartsWith("其他需要回访关爱教育的人员，回访关爱期间", record.Eligibility.Reason);
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(id));
        Assert.True(visitId > 0);
        // After the care period the person is no longer due.
        _w.S.Clock.Advance(TimeSpan.FromDays(200));
        Assert.Equal(RevisitEligibility.Ended, (await _w.Sanctions.GetAsync(_w.Jiwei, id)).Eligibility.Status);
    }

    [Fact]
    public async Task An_exclusion_held_in_principle_is_set_aside_only_with_a_reason_the_committee_head_approves_and_it_is_audited()
    {
        // A warning decided two months ago; the person retired ten days ago, within the influence period: 原则上不再回访.
        var id = await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(Today).AddDays(-60), e => e.RetiredOn = Today.AddDays(-10));
        Assert.Equal(RevisitEligibility.Excluded, (await _w.Sanctions.GetAsync(_w.Jiwei, id)).Eligibility.Status);
        await Assert.ThrowsAsync<PortalValidationException>(() => _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(id)));

        // The case management office asks, with a reason: the exclusion stands until approved.
        var edit = SanctionEdit.From(await _w.Sanctions.GetAsync(_w.Anguan, id));
        edit.ExclusionOverrideReason = "退休后仍受聘担任项目负责人，思想压力较大，经研究仍予回访。";
        await _w.Sanctions.SaveAsync(_w.Anguan, edit);
        var asked = await _w.Sanctions.GetAsync(_w.Jiwei, id);
        Assert.Equal(RevisitEligibility.Excluded, asked.Eligibility.Status);
        Assert.False(asked.ExclusionOverrideApproved);
        Assert.True(asked.CanDecideExclusionOverride);
        Assert.False((await _w.Sanctions.GetAsync(_w.Anguan, id)).CanDecideExclusionOverride);

        // Another discipline officer is not the approver; the head is.
        await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Sanctions.DecideExclusionOverrideAsync(_w.Jijian, id, asked.Version, true));
        await _w.Sanctions.DecideExclusionOverrideAsync(_w.Jiwei, id, asked.Version, true);

        var approved = await _w.Sanctions.GetAsync(_w.Jiwei, id);
        Assert.True(approved.ExclusionOverrideApproved);
        Assert.True(approved.Eligibility.IsDue);
        Assert.Contains("经批准仍予回访", approved.Eligibility.Reason);
        Assert.True(await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(id)) > 0);
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "exclusion-override-approved" && a.EntityId == id.ToString() && a.UserId == _w.Jiwei.UserId)));

        // A changed reason is a new request: the exclusion holds again until approved.
        edit = SanctionEdit.From(approved);
        edit.ExclusionOverrideReason = "另有理由。";
        await _w.Sanctions.SaveAsync(_w.Anguan, edit);
        Assert.Equal(RevisitEligibility.Excluded, (await _w.Sanctions.GetAsync(_w.Jiwei, id)).Eligibility.Status);
    }
}
