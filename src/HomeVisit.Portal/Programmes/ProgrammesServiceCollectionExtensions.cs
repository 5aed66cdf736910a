using HomeVisit.Core.Programmes;

namespace HomeVisit.Portal.Programmes;

public static partial class ProgrammesServiceCollectionExtensions
{
    /// <summary>
    /// The programme modules, in menu order: the one list in src/Programmes/Programmes.props, which the build turns into
    /// <c>ListedModules()</c> (obj/…/PortalModules.g.cs) and into the project references. A module is added or removed there.
    /// </summary>
    public static IReadOnlyList<IProgrammeModule> Modules { get; } = ListedModules();

    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        foreach (var module in Modules)
        {
            services.AddSingleton(module);
            module.AddServices(services);
        }
        return services;
    }

    /// <summary>Every module's own endpoints (IProgrammeModule.MapEndpoints).</summary>
    public static IEndpointRouteBuilder MapProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var module in app.ServiceProvider.GetServices<IProgrammeModule>()) module.MapEndpoints(app);
        return app;
    }

    /// <summary>The assemblies of the modules' pages, for the router (the host's own pages come with the app assembly).</summary>
    public static IReadOnlyList<System.Reflection.Assembly> PageAssemblies(IEnumerable<IProgrammeModule> modules)
        => modules.Select(m => m.RoutableAssembly).OfType<System.Reflection.Assembly>()
            .Where(a => a != typeof(ProgrammesServiceCollectionExtensions).Assembly).Distinct().ToList();
}
