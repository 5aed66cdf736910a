namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the texts of the Org pages.</summary>
    private static Dictionary<string, string> OrgTexts => new(StringComparer.Ordinal)
    {
        ["新增顶级单位"] = "Add top-level unit",
        ["尚未建立组织机构。"] = "No organisation units yet.",
        ["点击左侧单位查看详情。"] = "Choose a unit on the left to see its details.",
        ["新增单位"] = "Add unit",
        ["编辑单位"] = "Edit unit",
        ["添加下级单位"] = "Add sub-unit",
        ["名称"] = "Name",
        ["上级单位"] = "Parent unit",
        ["（无，顶级单位）"] = "(none: top level)",
        ["类别"] = "Kind",
        ["编码"] = "Code",
        ["排序"] = "Sort order",
        ["人数"] = "People",
        ["{0} 人"] = "{0} people",
        ["本单位 {0} 人，含下级共 {1} 人"] = "{0} in this unit, {1} including sub-units",
        ["查看本单位人员"] = "See the people of this unit",
        ["领导班子"] = "Leadership",
        ["尚未设置领导。"] = "No leaders assigned.",
        ["职责"] = "Role",
        ["人员"] = "Person",
        ["输入姓名或工号查找"] = "Type a name or staff number",
        ["设置领导"] = "Assign",
        ["移除"] = "Remove",
        ["移除领导"] = "Remove leader",
        ["已移除"] = "Removed",
        ["确定取消 {0} 在{1}的“{2}”职责吗？"] = "Remove {0} as {2} of {1}?",
        // Shared with the People pages; repeated so this file stands alone.
        ["姓名"] = "Name",
        ["职务"] = "Position",
        ["编辑"] = "Edit",
        ["保存"] = "Save",
        ["取消"] = "Cancel",
        ["已保存"] = "Saved",
        ["该记录已被他人修改"] = "Someone else has changed this record",
        ["您填写的内容仍保留在下方；重新加载将放弃这些修改并显示最新内容。"] = "What you entered is still below; reloading discards it and shows the latest version.",
        ["重新加载"] = "Reload",
        ["重新加载将放弃您在此处的修改，确定吗？"] = "Reloading discards your changes here. Continue?",
    };
}
