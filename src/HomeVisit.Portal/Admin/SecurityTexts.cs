namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the security pages and labels (issue 13): discipline roles, the audit log's client address.</summary>
    private static Dictionary<string, string> SecurityTexts => new(StringComparer.Ordinal)
    {
        ["纪检角色"] = "Discipline roles",
        ["纪检监察、案件管理室角色可查看受处分人员信息，只能由纪检监察部门的另一人授予或撤销；每次授予和撤销都记入审计日志。"] =
            "The discipline office and case management roles open sanction records. Only another member of the discipline office may grant or revoke them; each grant and revocation is in the audit log.",
        ["授予"] = "Grant",
        ["客户端地址"] = "Client address",
        ["纪检监察、案件管理室角色由纪检监察部门在“纪检角色”中授予或撤销。"] =
            "The discipline office and case management roles are granted and revoked by the discipline office, under Discipline roles.",
        ["撤销{0}"] = "Revoke {0}",
    };
}
