using HomeVisit.Core.Accounts;

namespace HomeVisit.Portal.Account.Sso;

/// <summary>The problem page's title and explanation per reason (Chinese; English in SsoTexts), and the audit wording.</summary>
public static class SsoProblemTexts
{
    public const string MissingStaffNumber = "missing_staff_number";
    public const string UnknownPerson = "unknown_person";
    public const string AmbiguousPerson = "ambiguous_person";
    public const string NoAccount = "no_account";
    public const string LinkedToOther = "linked_to_other";
    public const string Disabled = "disabled";

    public static string ReasonOf(SsoOutcome outcome) => outcome switch
    {
        SsoOutcome.MissingStaffNumber => MissingStaffNumber,
        SsoOutcome.UnknownPerson => UnknownPerson,
        SsoOutcome.AmbiguousPerson => AmbiguousPerson,
        SsoOutcome.NoAccount => NoAccount,
        SsoOutcome.LinkedToOther => LinkedToOther,
        SsoOutcome.Disabled => Disabled,
        _ => SsoReasons.Error,
    };

    /// <summary>Whether the person should ask someone (roster, accounts) rather than simply try again.</summary>
    public static bool NeedsSomeone(string reason) =>
        reason is MissingStaffNumber or UnknownPerson or AmbiguousPerson or NoAccount or LinkedToOther or Disabled;

    public static string Title(string reason) => reason switch
    {
        UnknownPerson => "平台名单中没有找到您",
        MissingStaffNumber => "统一身份认证未提供您的工号",
        AmbiguousPerson => "您的工号对应多个单位",
        NoAccount => "您尚未开通本平台账号",
        LinkedToOther => "您的平台账号已关联其他统一身份认证账号",
        Disabled => "该账号已停用",
        SsoReasons.Denied => "您取消了统一身份认证登录",
        SsoReasons.Unavailable => "暂时无法连接统一身份认证服务",
        _ => "统一身份认证登录未成功",
    };

    public static string Explanation(string reason) => reason switch
    {
        UnknownPerson => "您已通过统一身份认证，但家访工作平台的人员名单中没有您的工号，因此无法为您登录。名单由本单位组织人事部门维护。",
        MissingStaffNumber => "统一身份认证返回的信息中没有工号，平台无法确认您是谁。这通常是统一身份认证的配置问题。",
        AmbiguousPerson => "您的工号在平台的多个单位中都存在，平台无法确定您属于哪个单位。",
        NoAccount => "您在平台的人员名单中，但还没有平台账号。账号由系统管理员开通。",
        LinkedToOther => "您在平台的账号已与另一个统一身份认证账号关联。如您的统一身份认证账号已更换，请系统管理员解除原关联。",
        Disabled => "您的平台账号已被停用。",
        SsoReasons.Denied => "登录已取消，您可以重新登录。",
        SsoReasons.Unavailable => "统一身份认证服务暂时无法访问，请稍后再试；系统管理员仍可使用本地账号登录。",
        SsoReasons.State => "登录请求已失效或被篡改（例如在登录过程中刷新或打开了旧的链接），请重新登录。",
        SsoReasons.Nonce or SsoReasons.Signature or SsoReasons.Issuer or SsoReasons.Audience or SsoReasons.Expired
            or SsoReasons.NotYetValid or SsoReasons.InvalidToken or SsoReasons.IdTokenMissing or SsoReasons.IssuerMismatch
            => "统一身份认证返回的身份凭证未通过校验，为安全起见未予登录。请重新登录；如仍失败，请联系系统管理员。",
        _ => "登录过程中出现问题，请重新登录；如仍失败，请联系系统管理员。",
    };

    /// <summary>The reason as written in the audit log.</summary>
    public static string AuditReason(string reason) => reason switch
    {
        SsoReasons.State => "state 无效或已被篡改",
        SsoReasons.Denied => "用户在统一身份认证处取消",
        SsoReasons.ProviderError => "统一身份认证返回错误",
        SsoReasons.Unavailable => "无法连接统一身份认证服务",
        SsoReasons.TokenEndpoint => "令牌端点拒绝了授权码",
        SsoReasons.IssuerMismatch => "授权响应的签发方不符",
        SsoReasons.IdTokenMissing => "令牌响应中没有 id_token",
        SsoReasons.Signature => "id_token 签名无效",
        SsoReasons.Issuer => "id_token 签发方不符",
        SsoReasons.Audience => "id_token 受众（aud）不是本平台",
        SsoReasons.Expired => "id_token 已过期",
        SsoReasons.NotYetValid => "id_token 尚未生效",
        SsoReasons.Nonce => "id_token 的 nonce 不符",
        SsoReasons.InvalidToken => "id_token 无效",
        SsoReasons.UserInfo => "userinfo 读取失败或主体不符",
        _ => "未知错误",
    };
}
