using HomeVisit.Core.People;
using HomeVisit.Core.Sanctions;

namespace HomeVisit.Core.Demo.Programmes;

/// <summary>
/// 受处分人员回访关爱 demo: sanction records in every state of the rule (due, over, expelled, transferred to judicial
/// organs, retired). No revisits are seeded: signing in as <see cref="DemoAccounts.CaseManagement"/> and planning one is
/// the way to try the programme.
/// </summary>
public static class HuifangDemo
{
    public static void Add(DemoData demo)
    {
        var (institutionId, roster, nowUtc, today) = (demo.InstitutionId, demo.Roster, demo.NowUtc, demo.Today);
        var by = roster.Accounts.First(a => a.UserName == DemoAccounts.CaseManagement);
        void Add(Person person, string caseNumber, string reason, PartySanction? party, int partyMonthsAgo, GovernmentSanction? government, int governmentMonthsAgo,
            Action<SanctionRecord>? more = null)
        {
            var r = new SanctionRecord
            {
                InstitutionId = institutionId, PersonId = person.Id, CaseNumber = caseNumber, Reason = reason,
                PartyKind = party, PartyDecidedOn = party is null ? null : today.AddMonths(-partyMonthsAgo),
                PartyInfluenceMonths = party is { } pk ? InfluencePeriods.DefaultMonths(pk) : null,
                GovernmentKind = government, GovernmentDecidedOn = government is null ? null : today.AddMonths(-governmentMonthsAgo),
                GovernmentInfluenceMonths = government is { } gk ? InfluencePeriods.DefaultMonths(gk) : null,
                Education = "大学本科", WorkStartedOn = person.BirthDate?.AddYears(23), PartyJoinedOn = person.Party == PartyMembership.Member ? person.BirthDate?.AddYears(21) : null,
                CreatedByUserId = by.Id, CreatedAt = nowUtc.AddDays(-20),
            };
            more?.Invoke(r);
            var period = EligibilityRule.Period(r);
            (r.InfluenceStartsOn, r.InfluenceEndsOn) = (period?.Start, period?.End);
            demo.Db.Set<SanctionRecord>().Add(r);
        }

        Add(roster.Transport.OfficeHead, "示范纪〔2026〕3号",
            "违反中央八项规定精神，在节日期间收受管理服务对象所送购物卡，价值共计人民币3000元。",
            PartySanction.Warning, 4, null, 0);
        Add(roster.Information.OfficeHead, "示范纪〔2026〕5号",
            "违反工作纪律，在学院实训耗材采购中未按规定履行比价程序，造成一定经济损失。",
            PartySanction.SeriousWarning, 2, GovernmentSanction.Demerit, 2);
        Add(roster.Transport.Deputies[1], "示范纪〔2023〕8号",
            "违反组织纪律，在干部选拔推荐中打招呼、说情。",
            PartySanction.Probation, 30, null, 0);
        Add(roster.PartyOffice.Clerks[2], "示范纪〔2026〕1号",
            "利用职务便利虚报冒领经费，情节严重。",
            null, 0, GovernmentSanction.Expulsion, 5);
        Add(roster.Transport.Teachers[10], "示范纪〔2026〕2号",
            "违反廉洁纪律，在招生工作中收受他人财物，涉嫌违法犯罪。",
            null, 0, GovernmentSanction.MajorDemerit, 6, r => r.TransferredToJudicialOn = today.AddMonths(-1));
        Add(roster.Information.Teachers[12], "示范纪〔2026〕4号",
            "违反工作纪律，多次无故缺席监考工作。",
            null, 0, GovernmentSanction.Warning, 3, r => r.RetiredOn = today.AddDays(-10));
    }

}
