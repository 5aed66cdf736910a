using HomeVisit.Core.People;
using HomeVisit.Programmes.Huifang;

namespace HomeVisit.Tests.Huifang;

/// <summary>Who is due for a revisit (seed 5 第四条, 第五条), at the exact edges of the influence period.</summary>
public sealed class EligibilityTests
{
    private static readonly DateOnly Decided = new(2025, 11, 20);

    // A party warning: 12 months from 2025-11-20, so in force up to and including 2026-11-19.
    private static SanctionRecord Warning(Action<SanctionRecord>? more = null)
    {
        var r = new SanctionRecord { Reason = "违纪", PartyKind = PartySanction.Warning, PartyDecidedOn = Decided, PartyInfluenceMonths = 12 };
        more?.Invoke(r);
        return r;
    }

    private static EligibilityResult On(SanctionRecord r, int year, int month, int day, EstablishmentStatus status = EstablishmentStatus.InEstablishment) =>
        EligibilityRule.Evaluate(r, status, new DateOnly(year, month, day));

    [Fact]
    public void Due_from_the_decision_day_through_the_last_day_of_influence_and_not_a_day_more()
    {
        var r = Warning();

        Assert.Equal(RevisitEligibility.NotYetInForce, On(r, 2025, 11, 19).Status);
        Assert.Equal(RevisitEligibility.Due, On(r, 2025, 11, 20).Status);
        Assert.Equal(RevisitEligibility.Due, On(r, 2026, 11, 18).Status);
        var lastDay = On(r, 2026, 11, 19);
        Assert.Equal(RevisitEligibility.Due, lastDay.Status);
        Assert.Equal("处于处分影响期内（2025-11-20 至 2026-11-19），应适时回访（第四条）", lastDay.Reason);
        var after = On(r, 2026, 11, 20);
        Assert.Equal(RevisitEligibility.Ended, after.Status);
        Assert.Equal("处分影响期已于 2026-11-19 届满", after.Reason);
    }

    [Fact]
    public void Retirement_inside_the_period_excludes_from_that_day_on_and_retirement_after_it_does_not()
    {
        var inside = Warning(r => r.RetiredOn = new DateOnly(2026, 6, 1));
        Assert.Equal(RevisitEligibility.Due, On(inside, 2026, 5, 31).Status);
        var retired = On(inside, 2026, 6, 1);
        Assert.Equal(RevisitEligibility.Excluded, retired.Status);
        Assert.Equal("处分影响期内已于 2026-06-01 退休，原则上不再回访（第五条）", retired.Reason);

        var onLastDay = Warning(r => r.RetiredOn = new DateOnly(2026, 11, 19));
        Assert.Equal(RevisitEligibility.Due, On(onLastDay, 2026, 11, 18).Status);
        Assert.Equal(RevisitEligibility.Excluded, On(onLastDay, 2026, 11, 19).Status);

        // Retiring the day after the period ends leaves every day of the period due.
        var justAfter = Warning(r => r.RetiredOn = new DateOnly(2026, 11, 20));
        Assert.Equal(RevisitEligibility.Due, On(justAfter, 2026, 11, 19).Status);
        Assert.Equal(RevisitEligibility.Ended, On(justAfter, 2026, 11, 20).Status);

        // Retired per the roster but without a date on the record: excluded, and said so.
        var roster = On(Warning(), 2026, 3, 1, EstablishmentStatus.Retired);
        Assert.Equal(RevisitEligibility.Excluded, roster.Status);
        Assert.Contains("退休", roster.Reason);
    }

    [Fact]
    public void Transfer_to_judicial_organs_and_criminal_punishment_exclude_from_their_day()
    {
        var judicial = Warning(r => r.TransferredToJudicialOn = new DateOnly(2026, 3, 1));
        Assert.Equal(RevisitEligibility.Due, On(judicial, 2026, 2, 28).Status);
        var transferred = On(judicial, 2026, 3, 1);
        Assert.Equal(RevisitEligibility.Excluded, transferred.Status);
        Assert.Equal("已于 2026-03-01 移送司法机关依法处理，原则上不再回访（第五条）", transferred.Reason);

        var criminal = On(Warning(r => r.CriminallyPunishedOn = new DateOnly(2026, 4, 2)), 2026, 5, 1);
        Assert.Equal(RevisitEligibility.Excluded, criminal.Status);
        Assert.Contains("受到刑事处罚", criminal.Reason);
    }

    [Fact]
    public void Expulsion_from_the_party_or_public_office_excludes_whatever_the_day()
    {
        var party = new SanctionRecord { Reason = "x", PartyKind = PartySanction.Expulsion, PartyDecidedOn = Decided };
        Assert.Equal("受到开除党籍处分，原则上不再回访（第五条）", On(party, 2026, 1, 1).Reason);

        // A demerit that would be in force, with expulsion from public office in the same case.
        var both = new SanctionRecord
        {
            Reason = "x", PartyKind = PartySanction.SeriousWarning, PartyDecidedOn = Decided, PartyInfluenceMonths = 18,
            GovernmentKind = GovernmentSanction.Expulsion, GovernmentDecidedOn = Decided,
        };
        Assert.Equal(RevisitEligibility.Excluded, On(both, 2026, 1, 1).Status);
        Assert.Contains("开除公职", On(both, 2026, 1, 1).Reason);
    }

    [Fact]
    public void Party_and_government_sanctions_together_are_due_from_the_first_decision_to_the_last_day_of_either()
    {
        var r = new SanctionRecord
        {
            Reason = "x", PartyKind = PartySanction.Warning, PartyDecidedOn = new DateOnly(2026, 1, 10), PartyInfluenceMonths = 12,
            GovernmentKind = GovernmentSanction.MajorDemerit, GovernmentDecidedOn = new DateOnly(2026, 2, 1), GovernmentInfluenceMonths = 18,
        };

        Assert.Equal((new DateOnly(2026, 1, 10), new DateOnly(2027, 7, 31)), EligibilityRule.Period(r));
        Assert.Equal(RevisitEligibility.Due, On(r, 2027, 7, 31).Status);
        Assert.Equal(RevisitEligibility.Ended, On(r, 2027, 8, 1).Status);
    }

    [Theory]
    [InlineData(PartySanction.Warning, 12)]
    [InlineData(PartySanction.SeriousWarning, 18)]
    [InlineData(PartySanction.RemovalFromPartyPost, 24)]
    [InlineData(PartySanction.Probation, 12)]
    public void Party_sanctions_default_to_the_periods_of_the_party_regulations(PartySanction kind, int months) =>
        Assert.Equal(months, InfluencePeriods.DefaultMonths(kind));

    [Theory]
    [InlineData(GovernmentSanction.Warning, 6)]
    [InlineData(GovernmentSanction.Demerit, 12)]
    [InlineData(GovernmentSanction.MajorDemerit, 18)]
    [InlineData(GovernmentSanction.Demotion, 24)]
    [InlineData(GovernmentSanction.Dismissal, 24)]
    [InlineData(GovernmentSanction.PostGradeLowered, 24)]
    public void Government_sanctions_default_to_the_periods_of_the_law(GovernmentSanction kind, int months) =>
        Assert.Equal(months, InfluencePeriods.DefaultMonths(kind));

    [Fact]
    public void Expulsions_have_no_influence_period()
    {
        Assert.Null(InfluencePeriods.DefaultMonths(PartySanction.Expulsion));
        Assert.Null(InfluencePeriods.DefaultMonths(GovernmentSanction.Expulsion));
    }
}
