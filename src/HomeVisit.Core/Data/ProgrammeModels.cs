using System.Reflection;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Core.Data;

/// <summary>
/// Composes the one <see cref="PortalDbContext"/> model from the core and the programme modules: the modules travel in
/// the context's options, so every way a context is made (the DI factory, the design-time factory of the migrations,
/// tests) builds the same model from the module list it is given.
/// </summary>
public static class ProgrammeModels
{
    /// <summary>Adds the modules' entities (<see cref="IProgrammeModule.ConfigureModel"/>) to the context's model.</summary>
    public static TBuilder UseProgrammeModels<TBuilder>(this TBuilder builder, IEnumerable<IProgrammeModule> modules) where TBuilder : DbContextOptionsBuilder
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ProgrammeModelExtension([.. modules]));
        return builder;
    }

    /// <summary>
    /// The modules whose assemblies (HomeVisit.Programmes.*.dll) sit beside <paramref name="anchor"/>: the migrations
    /// projects reference every module and build the composed model at design time without keeping a list of them.
    /// </summary>
    public static IReadOnlyList<IProgrammeModule> BesideAssembly(Assembly anchor)
    {
        var folder = Path.GetDirectoryName(anchor.Location)!;
        return Directory.EnumerateFiles(folder, "HomeVisit.Programmes.*.dll")
            .Order(StringComparer.Ordinal)
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProgrammeModule).IsAssignableFrom(t))
            .Select(t => (IProgrammeModule)Activator.CreateInstance(t)!)
            .ToList();
    }

    internal static IReadOnlyList<IProgrammeModule> ModulesIn(DbContextOptions options)
        => options.FindExtension<ProgrammeModelExtension>()?.Modules ?? [];
}

internal sealed class ProgrammeModelExtension(IReadOnlyList<IProgrammeModule> modules) : IDbContextOptionsExtension
{
    public IReadOnlyList<IProgrammeModule> Modules { get; } = modules;

    // The key list decides the model: contexts with other modules get their own internal service provider and with it
    // their own cached model (a test host that leaves a module out must not see another's tables).
    internal string ModuleKeys { get; } = string.Join(",", modules.Select(m => m.Key));

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) { }

    public void Validate(IDbContextOptions options) { }

    private sealed class ExtensionInfo(ProgrammeModelExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new ProgrammeModelExtension Extension => (ProgrammeModelExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"Programmes={Extension.ModuleKeys} ";

        public override int GetServiceProviderHashCode() => StringComparer.Ordinal.GetHashCode(Extension.ModuleKeys);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo o && o.Extension.ModuleKeys == Extension.ModuleKeys;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
            => debugInfo["HomeVisit:Programmes"] = Extension.ModuleKeys;
    }
}
