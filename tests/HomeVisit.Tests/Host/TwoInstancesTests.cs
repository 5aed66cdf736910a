using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.People;
using HomeVisit.Core.Scheduling;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Host;

/// <summary>
/// Issue 19: two portal hosts on one PostgreSQL database inside the test process, each a real Kestrel server on its own
/// loopback port, for what needs both hosts' services at hand: concurrent clients alternating between them, the
/// schedulers racing for the same occurrence. Sharing a process and a HOME, the two would also share ASP.NET Core's
/// default key ring: with the database key ring switched off, the cookie here is still accepted (checked; only the count
/// of keys in the database notices). <see cref="TwoInstancesAsProcessesTests"/> shows that the key ring in the database
/// is what makes instances agree, with two processes of the built portal.
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

    /// <summary>
    /// A short load run: clients at once, each round alternately on A and B, sign in, open the visit list, plan a visit
    /// (through the instance's <see cref="VisitService"/> as the list's circuit would, for the user the cookie names) and
    /// open it on the other instance. No request fails, and every saved visit is in the database exactly once.
    /// bench/two-instances.sh runs the same with more clients and rounds (HOMEVISIT_LOAD_CLIENTS, HOMEVISIT_LOAD_ROUNDS)
    /// and prints the timings (docs/performance.md).
    /// </summary>
    [Fact]
    public async Task Concurrent_clients_alternating_between_the_instances_sign_in_list_and_save_without_an_error_or_a_lost_row()
    {
        var clients = Setting("HOMEVISIT_LOAD_CLIENTS", 6);
        var rounds = Setting("HOMEVISIT_LOAD_ROUNDS", 2);
        var run = Guid.NewGuid().ToString("N")[..8];
        int leaderPerson;
        List<int> targets;
        await using (var db = _a.OpenDatabase())
        {
            leaderPerson = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.Leader).Select(a => a.PersonId!.Value).SingleAsync();
            var unit = await db.People.Where(p => p.Id == leaderPerson).Select(p => p.UnitId).SingleAsync();
            // Teachers of the leader's college on the establishment: whom 廉政家访's default rules let a leader visit.
            targets = await db.People.Where(p => p.UnitId == unit && p.Id != leaderPerson && p.Position == "教师" && p.Establishment == EstablishmentStatus.InEstablishment)
                .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        }
        Assert.NotEmpty(targets);
        var firstDay = DateTime.UtcNow.AddHours(8).Date.AddDays(30);
        var instances = new[] { _a, _b };
        var timings = new ConcurrentBag<(string Step, double Milliseconds)>();
        var errors = new ConcurrentBag<string>();
        var saved = new ConcurrentBag<int>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                var (here, there) = (instances[(client + round) % 2], instances[(client + round + 1) % 2]);
                var step = "sign-in";
                try
                {
                    var cookies = new CookieContainer();
                    using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
                    using var browser = new HttpClient(handler) { BaseAddress = Address(here) };
                    await Timed(step, async () =>
                    {
                        using var login = await browser.PostLoginAsync(DemoAccounts.Leader, DemoAccounts.Password);
                        var to = login.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : login.Headers.Location?.OriginalString;
                        if (login.StatusCode != HttpStatusCode.Redirect || to != "/")
                            throw new InvalidOperationException($"answered {(int)login.StatusCode} {to} {Excerpt(await login.Content.ReadAsStringAsync())}");
                    });
                    step = "visit list";
                    await Timed(step, async () =>
                    {
                        using var list = await browser.GetAsync("/visits");
                        if (list.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"answered {(int)list.StatusCode}");
                    });

                    step = "save";
                    var user = SignedInUser(here, cookies.GetCookieHeader(Address(here)));
                    var n = client * rounds + round;
                    var place = $"负载{run}-{client}-{round}";
                    var id = 0;
                    await Timed(step, async () => id = await here.Services.GetRequiredService<VisitService>().SavePlanAsync(user, new VisitPlan
                    {
                        ProgrammeKey = "lianzheng", Form = VisitForm.HomeVisit, PlannedStart = firstDay.AddDays(n).AddHours(19), DurationMinutes = 60,
                        VisitorIds = [leaderPerson], TargetPersonIds = [targets[n % targets.Count]], Place = place,
                        AcceptWarnings = true,
                    }));
                    saved.Add(id);

                    // The same browser on the other instance (a failover): the new visit is there at once.
                    step = "open on the other instance";
                    await Timed(step, async () =>
                    {
                        using var elsewhere = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
                        using var failedOver = new HttpClient(elsewhere) { BaseAddress = Address(there) };
                        using var request = new HttpRequestMessage(HttpMethod.Get, $"/visits/{id}");
                        request.Headers.Add("Cookie", cookies.GetCookieHeader(Address(here)));
                        using var page = await failedOver.SendAsync(request);
                        var html = await page.Content.ReadAsStringAsync();
                        if (page.StatusCode != HttpStatusCode.OK || !html.Contains(place, StringComparison.Ordinal))
                            throw new InvalidOperationException($"answered {(int)page.StatusCode}{(page.StatusCode == HttpStatusCode.OK ? " without the place" : "")}");
                    });
                }
                catch (Exception e)
                {
                    errors.Add($"client {client} round {round} {step}: {e.GetType().Name}: {e.Message}");
                }
            }
        })));
        clock.Stop();

        Report(clients, rounds, clock.Elapsed, timings);
        Assert.True(errors.IsEmpty, $"{errors.Count} of {clients * rounds} rounds failed:\n" + string.Join("\n", errors));
        await using var check = _b.OpenDatabase();
        var rows = await check.Visits.AsNoTracking().Where(v => v.Place!.StartsWith("负载" + run)).Select(v => new { v.Id, v.Place }).ToListAsync();
        Assert.Equal(clients * rounds, rows.Count);
        Assert.Equal(clients * rounds, rows.Select(r => r.Place).Distinct().Count());
        Assert.Equal(saved.Order(), rows.Select(r => r.Id).Order());

        async Task Timed(string name, Func<Task> action)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            timings.Add((name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
    }

    /// <summary>The user the instance reads from its sign-in cookie, as its authentication handler does.</summary>
    private static PortalUser SignedInUser(PortalFactory instance, string cookieHeader)
    {
        var options = instance.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = cookieHeader;
        // Through the handler's cookie manager, which joins a cookie split in chunks.
        var cookie = options.CookieManager.GetRequestCookie(request, options.Cookie.Name!) ?? throw new InvalidOperationException("no sign-in cookie");
        var ticket = options.TicketDataFormat.Unprotect(cookie);
        return PortalUser.FromPrincipal(ticket?.Principal) ?? throw new InvalidOperationException("the instance cannot read the sign-in cookie");
    }

    // What a refused sign-in said (the form's message), not the whole page.
    private static string Excerpt(string html)
    {
        var at = html.IndexOf("login-error", StringComparison.Ordinal);
        return at < 0 ? "" : html.Substring(at, Math.Min(200, html.Length - at));
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    private static void Report(int clients, int rounds, TimeSpan elapsed, IEnumerable<(string Step, double Milliseconds)> timings)
    {
        // Written where bench/two-instances.sh picks it up; the suite's short run writes it too, for comparison.
        var lines = new List<string> { $"two instances, {clients} clients x {rounds} rounds: {elapsed.TotalSeconds:F1} s, {clients * rounds / elapsed.TotalSeconds:F2} rounds/s" };
        foreach (var group in timings.GroupBy(t => t.Step))
        {
            var ms = group.Select(t => t.Milliseconds).Order().ToList();
            lines.Add(FormattableString.Invariant($"{group.Key}: n={ms.Count} median={ms[ms.Count / 2]:F0} ms p95={ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.95) - 1)]:F0} ms max={ms[^1]:F0} ms"));
        }
        if (Environment.GetEnvironmentVariable("HOMEVISIT_LOAD_REPORT") is { Length: > 0 } file) File.WriteAllLines(file, lines);
    }
}
