using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal;
using HomeVisit.Portal.Programmes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Bench;

/// <summary>
/// The portal's own service registrations (AddPortalCore, AddProgrammes) on a given database, without the web host,
/// so the benchmarks call the same services the pages call. The database is a SQLite file, or a PostgreSQL
/// connection string (anything with <c>Host=</c> in it) for the same benchmark on PostgreSQL.
/// </summary>
internal sealed class PortalServices : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PortalServices(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static bool IsPostgreSql(string database) => database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public static async Task<PortalServices> OpenAsync(string database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        if (IsPostgreSql(database))
        {
            builder.Configuration["Database:Provider"] = "PostgreSQL";
            builder.Configuration["ConnectionStrings:Portal"] = database;
        }
        else
        {
            builder.Configuration["ConnectionStrings:Portal"] = $"Data Source={Path.GetFullPath(database)}";
        }
        builder.Configuration["Demo:Seed"] = "false";
        builder.Configuration["Reminders:Enabled"] = "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPortalCore();
        // The programme services ask their Programme:{key} policy (ProgrammeAccess), which the portal registers with its
        // authentication; without it the 廉政家访, 干部家访 and sanction services and the ledgers could not be made.
        builder.Services.AddAuthorization();
        builder.Services.AddPortalAuthorization();
        builder.Services.AddProgrammes();
        var app = builder.Build();
        await app.Services.InitialisePortalDatabaseAsync();
        return new PortalServices(app);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async Task<PortalUser> UserAsync(string userName)
    {
        await using var db = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return PortalUser.From(await db.UserAccounts.AsNoTracking().SingleAsync(a => a.UserName == userName));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
