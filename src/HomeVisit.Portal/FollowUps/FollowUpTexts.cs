namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the texts of the FollowUps pages.</summary>
    private static Dictionary<string, string> FollowUpTexts => new(StringComparer.Ordinal)
    {
        ["登记跟踪事项"] = "Raise a follow-up item",
        ["该家访还没有登记跟踪事项。"] = "No follow-up items for this visit yet.",
        ["类型"] = "Kind",
        ["类别"] = "Category",
        ["如：子女入学、住房、医疗"] = "e.g. schooling, housing, medical care",
        ["事项内容"] = "Item",
        ["详细情况"] = "Details",
        ["提出人"] = "Raised by",
        ["（不填）"] = "(not given)",
        ["其他人（填写姓名）"] = "Someone else (enter the name)",
        ["如：家属姓名"] = "e.g. a family member's name",
        ["责任人"] = "Owner",
        ["办理期限"] = "Due by",
        ["保存事项"] = "Save item",
        ["取消"] = "Cancel",
        ["已超期"] = "Overdue",
        ["只看未办结"] = "Open only",
        ["只看超期"] = "Overdue only",
        ["事项内容、类别或提出人"] = "Item, category or who raised it",
        ["没有符合条件的事项。"] = "No items match.",
        ["操作"] = "Actions",
        ["开始办理"] = "Start",
        ["办结"] = "Resolve",
        ["撤回"] = "Withdraw",
        ["办结事项"] = "Resolve the item",
        ["办理结果"] = "Resolution",
        ["做了什么，问题是否解决"] = "What was done, and whether it is solved",
        ["反馈情况"] = "Feedback given",
        ["何时、以何种方式向提出人反馈"] = "When and how the person was told",
        ["撤回事项"] = "Withdraw the item",
        ["撤回原因"] = "Reason for withdrawing",
        ["确定撤回"] = "Withdraw",
        ["撤回“{0}”？撤回的事项不再办理，但记录会保留。"] = "Withdraw “{0}”? It will not be worked on any more, but the record stays.",
        ["该事项已被他人修改，请重新加载后再操作。"] = "Someone else changed this item. Please reload and try again.",
        ["关闭"] = "Close",
        ["来自家访"] = "From visit",
        ["查看家访"] = "Open the visit",
        ["登记时间"] = "Raised at",
        ["办结时间"] = "Closed at",
    };
}
