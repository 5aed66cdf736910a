using HomeVisit.Core.Accounts;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Content;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.FollowUps;
using HomeVisit.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Portal.Admin;

/// <summary>
/// What the audit page shows for an entry's stored codes: the name of its entity type, and its detail made readable.
/// Entries keep the codes they were written with (type names, role codes); they are translated here, when shown, so
/// rows written before a name existed read the same as new ones.
/// </summary>
public static class AuditNames
{
    // The core's record types and the events it writes under a name of its own; a module names its own
    // (IProgrammeModule.AuditEntityNames). Chinese keys of the portal's texts.
    public static readonly IReadOnlyDictionary<string, string> Core = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Visit)] = "家访",
        [nameof(Person)] = "人员信息",
        [nameof(FamilyMember)] = "家庭成员信息",
        [nameof(OrgUnit)] = "组织机构单位",
        [nameof(UnitLeadership)] = "单位领导职务",
        [nameof(Institution)] = "单位（机构）",
        [nameof(FollowUpItem)] = "跟踪事项记录",
        [nameof(FollowUpReport)] = "跟踪事项进展通报",
        [nameof(UserAccount)] = "用户账号",
        [nameof(SsoRoleMapping)] = "统一身份认证角色映射",
        [nameof(InstitutionProgramme)] = "家访项目开关",
        [nameof(ProgrammeRuleVersion)] = "项目规则",
        [nameof(CalendarFeed)] = "日历订阅",
        [nameof(ContentTemplateRevision)] = "内容模板",
        ["RosterImport"] = "名单导入",
        ["archive"] = "记录单存档导出",
        ["ledger"] = "台账导出",
        ["summary"] = "汇总导出",
        ["print"] = "打印汇总",
    };

    /// <summary>An entity type's name in the user's language (a module's in its own texts); an unknown code as stored.</summary>
    public static string EntityType(string code, IStringLocalizer texts, IEnumerable<IProgrammeModule> modules, IStringLocalizerFactory factory)
    {
        if (Core.TryGetValue(code, out var zh)) return texts[zh].Value;
        foreach (var module in modules)
        {
            if (!module.AuditEntityNames.TryGetValue(code, out zh)) continue;
            return module.TextResources is { } set ? ResourceChain.Create(factory, set)[zh].Value : zh;
        }
        return code;
    }

    /// <summary>
    /// The stored code of a type the user typed by its name (in either language) or by its code, for the filter.
    /// </summary>
    public static string? CodeOf(string? typed, IStringLocalizer texts, IEnumerable<IProgrammeModule> modules, IStringLocalizerFactory factory)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var codes = Core.Keys.Concat(modules.SelectMany(m => m.AuditEntityNames.Keys)).Distinct();
        return codes.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)
                                         || string.Equals(EntityType(c, texts, modules, factory), text, StringComparison.OrdinalIgnoreCase)
                                         || (Core.TryGetValue(c, out var zh) && zh == text)
                                         || modules.Any(m => m.AuditEntityNames.TryGetValue(c, out var mz) && mz == text))
               ?? text;
    }

    private static readonly System.Text.RegularExpressions.Regex Bracketed =
        new(@"^(?<head>[^（]+)（(?<inner>.+)）$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// A detail that is not a recorded change (a read's note, a sign-in's reason), readable: a known note in the user's
    /// language, a role code as the role's name (an important lead's audience, stored as
    /// <c>PartyCommittee+DisciplineOffice</c>), and the brackets of the user's language around a note's qualifier.
    /// </summary>
    public static string Detail(string detail, IStringLocalizer texts)
    {
        var whole = texts[detail];
        if (!whole.ResourceNotFound) return whole.Value;
        if (Bracketed.Match(detail) is { Success: true } m)
        {
            var head = texts[m.Groups["head"].Value];
            var inner = Roles(m.Groups["inner"].Value, texts);
            if (!head.ResourceNotFound || inner != m.Groups["inner"].Value)
                return texts["{0}（{1}）", head.Value, inner].Value;
        }
        return Roles(detail, texts);
    }

    // A note that is a role code (one, or several joined by "+"), as the pages name the roles; any other text as it is.
    private static string Roles(string text, IStringLocalizer texts)
    {
        var known = texts[text];
        if (!known.ResourceNotFound) return known.Value;
        var codes = text.Split('+');
        if (text != FollowUpItem.BothCommittees && !codes.All(RoleNames.IsKnown)) return text;
        return text == FollowUpItem.BothCommittees || codes.Length == 1
            ? texts[RestrictedBadge.AudienceName(text)].Value
            : texts.JoinList(codes.Select(r => texts[RoleNames.Of(r)].Value));
    }
}
