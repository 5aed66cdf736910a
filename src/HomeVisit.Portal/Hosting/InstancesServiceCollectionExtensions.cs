using HomeVisit.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HomeVisit.Portal.Hosting;

/// <summary>
/// What lets several portal instances serve one database behind a load balancer (docs/operations.md): the
/// data-protection keys in the database, so a cookie or antiforgery token made by one instance is read by another,
/// and the health (<c>/healthz</c>) and readiness (<c>/readyz</c>) endpoints the balancer asks.
/// </summary>
public static class InstancesServiceCollectionExtensions
{
    /// <summary>The tag of the checks only <c>/readyz</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The application name every instance shares; the keys' purpose strings depend on it, not on the install folder.</summary>
    public const string ApplicationName = "HomeVisit.Portal";

    public static WebApplicationBuilder AddPortalInstances(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        builder.Services.AddHealthChecks()
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [ReadyTag])
            .AddCheck<UploadsWritableCheck>("uploads", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// <c>/healthz</c>: the process serves and reaches its database (restart it if not). <c>/readyz</c>: also the
    /// schema is current and the uploads folder is writable (send it users). Both anonymous, both plain text.
    /// </summary>
    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => !c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapHealthChecks("/readyz").AllowAnonymous();
        return app;
    }
}

/// <summary>Unready while the database lacks a migration this build knows (another instance still migrating, or an old schema).</summary>
internal sealed class MigrationsAppliedCheck(IDbContextFactory<PortalDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending.Count} migrations not applied");
    }
}

/// <summary>Unready when the uploads folder (a shared path with several instances) cannot be written, e.g. a lost mount.</summary>
internal sealed class UploadsWritableCheck(IConfiguration configuration, IHostEnvironment env) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var root = DatabaseServiceCollectionExtensions.UploadsRoot(configuration, env);
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".ready-{Environment.MachineName}-{Environment.ProcessId}");
            await File.WriteAllTextAsync(probe, "", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "uploads folder not writable");
        }
    }
}
