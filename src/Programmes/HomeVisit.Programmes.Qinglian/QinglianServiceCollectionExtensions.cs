using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HomeVisit.Programmes.Qinglian;

public static class QinglianServiceCollectionExtensions
{
    public const string UploadsRootKey = "Uploads:Root";

    /// <summary>清廉家访's services, its printed texts, and the scan store under the data folder.</summary>
    public static IServiceCollection AddQinglianServices(this IServiceCollection services)
    {
        foreach (var template in QinglianProgramme.Templates) services.AddSingleton(template);
        services.AddSingleton(sp => new ScanStore(UploadsRoot(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<QinglianNoticeService>();
        services.AddSingleton<QinglianHouseholdService>();
        services.AddSingleton<CommitmentService>();
        services.AddSingleton<QinglianPrintService>();
        return services;
    }

    /// <summary>
    /// <c>Uploads:Root</c> if set (a shared path when several instances serve), else an <c>uploads</c> folder in the data
    /// folder (beside the SQLite database file, by default &lt;content root&gt;/data/uploads), so uploads live with the
    /// data and never in wwwroot.
    /// </summary>
    public static string UploadsRoot(IConfiguration configuration, IHostEnvironment env)
    {
        if (configuration[UploadsRootKey] is { Length: > 0 } configured)
            return Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(env.ContentRootPath, configured));
        var dataFolder = DatabaseServiceCollectionExtensions.DataFolder(configuration, env);
        return Path.Combine(dataFolder, "uploads");
    }
}
