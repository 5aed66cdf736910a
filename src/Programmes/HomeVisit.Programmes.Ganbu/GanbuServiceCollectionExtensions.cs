using HomeVisit.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Programmes.Ganbu;

public static class GanbuServiceCollectionExtensions
{
    /// <summary>The 干部家访 services and the daily escalation; the module registers them (IProgrammeModule.AddServices).</summary>
    public static IServiceCollection AddGanbuCore(this IServiceCollection services)
    {
        services.AddSingleton<GanbuSettingsService>();
        services.AddSingleton<HomeVisit.Core.Exports.ILedgerProvider, GanbuLedgerProvider>();
        services.AddSingleton<GanbuRequestService>();
        services.AddSingleton<GanbuApiKeyService>();
        services.AddSingleton<GanbuOversightService>();
        services.AddSingleton<GanbuFormsService>();
        // Archived record forms: listed and exported by the core's record archive.
        services.AddSingleton<HomeVisit.Core.Archives.IRecordArchive, GanbuArchive>();
        services.AddDailyJob<GanbuEscalationJob>();
        // 本单位管理干部 and dates on every route a 干部家访 plan takes (VisitService runs every IVisitPlanCheck).
        // and the outcome's date on every route that records it (VisitService runs the programme's IVisitStatusChecks).
        services.AddSingleton<GanbuVisitRules>();
        services.AddSingleton<HomeVisit.Core.Visits.IVisitPlanCheck>(sp => sp.GetRequiredService<GanbuVisitRules>());
        services.AddSingleton<HomeVisit.Core.Visits.IVisitStatusCheck>(sp => sp.GetRequiredService<GanbuVisitRules>());
        return services;
    }
}
