namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the roster import page. Row errors come from the service and stay in Chinese, like the files.</summary>
    private static Dictionary<string, string> ImportTexts => new(StringComparer.Ordinal)
    {
        ["名单导入"] = "Roster import",
        ["从人事系统导出的 .xlsx 或 .csv 导入组织机构、人员和家庭成员。xlsx 可含“组织机构”“人员”“家庭成员”三个工作表；csv 每个文件一类。人员按工号匹配（已有则更新，没有则新增），单位按单位编码匹配；空白单元格不会清除已有信息。"] =
            "Import the organisation tree, staff and family members from an .xlsx or .csv exported by the HR system. An .xlsx may hold the sheets 组织机构, 人员 and 家庭成员; a .csv holds one kind. People match on staff number (updated if present, otherwise added), units on unit code; blank cells never clear stored data.",
        ["下载导入模板"] = "Download the template",
        ["CSV 文件的内容"] = "CSV file holds",
        ["按表头自动识别"] = "Detect from the header",
        ["组织机构"] = "Organisation units",
        ["人员"] = "People",
        ["家庭成员"] = "Family members",
        ["选择文件（.xlsx 或 .csv，不超过 10 MB）"] = "Choose a file (.xlsx or .csv, up to 10 MB)",
        ["预览：{0}"] = "Preview: {0}",
        ["内容"] = "Kind",
        ["新增"] = "New",
        ["更新"] = "Updated",
        ["不变"] = "Unchanged",
        ["文件中有 {0} 处错误，不能导入。请在 Excel 中改正后重新上传；未写入任何数据。"] =
            "The file has {0} errors and cannot be imported. Correct them in Excel and upload again; nothing was written.",
        ["文件与系统中的数据一致，没有需要导入的变更。"] = "The file matches the stored data; there is nothing to import.",
        ["工作表"] = "Sheet",
        ["行号"] = "Row",
        ["列"] = "Column",
        ["问题"] = "Problem",
        ["变更明细"] = "Changes",
        ["编码/工号"] = "Code / staff no.",
        ["变更内容"] = "What changes",
        ["确认导入"] = "Import",
        ["查看人员名录"] = "Open the people directory",
        ["查看组织机构"] = "Open the organisation tree",
        ["只能导入 .xlsx 或 .csv 文件。"] = "Only .xlsx and .csv files can be imported.",
        ["文件超过 10 MB，请拆分后分批导入。"] = "The file is larger than 10 MB; split it and import the parts.",
        ["正在读取并校验文件……"] = "Reading and checking the file…",
        ["文件上传中断，请重试。"] = "The upload was interrupted; please try again.",
        ["正在导入……"] = "Importing…",
        ["导入完成，共写入 {0} 条记录。"] = "Import finished: {0} records written.",
        ["已取消，未写入任何数据。"] = "Cancelled; nothing was written.",
        ["正在核对数据是否已被修改"] = "Checking that nobody changed the data meanwhile",
        ["正在写入组织机构"] = "Writing organisation units",
        ["正在写入人员"] = "Writing people",
        ["正在写入家庭成员"] = "Writing family members",
        ["导入完成"] = "Done",
    };
}
