using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Programmes.Lianxi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HomeVisit.Tests.Rendering;

/// <summary>
/// UI texts: Chinese is the key; each module's English is in its own resx resource set (decision 0011). These tests
/// read the page sources, so a text added to a page without its English fails here, not in front of a user.
/// </summary>
public sealed class TextsTests : IDisposable
{
    private readonly TextsHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("家访记录", "Visits")]                 // common
    [InlineData("我的家访日程", "My visit calendar")]  // calendar feature
    [InlineData("统计分析", "Dashboard")]              // dashboard feature
    [InlineData("账号管理", "Accounts")]               // admin feature
    public void Every_features_english_is_found_when_the_user_chose_english(string zh, string en)
    {
        var texts = _host.Texts<PortalResources>();
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.Equal(en, texts[zh]);
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Assert.Equal(zh, texts[zh]);
    }

    [Fact]
    public void Every_text_a_page_writes_has_english_in_the_resource_set_its_folder_injects()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var missing = new List<string>();
        var uses = 0;
        foreach (var file in PortalSources())
        {
            var set = ResourceSetOf(file);
            var texts = Localizer(set);
            foreach (var key in LiteralKeys(File.ReadAllText(file)))
            {
                uses++;
                if (texts[key].ResourceNotFound) missing.Add($"{Path.GetRelativePath(Path.GetDirectoryName(PortalRoot)!, file)} ({set.Name}): {key}");
            }
        }

        Assert.True(uses > 1500, $"only {uses} texts found: the scan no longer matches how pages write texts");
        Assert.True(missing.Count == 0, "Texts without English:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void No_resource_set_defines_a_key_twice()
    {
        var sets = UiRoots.SelectMany(root => Directory.EnumerateFiles(root, "*.resx", SearchOption.AllDirectories)).ToList();
        // core, enums, SSO and five programmes, each neutral (empty) and English; and MudBlazor's own texts in Chinese,
        // keyed by MudBlazor's names (PortalMudLocalizer; its English is MudBlazor's).
        Assert.Equal(17, sets.Count);

        var twice = sets.SelectMany(f => XDocument.Load(f).Root!.Elements("data")
                .GroupBy(d => (string)d.Attribute("name")!)
                .Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(f)}: {g.Key} = {string.Join(" | ", g.Select(d => (string?)d.Element("value")))}"))
            .ToList();
        Assert.True(twice.Count == 0, "Keys defined twice:\n" + string.Join("\n", twice));
        Assert.All(sets.Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && Path.GetFileName(f) != "MudResources.resx"),
            f => Assert.Empty(XDocument.Load(f).Root!.Elements("data")));
    }

    [Fact]
    public void The_same_key_in_two_sets_keeps_each_sets_english_and_a_module_never_sees_another_modules()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var sets = UiRoots.SelectMany(root => Directory.EnumerateFiles(root, "*.en.resx", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetFileName(f).Replace(".en.resx", ""), f => XDocument.Load(f).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!));
        var shared = 0;
        foreach (var (name, entries) in sets.Where(s => s.Key != nameof(EnumResources)))
        {
            var texts = Localizer(ResourceType(name));
            foreach (var (key, english) in entries)
            {
                Assert.Equal(english, texts[key].Value);
                if (sets.Count(s => s.Value.ContainsKey(key)) > 1) shared++;
            }
        }
        Assert.True(shared > 0);

        // 办理中 is "In handling" in 干部家访 and "In progress" in the core; 联系师生 has no word of its own and gets the
        // core's, never 干部家访's, whatever the order the sets are loaded in.
        Assert.Equal("In handling", _host.Texts<GanbuResources>()["办理中"].Value);
        Assert.Equal("In progress", _host.Texts<PortalResources>()["办理中"].Value);
        Assert.Equal("In progress", _host.Texts<LianxiResources>()["办理中"].Value);
        // A module's own word is not visible to the core or to another module.
        Assert.True(_host.Texts<PortalResources>()["待我办理"].ResourceNotFound);
        Assert.True(_host.Texts<LianxiResources>()["待我办理"].ResourceNotFound);
        Assert.False(_host.Texts<GanbuResources>()["待我办理"].ResourceNotFound);
    }

    [Fact]
    public void Every_enum_value_has_a_chinese_name_and_english()
    {
        var texts = _host.Texts<PortalResources>();
        var missing = new List<string>();
        foreach (var type in EnumNames.All.Keys.Select(k => k.Type).Distinct())
        {
            foreach (var value in Enum.GetNames(type))
            {
                if (!EnumNames.All.TryGetValue((type, value), out var zh)) { missing.Add($"{type.Name}.{value}: no Chinese name"); continue; }
                CultureInfo.CurrentUICulture = new CultureInfo("en");
                if (Localizer(typeof(EnumResources))[zh].ResourceNotFound) missing.Add($"{type.Name}.{value} ({zh}): no English");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));

        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.Equal("Done", texts.Enum(HomeVisit.Core.Visits.VisitStatus.Done));
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Assert.Equal("已完成", texts.Enum(HomeVisit.Core.Visits.VisitStatus.Done));
    }

    [Fact]
    public void Visit_forms_are_named_by_the_core_or_by_the_module_that_adds_them_in_both_languages()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var missing = VisitForms.Core.Where(f => Localizer(typeof(EnumResources))[f.Name].ResourceNotFound).Select(f => $"core: {f.Name}")
            .Concat(ProgrammesServiceCollectionExtensions.Modules.SelectMany(m => m.AddedForms
                .Where(f => _host.Programme(m.Key)[f.Name].ResourceNotFound).Select(f => $"{m.Key}: {f.Name}")))
            .ToList();
        Assert.True(missing.Count == 0, "No English:\n" + string.Join("\n", missing));

        // A core page (the core's set) shows a module's form in the module's words.
        var texts = _host.Texts<PortalResources>();
        Assert.Equal("Home visit", texts.Enum(VisitForm.HomeVisit));
        Assert.Equal("Dormitory visit", texts.Enum(LianxiForms.DormitoryVisit));
        Assert.Equal([(LianxiForms.BranchActivity, "Branch activity"), (VisitForm.HeartTalk, "Heart-to-heart talk")],
            texts.FormOptions([LianxiForms.BranchActivity, VisitForm.HeartTalk]).ToList());
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Assert.Equal("深入宿舍（公寓）", texts.Enum(LianxiForms.DormitoryVisit));
        Assert.Equal("信函回访", texts.Enum(HomeVisit.Programmes.Huifang.HuifangForms.LetterVisit));
        // A form no registered module defines (one left out of the build) shows its stored text.
        Assert.Equal("NoSuchForm", texts.Enum(new VisitForm("NoSuchForm")));
    }

    [Fact]
    public void A_role_a_module_adds_is_named_in_english_on_the_cores_account_pages()
    {
        // The accounts, discipline-role and SSO pages name every role through the portal's texts (IProgrammeModule.AddedRoleName).
        var texts = _host.Texts<PortalResources>();
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var missing = ProgrammesServiceCollectionExtensions.Modules
            .SelectMany(m => m.AddedRoles.Select(r => (m.Key, Name: m.AddedRoleName(r))))
            .Where(r => texts[r.Name].ResourceNotFound).Select(r => $"{r.Key}: {r.Name}").ToList();
        Assert.True(missing.Count == 0, "No English:\n" + string.Join("\n", missing));
        Assert.Equal("Case management office", texts["案件管理室"]);
    }

    [Fact]
    public void A_modules_record_form_menu_and_priority_situations_have_english_in_its_own_set()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var missing = new List<string>();
        foreach (var module in ProgrammesServiceCollectionExtensions.Modules)
        {
            Assert.IsAssignableFrom<ILocalizedProgramme>(module);
            var texts = _host.Programme(module.Key);
            var shown = new List<string> { module.Name };
            shown.AddRange(module.DefaultRules().PriorityTriggers);
            shown.AddRange(module.Navigation.Select(n => n.Text));
            foreach (var field in module.RecordForm)
            {
                shown.Add(field.Label);
                if (field.Hint is not null) shown.Add(field.Hint);
                shown.AddRange(field.Choices ?? []);
            }
            missing.AddRange(shown.Where(t => t != "" && texts[t].ResourceNotFound).Select(t => $"{module.Key}: {t}"));
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Period_names_read_like_the_cores_in_chinese_and_are_translated_in_english()
    {
        var texts = _host.Texts<PortalResources>();
        var semester = new SemesterStarts { SpringMonth = 2, SpringDay = 20, AutumnMonth = 9, AutumnDay = 1 };
        var days = Enumerable.Range(0, 730).Select(d => new DateOnly(2025, 1, 1).AddDays(d)).ToList();
        var periods = Enum.GetValues<PeriodKind>().SelectMany(k => days.Select(d => Periods.Containing(k, d, semester))).Distinct().ToList();

        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Assert.All(periods, p => Assert.Equal(p.Label, texts.Period(p)));

        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.All(periods, p => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", texts.Period(p)));
        Assert.Equal("2025", texts.Period(Periods.Containing(PeriodKind.Year, new DateOnly(2025, 5, 1))));
        Assert.Equal("Spring semester 2025–2026", texts.Period(Periods.Containing(PeriodKind.Semester, new DateOnly(2026, 3, 1), semester)));
        Assert.Equal("Autumn semester 2026–2027", texts.Period(Periods.Containing(PeriodKind.Semester, new DateOnly(2026, 10, 1), semester)));
    }

    // T["…"], T["…", args], T.Format("…", …) and the two literals of T[cond ? "…" : "…"] / T.Format(cond ? "…" : "…", …).
    private static readonly Regex Literal = new(@"""((?:[^""\\]|\\.)*)""");
    private static readonly Regex TextUse = new(
        @"\bT\[\s*(""(?:[^""\\]|\\.)*"")\s*[\],]|\bT\.Format\(\s*(""(?:[^""\\]|\\.)*"")|\bT(?:\[|\.Format\()[^\]""]*\?\s*(""(?:[^""\\]|\\.)*"")\s*:\s*(""(?:[^""\\]|\\.)*"")");

    private static IEnumerable<string> LiteralKeys(string source) =>
        TextUse.Matches(source).SelectMany(m => m.Groups.Values.Skip(1).Where(g => g.Success))
            .Select(g => Regex.Unescape(Literal.Match(g.Value).Groups[1].Value));

    private static IEnumerable<string> PortalSources() =>
        UiRoots.SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    /// <summary>The set named by the nearest _Imports.razor's <c>@inject Texts&lt;X&gt; T</c>, as Razor picks it.</summary>
    private static Type ResourceSetOf(string file)
    {
        var root = UiRoots.Single(r => file.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        for (var dir = Path.GetDirectoryName(file)!; dir.Length >= root.Length; dir = Path.GetDirectoryName(dir)!)
        {
            var imports = Path.Combine(dir, "_Imports.razor");
            if (!File.Exists(imports)) continue;
            var inject = Regex.Match(File.ReadAllText(imports), @"@inject\s+Texts<(\w+)>\s+T\b");
            if (inject.Success) return ResourceType(inject.Groups[1].Value);
        }
        throw new InvalidOperationException($"No _Imports.razor injects T for {file}");
    }

    // The resource sets live in the shared UI library, the host and each module's project.
    private static Type ResourceType(string name) =>
        new[] { typeof(PortalResources).Assembly, typeof(ProgrammesServiceCollectionExtensions).Assembly }
            .Concat(ProgrammesServiceCollectionExtensions.Modules.Select(m => m.GetType().Assembly))
            .Distinct().SelectMany(a => a.GetTypes()).Single(t => t.Name == name);

    private IStringLocalizer Localizer(Type set) => _host.Texts(set);

    private static readonly string PortalRoot = FindPortalRoot();

    /// <summary>Where pages and resource sets live: the host, the shared UI library and every module project.</summary>
    private static readonly IReadOnlyList<string> UiRoots =
    [
        PortalRoot,
        Path.Combine(Path.GetDirectoryName(PortalRoot)!, "HomeVisit.Portal.Ui"),
        .. Directory.Exists(Path.Combine(Path.GetDirectoryName(PortalRoot)!, "Programmes"))
            ? Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(PortalRoot)!, "Programmes"))
            : [],
    ];

    private static string FindPortalRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var portal = Path.Combine(dir.FullName, "src", "HomeVisit.Portal");
            if (Directory.Exists(portal)) return portal;
        }
        throw new DirectoryNotFoundException("src/HomeVisit.Portal not found above the test output");
    }
}
