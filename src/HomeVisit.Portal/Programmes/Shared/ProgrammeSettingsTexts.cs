namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the programme settings and programme overview pages (Programmes/Shared).</summary>
    private static Dictionary<string, string> ProgrammeSettingsTexts => new(StringComparer.Ordinal)
    {
        ["家访项目管理"] = "Programmes", ["依据文件"] = "Source document",
        ["没有这个家访项目。"] = "There is no such programme.", ["您没有权限修改该项目的设置。"] = "You may not change this programme's settings.",
        ["项目状态"] = "Status", ["已启用"] = "Enabled", ["已停用"] = "Disabled", ["停用此项目"] = "Disable this programme",
        ["启用此项目"] = "Enable this programme", ["停用"] = "Disable", ["取消"] = "Cancel",
        ["停用后该项目的页面和录入将不可用，已有数据保留"] = "Once disabled, the programme's pages and data entry are unavailable; existing data is kept",
        ["停用期间该项目的页面和录入不可用，已有数据保留；可在“家访项目管理”中重新启用。"] =
            "While disabled, the programme's pages and data entry are unavailable and existing data is kept; enable it again under Programmes.",
        ["项目已启用。"] = "The programme is enabled.", ["项目已停用。"] = "The programme is disabled.",
        ["文件默认值（尚未修改）"] = "The document's defaults (never changed)", ["自 {0} 起生效"] = "In force from {0}",
        ["修改规则"] = "Change the rules", ["保存后产生新版本，从生效日期起使用；此前的统计周期仍按原规则。"] =
            "Saving creates a new version used from its effective date; earlier periods keep the rules they had.",
        ["生效日期"] = "Effective from", ["修改说明"] = "Note", ["保存新版本"] = "Save new version", ["恢复为文件默认值"] = "Restore the document's defaults",
        ["已载入文件默认值"] = "The document's defaults are loaded", ["保存后才会生效。"] = "They take effect only when saved.",
        ["新规则自 {0} 起生效。"] = "The new rules apply from {0}.", ["有 {0} 处需要修改，见各项旁的提示。"] = "{0} settings need correcting; see the messages beside them.",
        ["修改记录"] = "Change history", ["尚未修改过规则，现行的是文件默认值。"] = "The rules were never changed; the document's defaults apply.",
        ["现行"] = "In force", ["待生效"] = "Scheduled", ["{0} 于 {1} 修改"] = "Changed by {0} on {1}", ["规则内容与此前相同。"] = "The rules are the same as before.",
        ["可以家访的角色"] = "Roles who visit", ["职务关键词"] = "Position keywords", ["家访对象范围"] = "Who is visited",         ["春季学期开始（月 / 日）"] = "Spring semester starts (month / day)", ["秋季学期开始（月 / 日）"] = "Autumn semester starts (month / day)",
        ["春季学期开始日期"] = "Spring semester starts", ["秋季学期开始日期"] = "Autumn semester starts",
        ["允许的家访形式"] = "Allowed forms", ["必填记录字段"] = "Required record fields", ["提前通知天数"] = "Days of notice", ["书面通知"] = "Notice in writing",
        ["家访组最少人数"] = "Smallest visiting team", ["计划需审批"] = "Plans need approval", ["审批角色"] = "Approving role",
        ["优先家访情形"] = "Situations calling for a visit", ["添加情形"] = "Add a situation", ["删除"] = "Remove",
        ["如：院长、书记（用逗号或顿号分隔；留空则只按角色）"] = "e.g. dean, secretary (separate with commas; leave empty to go by roles alone)",
        ["不设指标"] = "No quotas", ["添加指标"] = "Add a quota", ["删除此指标"] = "Remove this quota",
        ["适用人员名称"] = "Applies to", ["领导职务"] = "Leadership roles", ["单位类型"] = "Unit kinds", ["角色"] = "Roles",
        ["用逗号或顿号分隔"] = "Separate with commas", ["计数方式"] = "Counts", ["人（按人数）"] = "People (distinct people visited)",
        ["次（按次数）"] = "Visits (number of visits)", ["计数的家访形式"] = "Forms that count", ["全部允许的形式"] = "Every allowed form",
        ["最低数量"] = "Minimum", ["依据条款"] = "Source paragraph", ["（无）"] = "(none)",
                ["在编在岗干部职工"] = "Staff in establishment", ["受处分人员"] = "Disciplined persons", ["家庭成员"] = "Family members",
        ["联系的师生个人"] = "Linked teachers and students",
        ["家访情况记录"] = "Visit record", ["发现的问题"] = "Problems found", ["处理情况"] = "Resolution", ["见到的家庭成员"] = "Family members met",
        ["本单位的家访项目：是否启用、现行规则的统计周期与指标；在各项目的设置页修改。"] =
            "Your institution's programmes: whether each is on, and the period and quotas of the rules in force; change them on each programme's settings page.",
        ["项目"] = "Programme", ["状态"] = "Status", ["指标数"] = "Quotas", ["现行规则生效日期"] = "Rules in force since", ["文件默认值"] = "Document defaults",
        ["设置"] = "Settings", ["无修改权限"] = "No permission to change",
    };
}
