using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Programmes.Ganbu;
using HomeVisit.Portal.Programmes.Huifang;
using HomeVisit.Portal.Programmes.Lianxi;
using HomeVisit.Portal.Programmes.Lianzheng;
using HomeVisit.Portal.Programmes.Qinglian;

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
}
