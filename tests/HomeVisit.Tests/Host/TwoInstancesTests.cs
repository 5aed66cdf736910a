using System.Net;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Scheduling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HomeVisit.Tests.Host;

/// <summary>
/// Issue 19: two portal instances behind a load balancer on one PostgreSQL database, each a real Kestrel server on its
/// own loopback port. A user signed in on one is signed in on the other (the data-protection keys are in the
/// database), and the daily reminders run on one of them only.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private PortalFactory _a = null!;
    private PortalFactory _b = null!;

    public async Task InitializeAsync()
    {
        // Migrated and seeded once before either starts: two instances starting on an empty database would both seed it.
        var connectionString = PostgresServer.CreateDatabase();
        await using (var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(connectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options))
        {
            await db.Database.MigrateAsync();
            await DemoSeeder.SeedAsync(db, TimeProvider.System);
        }
        _a = Instance(connectionString);
        _b = Instance(connectionString);
        _a.StartServer();
        _b.StartServer();
    }

    private static PortalFactory Instance(string connectionString)
    {
        var portal = new PortalFactory { Provider = PortalDatabaseProvider.PostgreSQL, SharedPostgreSqlDatabase = connectionString };
        portal.Settings["Reminders:Enabled"] = "true";
        portal.UseKestrel(0);
        return portal;
    }

    public async Task DisposeAsync()
    {
        var connectionString = _a.ConnectionString;
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        PostgresServer.DropDatabase(connectionString);
    }

    /// <summary>Where this instance's Kestrel listens (a free loopback port).</summary>
    private static Uri Address(PortalFactory portal)
        => new(portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    [Fact]
    public async Task A_cookie_from_one_instance_is_accepted_by_the_other_and_both_are_ready()
    {
        var (addressA, addressB) = (Address(_a), Address(_b));
        Assert.NotEqual(addressA.Port, addressB.Port);
        var cookies = new CookieContainer();
        using var handlerA = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browserA = new HttpClient(handlerA) { BaseAddress = addressA };
        using (var login = await browserA.PostLoginAsync(DemoAccounts.Leader, DemoAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal("/", login.Headers.Location!.IsAbsoluteUri ? login.Headers.Location.AbsolutePath : login.Headers.Location.OriginalString);
        }

        // The same browser now reaches instance B (as after a failover): its cookies go along.
        using var handlerB = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var browserB = new HttpClient(handlerB) { BaseAddress = addressB };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/visits");
        request.Headers.Add("Cookie", cookies.GetCookieHeader(addressA));
        using var page = await browserB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using (var anonymous = await browserB.GetAsync("/visits")) Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        foreach (var client in new[] { browserA, browserB })
        {
            using var ready = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        // One key ring, in the database, used by both.
        await using var db = _a.OpenDatabase();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task The_daily_reminders_run_on_one_instance_only()
    {
        var schedulers = new[] { _a, _b }.Select(p => p.Services.GetServices<IHostedService>().OfType<DailyJobScheduler>().Single()).ToList();

        var ran = await Task.WhenAll(schedulers.Select(s => s.RunDueAsync()));

        Assert.Equal(1, ran.Count(r => r.Contains("reminders")));
        var runner = schedulers[Array.FindIndex(ran, r => r.Contains("reminders"))];
        await using var db = _a.OpenDatabase();
        var state = await db.ScheduledJobs.AsNoTracking().SingleAsync(s => s.Name == "reminders");
        Assert.Equal((runner.InstanceId, JobOutcome.Succeeded), (state.LastRunBy, state.LastOutcome));
        // Looking again on either instance does nothing more today.
        Assert.All(await Task.WhenAll(schedulers.Select(s => s.RunDueAsync())), r => Assert.DoesNotContain("reminders", r));
    }
}
