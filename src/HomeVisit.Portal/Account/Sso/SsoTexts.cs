namespace HomeVisit.Portal.Localization;

public sealed partial class Texts
{
    /// <summary>English for campus SSO: the sign-in button, the problem page and /admin/sso.</summary>
    private static Dictionary<string, string> SsoTexts => new(StringComparer.Ordinal)
    {
        // Sign-in page
        ["统一身份认证登录"] = "Sign in with campus SSO",
        ["使用 Microsoft Entra ID 登录"] = "Sign in with Microsoft Entra ID",
        ["系统管理员可使用本地账号登录："] = "System admins may sign in with a local account:",
        ["或使用本地账号登录："] = "Or sign in with a local account:",
        ["本地账号登录仅限系统管理员，请使用统一身份认证登录。"] = "Local sign-in is for system admins only. Please sign in with campus SSO.",
        // Problem page
        ["平台名单中没有找到您"] = "You are not in the portal's roster",
        ["统一身份认证未提供您的工号"] = "Campus SSO did not send your staff number",
        ["您的工号对应多个单位"] = "Your staff number belongs to several institutions",
        ["您尚未开通本平台账号"] = "You do not have a portal account yet",
        ["您的平台账号已关联其他统一身份认证账号"] = "Your portal account is linked to another campus SSO account",
        ["该账号已停用"] = "This account is disabled",
        ["您取消了统一身份认证登录"] = "You cancelled the campus sign-in",
        ["暂时无法连接统一身份认证服务"] = "Campus SSO cannot be reached at the moment",
        ["统一身份认证登录未成功"] = "The campus sign-in did not succeed",
        ["您已通过统一身份认证，但家访工作平台的人员名单中没有您的工号，因此无法为您登录。名单由本单位组织人事部门维护。"] =
            "Campus SSO recognised you, but your staff number is not in the portal's roster, so you cannot be signed in. The roster is kept by your institution's personnel office.",
        ["统一身份认证返回的信息中没有工号，平台无法确认您是谁。这通常是统一身份认证的配置问题。"] =
            "Campus SSO sent no staff number, so the portal cannot tell who you are. This is usually a configuration matter.",
        ["您的工号在平台的多个单位中都存在，平台无法确定您属于哪个单位。"] =
            "Your staff number exists in several institutions of the portal, so it cannot tell which one is yours.",
        ["您在平台的人员名单中，但还没有平台账号。账号由系统管理员开通。"] =
            "You are in the portal's roster but have no account yet. A system admin opens accounts.",
        ["您在平台的账号已与另一个统一身份认证账号关联。如您的统一身份认证账号已更换，请系统管理员解除原关联。"] =
            "Your portal account is linked to another campus SSO account. If your campus account was replaced, ask a system admin to remove the old link.",
        ["您的平台账号已被停用。"] = "Your portal account has been disabled.",
        ["登录已取消，您可以重新登录。"] = "The sign-in was cancelled; you can sign in again.",
        ["统一身份认证服务暂时无法访问，请稍后再试；系统管理员仍可使用本地账号登录。"] =
            "Campus SSO cannot be reached. Try again later; system admins can still sign in with a local account.",
        ["登录请求已失效或被篡改（例如在登录过程中刷新或打开了旧的链接），请重新登录。"] =
            "The sign-in request expired or was altered (for example by reloading or opening an old link during sign-in). Please sign in again.",
        ["统一身份认证返回的身份凭证未通过校验，为安全起见未予登录。请重新登录；如仍失败，请联系系统管理员。"] =
            "The identity token from campus SSO failed the checks, so you were not signed in. Please sign in again; if it fails again, ask a system admin.",
        ["登录过程中出现问题，请重新登录；如仍失败，请联系系统管理员。"] = "Something went wrong during sign-in. Please try again; if it fails again, ask a system admin.",
        ["统一身份认证姓名"] = "Name at campus SSO",
        ["统一身份认证工号"] = "Staff number at campus SSO",
        ["请联系："] = "Please contact:",
        ["如仍无法登录，请联系："] = "If you still cannot sign in, contact:",
        ["本单位家访工作平台系统管理员"] = "your institution's portal administrator",
        ["重新使用统一身份认证登录"] = "Sign in with campus SSO again",
        ["返回登录页"] = "Back to sign-in",
        // /admin/sso
        ["统一身份认证"] = "Campus SSO",
        ["连接设置"] = "Connection",
        ["尚未配置统一身份认证（Authentication:Oidc 的 Authority 与 ClientId），目前只能使用本地账号登录。角色映射可以先行设置。"] =
            "Campus SSO is not configured (Authority and ClientId under Authentication:Oidc); only local accounts can sign in. The role mapping can be prepared now.",
        ["认证服务地址"] = "Authority",
        ["客户端标识"] = "Client id",
        ["回调地址（在认证服务登记）"] = "Redirect URI (register at the provider)",
        ["退出后返回地址（在认证服务登记）"] = "Post-logout redirect URI (register at the provider)",
        ["后端通道退出地址（在认证服务登记）"] = "Back-channel logout URI (register at the provider)",
        ["前端通道退出地址（在认证服务登记）"] = "Front-channel logout URI (register at the provider)",
        ["租户"] = "Tenant",
        ["工号声明"] = "Staff number claim",
        ["姓名声明"] = "Name claim",
        ["角色/分组声明"] = "Roles/groups claim",
        ["读取 userinfo"] = "Read userinfo",
        ["首次登录自动开通账号"] = "Open an account on first sign-in",
        ["本地账号登录"] = "Local sign-in",
        ["仅限系统管理员"] = "System admins only",
        ["所有账号"] = "All accounts",
        ["这些设置在服务器配置中修改（见 docs/sso.md），此处只显示。"] = "These settings are changed in the server configuration (see docs/sso.md); shown here only.",
        ["角色映射"] = "Role mapping",
        ["用户通过统一身份认证登录时，其“{0}”声明中的每个值按下表授予平台角色；不在表中的值不授予角色。没有任何角色的账号为职工。值不区分大小写。"] =
            "When someone signs in with campus SSO, each value of their “{0}” claim grants the portal roles below; values not listed grant nothing. An account with no role is Staff. Values are compared ignoring case.",
        ["尚无映射。"] = "No mapping yet.",
        ["声明值"] = "Claim value",
        ["平台角色"] = "Portal role",
        ["说明"] = "Note",
        ["新增映射"] = "New mapping",
        ["例如 /staff/leaders 或分组 ID"] = "e.g. /staff/leaders or a group id",
        ["添加映射"] = "Add mapping",
        ["已关联的账号"] = "Linked accounts",
        ["账号在首次统一身份认证登录时按工号关联。解除关联后，下次登录会重新按工号匹配。"] =
            "Accounts are linked by staff number at their first campus sign-in. After unlinking, the next sign-in matches by staff number again.",
        ["统一身份认证主体"] = "SSO subject",
        ["（映射）"] = " (mapped)",
        ["解除关联"] = "Unlink",
        ["确定删除映射“{0} → {1}”吗？已登录的用户下次登录时失去该角色。"] = "Delete the mapping “{0} → {1}”? Users lose the role at their next sign-in.",
        ["删除映射"] = "Delete mapping",
        ["确定解除账号 {0} 与统一身份认证的关联吗？该账号会被退出登录。"] = "Unlink account {0} from campus SSO? The account is signed out.",
        ["已解除关联。"] = "Unlinked.",
    };
}
