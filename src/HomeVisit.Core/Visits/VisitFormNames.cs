namespace HomeVisit.Core.Visits;

/// <summary>The forms' names as the seeds write them, for ledgers, summaries and rule descriptions.</summary>
public static class VisitFormNames
{
    public static string Of(VisitForm form) => form switch
    {
        VisitForm.HomeVisit => "上门家访",
        VisitForm.KeyAppointment => "重点约访",
        VisitForm.RegularRevisit => "定期回访",
        VisitForm.PhoneVisit => "电话回访",
        VisitForm.LetterVisit => "信函回访",
        VisitForm.HeartTalk => "谈心谈话",
        VisitForm.BranchActivity => "参加支部活动",
        VisitForm.BranchReport => "听取支部汇报",
        VisitForm.OnSiteTalk => "现场谈话",
        VisitForm.ClassroomVisit => "深入课堂",
        VisitForm.CanteenVisit => "深入食堂",
        VisitForm.DormitoryVisit => "深入宿舍（公寓）",
        _ => form.ToString(),
    };
}
