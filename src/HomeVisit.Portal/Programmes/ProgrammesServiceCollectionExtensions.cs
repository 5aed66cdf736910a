using HomeVisit.Core.Programmes;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Programmes.Lianzheng;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Programmes.Lianxi;

namespace HomeVisit.Portal.Programmes;

public static class ProgrammesServiceCollectionExtensions
{
    /// <summary>The programme modules, in menu order. This is the one place a module is added or removed.</summary>
    public static IReadOnlyList<IProgrammeModule> Modules { get; } =
    [
        new LianzhengModule(),
        new GanbuModule(),
        new QinglianModule(),
        new LianxiModule(),
        new HuifangModule(),
    ];

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
