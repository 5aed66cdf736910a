using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;
using HomeVisit.Portal.Programmes.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>
/// The rules in force and their change history name a role a module adds (清廉家访's 综合部, which confirms the household
/// list) as account administration does, in Chinese and in English; not by its stored name, GeneralAffairs.
/// </summary>
[Trait("Category", "Fast")]
public sealed class RuleNamesComponentTests
{
    private static readonly IProgrammeModule Qinglian = ProgrammesServiceCollectionExtensions.Modules.First(m => m.Key == "qinglian");

    private static PortalBunitContext Context(string culture)
    {
        var ctx = new PortalBunitContext(culture);
        foreach (var module in ProgrammesServiceCollectionExtensions.Modules) ctx.Services.AddSingleton(module);
        ctx.Services.AddSingleton<ProgrammeTexts>();
        ctx.Services.AddSingleton<AccountRoles>();
        return ctx;
    }

    private static IReadOnlyList<RuleHistoryEntry> History()
    {
        var before = Qinglian.DefaultRules();
        var after = ProgrammeRulesService.Clone(before);
        after.ListConfirmerRole = Roles.Office;
        return [new RuleHistoryEntry(1, new DateOnly(2027, 1, 1), new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), "系统管理员", null, after, before)];
    }

    [Theory]
    [InlineData("zh-CN", "名单确认角色：综合部 → 办公室")]
    [InlineData("en", "List-confirming role: General affairs office → Office")]
    public async Task The_change_history_names_the_list_confirming_role_in_the_readers_language(string culture, string line)
    {
        await using var ctx = Context(culture);

        var list = ctx.Render<RuleHistoryList>(p => p
            .Add(c => c.History, History())
            .Add(c => c.Module, Qinglian)
            .Add(c => c.Today, new DateOnly(2026, 11, 20)));

        Assert.Equal([line], list.FindAll("[data-testid=history-changes] li").Select(li => li.TextContent.Trim()));
    }

    [Theory]
    [InlineData("zh-CN", "综合部")]
    [InlineData("en", "General affairs office")]
    public async Task The_rules_in_force_name_the_list_confirming_role_in_the_readers_language(string culture, string name)
    {
        await using var ctx = Context(culture);

        var summary = ctx.Render<RuleSummary>(p => p.Add(c => c.Rules, Qinglian.DefaultRules()).Add(c => c.Module, Qinglian));

        var terms = summary.FindAll("[data-testid=rules-summary] dt").Select(dt => dt.TextContent.Trim()).ToList();
        var values = summary.FindAll("[data-testid=rules-summary] dd").Select(dd => dd.TextContent.Trim()).ToList();
        Assert.Equal(name, values[terms.IndexOf(culture == "en" ? "List-confirming role" : "名单确认角色")]);
    }
}
