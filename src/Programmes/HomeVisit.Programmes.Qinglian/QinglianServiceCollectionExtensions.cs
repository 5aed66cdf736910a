using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HomeVisit.Programmes.Qinglian;

public static class QinglianServiceCollectionExtensions
{
    /// <summary>清廉家访's services, its printed texts, and the scan store under the data folder.</summary>
    public static IServiceCollection AddQinglianServices(this IServiceCollection services)
    {
        foreach (var template in QinglianProgramme.Templates) services.AddSingleton(template);
        services.AddSingleton(sp => new ScanStore(DatabaseServiceCollectionExtensions.UploadsRoot(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<QinglianNoticeService>();
        services.AddSingleton<QinglianHouseholdService>();
        services.AddSingleton<CommitmentService>();
        services.AddSingleton<QinglianPrintService>();
        services.AddSingleton<QinglianListService>();
        return services;
    }
}
