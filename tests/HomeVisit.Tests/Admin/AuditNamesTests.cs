using System.Text.RegularExpressions;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Admin;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;
using HomeVisit.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Tests.Admin;

/// <summary>
/// The audit log names what an entry is about in the reader's language, for every audited record type of the core and
/// of every module, and makes stored details readable; the stored codes stay as they are (translated when shown).
/// </summary>
public sealed partial class AuditNamesTests : IDisposable
{
    private readonly TextsHost _host = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private static readonly IEnumerable<IProgrammeModule> Modules = ProgrammesServiceCollectionExtensions.Modules;

    public void Dispose()
    {
        _host.Dispose();
        _services.Dispose();
    }

    // Every record type whose changes the database context audits, and the names events are written under.
    public static TheoryData<string> Codes()
    {
        var assemblies = Modules.Select(m => m.GetType().Assembly).Append(typeof(IAudited).Assembly).Distinct();
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t)).Select(t => t.Name);
        return new TheoryData<string>(types.Concat(["RosterImport", "GanbuQuarterSummary", "LianxiRecordTable", "archive", "ledger", "summary", "print"])
            .Distinct().Order());
    }

    private string Name(string code, string culture) =>
        AuditNames.EntityType(code, _host.Use(culture).Core, Modules, _services.GetRequiredService<IStringLocalizerFactory>());

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_audited_type_has_a_chinese_name_and_an_english_one(string code)
    {
        var chinese = Name(code, "zh-CN");
        var english = Name(code, "en");

        Assert.Matches(Cjk(), chinese);
        Assert.DoesNotMatch(Cjk(), english);
    }

    [Fact]
    public void The_filter_finds_a_type_by_its_name_in_either_language_or_by_its_code()
    {
        var factory = _services.GetRequiredService<IStringLocalizerFactory>();

        Assert.Equal("FollowUpItem", AuditNames.CodeOf("跟踪事项记录", _host.Use("zh-CN").Core, Modules, factory));
        Assert.Equal("Commitment", AuditNames.CodeOf("家庭助廉承诺书", _host.Core, Modules, factory));
        Assert.Equal("FollowUpItem", AuditNames.CodeOf("follow-up item", _host.Use("en").Core, Modules, factory));
        Assert.Equal("Visit", AuditNames.CodeOf("Visit", _host.Core, Modules, factory));
        Assert.Null(AuditNames.CodeOf(" ", _host.Core, Modules, factory));
    }

    [Fact]
    public void An_important_leads_audience_stored_as_role_codes_reads_as_the_committees_names()
    {
        const string stored = "重要问题线索（PartyCommittee+DisciplineOffice）";

        Assert.Equal("重要问题线索（学校党委、纪委）", AuditNames.Detail(stored, _host.Use("zh-CN").Core));
        Assert.Equal("Important lead (the Party committee and the discipline committee)", AuditNames.Detail(stored, _host.Use("en").Core));
        Assert.Equal("重要问题线索（学校纪委（纪检监察室））", AuditNames.Detail("重要问题线索（DisciplineOffice）", _host.Use("zh-CN").Core));
        Assert.Equal("打印 登记表", AuditNames.Detail("打印 登记表", _host.Core));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
