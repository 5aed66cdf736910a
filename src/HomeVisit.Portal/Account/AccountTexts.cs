namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for the password policy (its settings page and the hint on the change-password page).</summary>
    private static Dictionary<string, string> AccountPolicyTexts => new(StringComparer.Ordinal)
    {
        ["密码策略"] = "Password policy",
        ["本单位所有账号今后设置或重置的密码都须符合此策略；已有密码不受影响。默认：至少 8 位，包含大写字母、小写字母、数字和符号中的至少 3 类（等保2.0 复杂度要求）。"] =
            "Every password set or reset in this institution from now on must meet this policy; existing passwords are not affected. Default: at least 8 characters from at least 3 of upper case, lower case, digits and symbols (the MLPS 2.0 complexity requirement).",
        ["最短长度（位）"] = "Minimum length (characters)",
        ["至少包含的字符类别数（大写字母、小写字母、数字、符号，共 4 类）"] = "Character classes required (of upper case, lower case, digits, symbols)",
        ["至少 {0} 位，包含大写字母、小写字母、数字和符号中的至少 {1} 类。"] = "At least {0} characters, from at least {1} of upper case, lower case, digits and symbols.",
    };
}
