using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;

namespace HomeVisit.Tests.Ganbu;

/// <summary>
/// Issue 16 item 7, seed 2 四（二）–（四）: each unit's written quarterly summary, with the organisation department seeing who has
/// not submitted; the unit's 汇报分析会 per quarter; an inspection result that is both 通报批评 and 约谈一把手.
/// The world's clock is 2026-11-20, the fourth quarter; the reporting units are 县教育局, 城关镇 and 县档案馆.
/// </summary>
public sealed class GanbuQuarterReportTests : IDisposable
{
    private readonly GanbuWorld w = new();

    public void Dispose() => w.Dispose();

    [Fact]
    public async Task A_second_first_report_of_a_unit_is_told_that_someone_saved_first_and_does_not_overwrite_it()
    {
        // Both opened the quarter before any report existed (version 0): the unit's head sends first.
        await w.Oversight.SubmitQuarterSummaryAsync(w.EduHeadUser, new GanbuQuarterSummaryInput
        {
            UnitId = w.Education, Year = 2026, Quarter = 4, Version = 0, Summary = "本单位报送的季度总结。",
        });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Oversight.SubmitQuarterSummaryAsync(w.OrgDept, new GanbuQuarterSummaryInput
        {
            UnitId = w.Education, Year = 2026, Quarter = 4, Version = 0, Summary = "组织部代为填写的总结。",
        }));

        var row = Assert.Single(await w.Oversight.QuarterReportsAsync(w.OrgDept, 2026, 4), r => r.UnitName == "县教育局");
        Assert.Equal("本单位报送的季度总结。", row.Summary);
    }

    [Fact]
    public async Task Units_submit_their_quarterly_summary_and_the_organisation_department_sees_who_has_not()
    {
        var before = await w.Oversight.QuarterReportsAsync(w.OrgDept, 2026, 4);
        Assert.Equal(["县教育局", "县档案馆", "城关镇"], before.Select(r => r.UnitName).Order(StringComparer.Ordinal).ToArray());
        Assert.All(before, r => Assert.Null(r.SubmittedAt));

        await w.Oversight.SubmitQuarterSummaryAsync(w.EduHeadUser, new GanbuQuarterSummaryInput
        {
            UnitId = w.Education, Year = 2026, Quarter = 4, Summary = "本季度家访 12 人次，解决困难诉求 5 件；发现苗头性问题 1 个，已提醒。",
        });

        var after = await w.Oversight.QuarterReportsAsync(w.OrgDept, 2026, 4);
        Assert.Equal(2, after.Count(r => r.SubmittedAt is null));
        // Those still owing come first; the submitted one says who sent it.
        Assert.Equal("县教育局", after[^1].UnitName);
        Assert.Equal("周局长", after[^1].SubmittedBy);
        Assert.StartsWith("本季度家访 12 人次", after[^1].Summary);

        // A leader reports for their own unit only, and sees only it.
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Oversight.SubmitQuarterSummaryAsync(w.TownHeadUser, new GanbuQuarterSummaryInput
        {
            UnitId = w.Education, Year = 2026, Quarter = 4, Summary = "代报",
        }));
        Assert.Equal(["城关镇"], (await w.Oversight.QuarterReportsAsync(w.TownHeadUser, 2026, 4)).Select(r => r.UnitName).ToArray());

        // An empty summary, or a quarter not yet begun, is refused beside the field.
        var empty = await Assert.ThrowsAsync<PortalValidationException>(() => w.Oversight.SubmitQuarterSummaryAsync(w.TownHeadUser, new GanbuQuarterSummaryInput
        {
            UnitId = w.Town, Year = 2026, Quarter = 4, Summary = " ",
        }));
        Assert.Equal("请填写季度总结。", empty.Errors[nameof(GanbuQuarterSummaryInput.Summary)]);
        await Assert.ThrowsAsync<PortalValidationException>(() => w.Oversight.SubmitQuarterSummaryAsync(w.TownHeadUser, new GanbuQuarterSummaryInput
        {
            UnitId = w.Town, Year = 2027, Quarter = 1, Summary = "提前报送",
        }));
    }

    [Fact]
    public async Task A_units_analysis_meeting_is_recorded_per_quarter_with_its_date_and_conclusions()
    {
        var early = await Assert.ThrowsAsync<PortalValidationException>(() => w.Oversight.RecordAnalysisMeetingAsync(w.TownHeadUser, new GanbuAnalysisMeetingInput
        {
            UnitId = w.Town, Year = 2026, Quarter = 4, Date = new DateTime(2026, 9, 30), Conclusions = "分析研判",
        }));
        Assert.StartsWith("会议日期不能早于本季度开始", early.Errors[nameof(GanbuAnalysisMeetingInput.Date)]);

        await w.Oversight.RecordAnalysisMeetingAsync(w.TownHeadUser, new GanbuAnalysisMeetingInput
        {
            UnitId = w.Town, Year = 2026, Quarter = 4, Date = new DateTime(2026, 11, 18), Conclusions = "两名干部家庭困难，由工会帮扶；一名干部需谈话提醒。",
        });
        var town = (await w.Oversight.QuarterReportsAsync(w.OrgDept, 2026, 4)).Single(r => r.UnitName == "城关镇");
        Assert.Equal(new DateOnly(2026, 11, 18), town.MeetingDate);
        Assert.StartsWith("两名干部家庭困难", town.MeetingConclusions);
        Assert.Null(town.SubmittedAt);

        // The summary later keeps the meeting; a stale version is a conflict.
        await w.Oversight.SubmitQuarterSummaryAsync(w.TownHeadUser, new GanbuQuarterSummaryInput
        {
            UnitId = w.Town, Year = 2026, Quarter = 4, Version = town.Version, Summary = "本季度家访 4 人次。",
        });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Oversight.SubmitQuarterSummaryAsync(w.TownHeadUser, new GanbuQuarterSummaryInput
        {
            UnitId = w.Town, Year = 2026, Quarter = 4, Version = town.Version, Summary = "改",
        }));
        town = (await w.Oversight.QuarterReportsAsync(w.OrgDept, 2026, 4)).Single(r => r.UnitName == "城关镇");
        Assert.Equal(new DateOnly(2026, 11, 18), town.MeetingDate);
        Assert.NotNull(town.SubmittedAt);
    }

    [Fact]
    public async Task An_inspection_result_can_be_both_a_criticism_and_an_interview_of_the_head()
    {
        await w.Oversight.RecordInspectionAsync(w.OrgDept, new GanbuInspectionInput
        {
            UnitId = w.Education, Kind = GanbuInspectionKind.CriticismAndHeadInterview, Date = new DateTime(2026, 11, 12),
            Note = "家访走过场，台账不全。",
        });
        var row = Assert.Single(await w.Oversight.InspectionsAsync(w.OrgDept, 2026));
        Assert.Equal(GanbuInspectionKind.CriticismAndHeadInterview, row.Kind);
        Assert.Equal("周局长", row.HeadName);
        Assert.Equal("约谈单位一把手并全县通报批评", GanbuLabels.Of(row.Kind));

        var summary = await w.Oversight.QuarterSummaryAsync(w.OrgDept, 2026, 4);
        var education = summary.Units.Single(u => u.UnitId == w.Education);
        Assert.Equal(1, education.Criticisms);
        Assert.Equal(1, education.HeadInterviews);
    }
}
