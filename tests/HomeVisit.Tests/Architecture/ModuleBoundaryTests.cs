using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;

namespace HomeVisit.Tests.Architecture;

/// <summary>
/// The boundaries of the programme modules (docs/decisions/0013-programme-modules.md, "The one module list"): one
/// project per programme, named in one list (src/Programmes/Programmes.props) and nowhere else, a core and shared UI that
/// reference none, modules that reference no other module and not the host, and a core and host whose sources name no
/// programme and no visit form only one programme uses.
/// </summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>
    /// Programmes still living in src/HomeVisit.Core and src/HomeVisit.Portal (issue 15 moves them one at a time). Their
    /// keys and types are not looked for yet; a programme leaves this list when its project exists.
    /// </summary>
    private static readonly string[] NotYetModules = [];

    /// <summary>
    /// Files of the core or host that still name a moved programme, each with what is left to do. The test fails when a
    /// file not listed here names one, and when a listed file no longer does (so the list only shrinks).
    /// </summary>
    private static readonly Dictionary<string, string> KnownLeftovers = new(StringComparer.Ordinal)
    {
    };

    private const string ModuleList = "Programmes/Programmes.props";

    private static IEnumerable<IProgrammeModule> MovedModules =>
        ProgrammesServiceCollectionExtensions.Modules.Where(m => !NotYetModules.Contains(m.Key));

    private static readonly Assembly Core = typeof(IProgrammeModule).Assembly;
    private static readonly Assembly SharedUi = typeof(PortalResources).Assembly;
    private static readonly Assembly Host = typeof(ProgrammesServiceCollectionExtensions).Assembly;

    [Fact]
    public void Every_moved_programme_is_one_project_of_its_own()
    {
        Assert.NotEmpty(MovedModules);
        foreach (var module in MovedModules)
        {
            var assembly = module.GetType().Assembly;
            var name = assembly.GetName().Name!;
            Assert.StartsWith("HomeVisit.Programmes.", name);
            Assert.NotEqual(Host, assembly);
            // Everything of the programme is in its project's namespace, and no other module shares the project.
            // (The compilers' own types sit in their namespaces: Razor's type inference under __Blazor.<namespace>.)
            Assert.All(assembly.GetTypes().Where(t => t.Namespace is not null && !t.Namespace.StartsWith("Microsoft", StringComparison.Ordinal)
                                                      && !t.Namespace.StartsWith("System", StringComparison.Ordinal)),
                t => Assert.StartsWith(name, t.Namespace!.Replace("__Blazor.", "")));
            Assert.Single(ProgrammesServiceCollectionExtensions.Modules, m => m.GetType().Assembly == assembly);
        }
    }

    [Fact]
    public void The_core_and_the_shared_ui_reference_no_module_and_not_the_host()
    {
        foreach (var assembly in new[] { Core, SharedUi })
        {
            var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(references, r => r.StartsWith("HomeVisit.Programmes.", StringComparison.Ordinal));
            Assert.DoesNotContain(Host.GetName().Name, references);
        }
        Assert.DoesNotContain(SharedUi.GetName().Name, Core.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void A_module_references_the_core_and_the_shared_ui_only_never_another_module_or_the_host()
    {
        var allowed = new[] { Core.GetName().Name, SharedUi.GetName().Name };
        foreach (var module in MovedModules)
        {
            var own = module.GetType().Assembly.GetName().Name;
            var ours = module.GetType().Assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .Where(n => n.StartsWith("HomeVisit.", StringComparison.Ordinal)).ToList();
            Assert.All(ours, n => Assert.Contains(n, allowed));
            Assert.DoesNotContain(own, ours);
        }
    }

    [Fact]
    public void The_core_and_the_host_name_no_programme_and_no_form_of_one_programme()
    {
        var src = Path.GetDirectoryName(PortalRoot())!;
        // A programme's key and the type names built on it (GanbuRequest), in any letter case; and the forms only it uses
        // (IProgrammeModule.AddedForms), by stored value (LetterVisit) or Chinese name (信函回访).
        var patterns = MovedModules.Select(m => (m.Key, Pattern: new Regex(Regex.Escape(m.Key), RegexOptions.IgnoreCase)))
            .Concat(MovedModules.SelectMany(m => m.AddedForms.SelectMany(f => new[]
            {
                (Key: $"{m.Key} form {f.Form.Value}", Pattern: new Regex($@"\b{Regex.Escape(f.Form.Value)}\b")),
                (Key: $"{m.Key} form {f.Name}", Pattern: new Regex(Regex.Escape(f.Name))),
            })))
            .ToList();
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var project in new[] { "HomeVisit.Core", "HomeVisit.Portal", "HomeVisit.Portal.Ui" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(src, project), "*.*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
            {
                var relative = Path.GetRelativePath(src, file).Replace(Path.DirectorySeparatorChar, '/');
                var text = File.ReadAllText(file);
                var keys = patterns.Where(p => p.Pattern.IsMatch(text)).Select(p => p.Key).ToList();
                if (keys.Count > 0) found[relative] = keys;
            }
        }

        var unexpected = found.Keys.Where(f => !KnownLeftovers.ContainsKey(f)).Select(f => $"{f}: {string.Join(", ", found[f])}").ToList();
        Assert.True(unexpected.Count == 0, "The core or host names a programme module:\n" + string.Join("\n", unexpected));
        var cleared = KnownLeftovers.Keys.Where(f => !found.ContainsKey(f)).ToList();
        Assert.True(cleared.Count == 0, "No longer names a module, take it off KnownLeftovers:\n" + string.Join("\n", cleared));
    }

    /// <summary>
    /// Core forms that not two programmes' seed rules allow, each with why the core keeps it. The test fails when one is
    /// no longer needed here.
    /// </summary>
    private static readonly Dictionary<string, string> CoreFormsOfOneProgramme = new(StringComparer.Ordinal)
    {
        ["KeyAppointment"] = "a done 重点约访 starts a chain of 定期回访, a core capability (VisitChains); 干部家访's visits use it too",
    };

    [Fact]
    public void A_form_is_the_cores_only_when_programmes_share_it_and_each_form_is_defined_once()
    {
        var modules = ProgrammesServiceCollectionExtensions.Modules;
        var all = VisitForms.Core.Select(f => f.Form).Concat(modules.SelectMany(m => m.AddedForms.Select(f => f.Form))).ToList();
        Assert.Equal(all.Distinct(), all);
        foreach (var form in VisitForms.Core.Select(f => f.Form))
        {
            var allowedBy = modules.Count(m => m.DefaultRules().AllowedForms.Contains(form));
            if (allowedBy >= 2) Assert.DoesNotContain(form.Value, CoreFormsOfOneProgramme.Keys);
            else Assert.True(CoreFormsOfOneProgramme.ContainsKey(form.Value), $"{form.Value} is allowed by {allowedBy} programme(s): move it to that module's AddedForms");
        }
        // A module's own forms are among the forms its seed rules allow.
        foreach (var module in modules)
            Assert.All(module.AddedForms, f => Assert.Contains(f.Form, module.DefaultRules().AllowedForms));
    }

    [Fact]
    public void The_one_module_list_is_what_the_host_registers_in_its_order()
    {
        var listed = ListedModuleNames();
        Assert.NotEmpty(listed);
        Assert.Equal(listed.Distinct(), listed);
        Assert.Equal(listed.Select(n => "HomeVisit.Programmes." + n),
            ProgrammesServiceCollectionExtensions.Modules.Select(m => m.GetType().Assembly.GetName().Name));
        // Every module project is listed: a folder left out of the list would be a programme that silently is not there.
        var src = Path.GetDirectoryName(PortalRoot())!;
        var folders = Directory.EnumerateDirectories(Path.Combine(src, "Programmes"), "HomeVisit.Programmes.*")
            .Select(d => Path.GetFileName(d)["HomeVisit.Programmes.".Length..]).Order(StringComparer.Ordinal);
        Assert.Equal(folders, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_project_names_a_module_but_the_one_list()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(PortalRoot())!)!;
        var src = Path.Combine(root, "src");
        var modules = new Regex(string.Join("|", ListedModuleNames().Select(n => $@"HomeVisit\.Programmes\.{n}\b")));
        var naming = new[] { "src", "tests", "tools", "bench" }.Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal)
                        || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != ModuleList && !f.StartsWith("Programmes/HomeVisit.Programmes.", StringComparison.Ordinal))
            .Where(f => modules.IsMatch(File.ReadAllText(Path.Combine(src, f))))
            .ToList();
        Assert.True(naming.Count == 0, "Only src/" + ModuleList + " names the module projects:\n" + string.Join("\n", naming));
        // The host and both migrations projects take their references from the list.
        foreach (var project in new[] { "HomeVisit.Portal", "HomeVisit.Migrations.Sqlite", "HomeVisit.Migrations.PostgreSQL" })
        {
            var imports = XDocument.Load(Path.Combine(src, project, project + ".csproj")).Descendants("Import")
                .Select(i => ((string?)i.Attribute("Project"))?.Replace('\\', '/'));
            Assert.Contains("../" + ModuleList, imports);
        }
    }

    private static List<string> ListedModuleNames()
        => XDocument.Load(Path.Combine(Path.GetDirectoryName(PortalRoot())!, ModuleList)).Descendants("PortalModule")
            .Select(m => (string)m.Attribute("Include")!).ToList();

    private static string PortalRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var portal = Path.Combine(dir.FullName, "src", "HomeVisit.Portal");
            if (Directory.Exists(portal)) return portal;
        }
        throw new DirectoryNotFoundException("src/HomeVisit.Portal not found above the test output");
    }
}
