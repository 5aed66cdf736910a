namespace HomeVisit.Programmes.Qinglian;

/// <summary>Chinese names of the module's values, shown on its pages through its texts (English in QinglianResources.en.resx).</summary>
public static class QinglianLabels
{
    public static string Of(NoticeMethod method) => method switch
    {
        NoticeMethod.HandDelivered => "当面送达书面通知",
        NoticeMethod.Post => "邮寄",
        NoticeMethod.Electronic => "电子文书（微信、短信、邮件）",
        _ => "口头或电话",
    };

    public static string Of(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Due => "待家访",
        HouseholdStatus.Scheduled => "已安排",
        _ => "已完成",
    };
}
