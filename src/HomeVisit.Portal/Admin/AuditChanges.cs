using System.Globalization;
using System.Text.Json;

namespace HomeVisit.Portal.Admin;

/// <summary>One field of an audited change, as the audit page shows it.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// Reads the change an audit entry records (PortalDbContext writes a JSON object: a new row's values, a deleted row's
/// values, or {"before", "after"} per changed field) into rows a reader can follow. Any other detail (a read, a sign-in
/// note) is not a change: <see cref="Parse"/> returns null and the page shows the text as it is.
/// </summary>
public static class AuditChanges
{
    // Field labels by property name; a name not listed is shown as stored. Chinese keys for the page's texts.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "名称", ["Title"] = "标题", ["Gender"] = "性别", ["BirthDate"] = "出生日期", ["StaffNumber"] = "工号",
        ["UnitId"] = "单位", ["ParentId"] = "上级单位", ["Position"] = "职务", ["Rank"] = "职级", ["Establishment"] = "编制",
        ["Party"] = "政治面貌", ["PartyBranchId"] = "党支部", ["Phone"] = "电话", ["HomeAddress"] = "家庭住址",
        ["Relation"] = "关系", ["Workplace"] = "工作单位", ["LivesLocally"] = "是否在本地", ["PersonId"] = "人员",
        ["ProgrammeKey"] = "家访项目", ["Form"] = "家访形式", ["PlannedStart"] = "计划开始", ["PlannedEnd"] = "计划结束",
        ["ActualStart"] = "实际开始", ["Place"] = "地点", ["Purpose"] = "目的", ["Record"] = "家访记录",
        ["ProblemsFound"] = "发现的问题", ["Resolution"] = "处理情况", ["Status"] = "状态", ["NotifiedAt"] = "通知时间",
        ["CancelReason"] = "取消原因", ["Trigger"] = "触发原因", ["FormDataJson"] = "表单内容", ["Approval"] = "审批",
        ["ApprovedByUserId"] = "审批人", ["ApprovedAt"] = "审批时间", ["ApprovalNote"] = "审批意见",
        ["CreatedByUserId"] = "创建人", ["CreatedAt"] = "创建时间", ["CompletedAt"] = "完成时间",
        ["ParentVisitId"] = "上一次家访", ["ChainClosedAt"] = "结束跟踪时间", ["ChainCloseNote"] = "结束跟踪说明",
        ["UserName"] = "用户名", ["DisplayName"] = "姓名", ["Email"] = "电子邮箱", ["IsActive"] = "启用",
        ["Roles"] = "角色", ["PasswordHash"] = "密码", ["SecurityStamp"] = "安全标记", ["LastSignInAt"] = "最近登录",
        ["Description"] = "说明", ["DueDate"] = "期限", ["DueOn"] = "期限", ["Note"] = "备注", ["Text"] = "内容",
        ["Markdown"] = "正文", ["Enabled"] = "启用", ["StartsOn"] = "开始日期", ["EndsOn"] = "结束日期", ["Role"] = "职责",
        ["RevokedAt"] = "停用时间", ["Summary"] = "摘要", ["Category"] = "类别", ["Tier"] = "等级", ["Year"] = "年度",
    };

    public static string LabelOf(string field) => Labels.TryGetValue(field, out var label) ? label : field;

    /// <summary>The changed fields, or null when the detail is not a recorded change.</summary>
    public static IReadOnlyList<AuditChange>? Parse(string? detail, string action)
    {
        if (string.IsNullOrWhiteSpace(detail) || detail.TrimStart()[0] != '{') return null;
        try
        {
            using var json = JsonDocument.Parse(detail);
            var rows = new List<AuditChange>();
            foreach (var p in json.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("before", out var before) && p.Value.TryGetProperty("after", out var after))
                    rows.Add(new AuditChange(p.Name, Show(before), Show(after)));
                else if (action == "delete")
                    rows.Add(new AuditChange(p.Name, Show(p.Value), null));
                else
                    rows.Add(new AuditChange(p.Name, null, Show(p.Value)));
            }
            return rows;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.String => ShowText(value.GetString()!),
        _ => value.GetRawText(),
    };

    // Instants and times are stored ISO ("2026-12-07T19:00:00"): shown as the rest of the page shows times.
    private static string ShowText(string text) =>
        text.Length >= 19 && text[10] == 'T' && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.ToString(at.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : text;
}
