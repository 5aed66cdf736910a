using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Xunit.Sdk;

namespace HomeVisit.Tests.Host;

/// <summary>
/// Issue 19, "a test starts two portal processes on one PostgreSQL": the built portal started twice as its own operating
/// system process (<c>dotnet HomeVisit.Portal.dll</c>, Production), as two servers behind a load balancer run it. The
/// two share only the database and the uploads folder; each has its own HOME, so ASP.NET Core's default key ring
/// (<c>~/.aspnet/DataProtection-Keys</c>) is not shared either, and a cookie made by A opens a page on B only through the
/// key ring in the database. <see cref="TwoInstancesTests"/> (two hosts inside the test process) covers concurrency;
/// it cannot show that the key ring is shared, since its hosts share a process and a HOME.
/// </summary>
public sealed class TwoInstancesAsProcessesTests(TwoPortalProcesses portals) : IClassFixture<TwoPortalProcesses>
{
    [Fact]
    public Task A_user_signed_in_through_the_form_of_one_process_is_signed_in_on_the_other() => portals.ShowingLogsOnFailure(async () =>
    {
        // One browser behind the balancer: cookies are per host name, not per port, as for one site name in front of both.
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var onA = new HttpClient(handler, disposeHandler: false) { BaseAddress = portals.A.Address, Timeout = TimeSpan.FromSeconds(60) };
        using var onB = new HttpClient(handler, disposeHandler: false) { BaseAddress = portals.B.Address, Timeout = TimeSpan.FromSeconds(60) };

        using (var login = await onA.PostLoginAsync(DemoAccounts.Leader, DemoAccounts.Password))
        {
            Assert.True(login.StatusCode == HttpStatusCode.Redirect && LocalPath(login) == "/",
                $"Sign-in on A answered {(int)login.StatusCode} {LocalPath(login)}");
        }
        Assert.Contains(cookies.GetCookies(portals.A.Address), c => c.Name == "hv.auth");

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = portals.B.Address };
        using (var refused = await anonymous.GetAsync("/visits"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/login", LocalPath(refused), StringComparison.Ordinal);
        }

        using var page = await onB.GetAsync("/visits");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"B answered {(int)page.StatusCode} {LocalPath(page)} to A's cookie");
        var document = await PortalClient.ParseAsync(page);
        await using var db = portals.OpenDatabase();
        var leader = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.Leader).Select(a => a.DisplayName).SingleAsync();
        Assert.Equal(leader, document.QuerySelector("[data-testid=current-user]")?.TextContent.Trim());
        // One key ring, in the database, made by A at its start and read by B.
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    });

    [Fact]
    public Task The_daily_reminders_run_on_exactly_one_of_the_two_processes() => portals.ShowingLogsOnFailure(async () =>
    {
        // The processes run on the real clock. Started within seconds of 06:00 Beijing (22:00 UTC), a process may run
        // yesterday's occurrence before the boundary and the next one after it, so the test follows occurrences rather
        // than "the" run: each one that ran, ran on one process only, and the one due now is done, by the process whose
        // log says it ran it, and was seen and left by the other.
        ScheduledJobState? state = null;
        DateTime due = default;
        // Each process looks 20 s after its start (DailyJobScheduler.StartDelay) and again at each 06:00.
        await TwoPortalProcesses.WaitUntilAsync(async () =>
        {
            due = LatestReminderDueUtc();
            var seen = Stamp(due);
            if (!new[] { portals.A, portals.B }.All(p => p.Log.Contains(Ran + seen, StringComparison.Ordinal) || p.Log.Contains(Left + seen, StringComparison.Ordinal)))
                return false;
            await using var db = portals.OpenDatabase();
            state = await db.ScheduledJobs.AsNoTracking().SingleOrDefaultAsync(s => s.Name == "reminders");
            return state?.LastOutcome is JobOutcome.Succeeded or JobOutcome.Failed && state.DoneThroughUtc == due;
        }, TwoPortalProcesses.StartTimeout, "both processes looking at the reminders due now and its run finishing");

        var runs = new[] { portals.A, portals.B }.SelectMany(p => Occurrences(p.Log, Ran).Select(at => (Process: p, Due: at))).ToList();
        Assert.NotEmpty(runs);
        foreach (var occurrence in runs.GroupBy(r => r.Due))
            Assert.True(occurrence.Count() == 1, $"The reminders for {occurrence.Key} ran {occurrence.Count()} times.");
        var runner = Assert.Single(runs, r => r.Due == Stamp(due)).Process;
        var other = runner == portals.A ? portals.B : portals.A;
        Assert.Contains(Left + Stamp(due), other.Log, StringComparison.Ordinal);

        // The lease row says the same: done for the occurrence due now, by the process whose log says it ran the job.
        Assert.Equal(JobOutcome.Succeeded, state!.LastOutcome);
        Assert.Contains($"/{runner.Id.ToString(CultureInfo.InvariantCulture)}/", state.LastRunBy, StringComparison.Ordinal);
        Assert.Null(state.LeaseOwner);
        await using (var db = portals.OpenDatabase())
        {
            // What the run recorded is in the database once: its count in the job's detail is every reminder there is
            // (when the boundary fell inside the test, the earlier occurrence's reminders are there as well).
            var recorded = await db.Notifications.CountAsync();
            Assert.True(recorded > 0, "the demo institution has reminders to record");
            var detail = int.Parse(System.Text.RegularExpressions.Regex.Match(state.LastDetail ?? "", @"^新增提醒 (\d+) 条$").Groups[1].Value, CultureInfo.InvariantCulture);
            if (runs.Count == 1) Assert.Equal(recorded, detail);
            else Assert.InRange(detail, 0, recorded);
        }
    });

    private const string Ran = "Running the daily job reminders for ";
    private const string Left = "The daily job reminders for ";

    /// <summary>The 06:00 Beijing occurrence due now, as <see cref="DailyJobScheduler"/> computes it.</summary>
    private static DateTime LatestReminderDueUtc()
    {
        var beijing = InstitutionTime.FromUtc(DateTime.UtcNow);
        var due = beijing.Date.AddHours(6);
        if (due > beijing) due = due.AddDays(-1);
        return DateTime.SpecifyKind(InstitutionTime.ToUtc(due), DateTimeKind.Utc);
    }

    /// <summary>An occurrence as the scheduler's log lines write it ({Due:u}).</summary>
    private static string Stamp(DateTime dueUtc) => dueUtc.ToString("u", CultureInfo.InvariantCulture);

    private static string? LocalPath(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } uri => uri.PathAndQuery,
        var uri => uri.OriginalString,
    };

    /// <summary>The occurrences (their <see cref="Stamp"/>) named after each line start <paramref name="prefix"/> in a log.</summary>
    private static IEnumerable<string> Occurrences(string log, string prefix) =>
        System.Text.RegularExpressions.Regex.Matches(log, System.Text.RegularExpressions.Regex.Escape(prefix) + @"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z)")
            .Select(m => m.Groups[1].Value);
}

/// <summary>
/// Two processes of the built portal on one new PostgreSQL database (migrated and seeded with the demo institution
/// before either starts, since Production never seeds), started as docs/operations.md tells: the first, until
/// <c>/readyz</c>, then the second. Both with the daily jobs on.
/// </summary>
public sealed class TwoPortalProcesses : IAsyncLifetime
{
    /// <summary>Generous: two portals starting on a loaded two-core machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "homevisit-tests", "processes-" + Guid.NewGuid().ToString("N"));
    private string? _connectionString;

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connectionString = PostgresServer.CreateDatabase();
        await using (var db = OpenDatabase())
        {
            await db.Database.MigrateAsync();
            await DemoSeeder.SeedAsync(db, TimeProvider.System);
        }
        var uploads = Path.Combine(_folder, "uploads");
        Directory.CreateDirectory(uploads);
        try
        {
            A = PortalProcess.Start("A", Settings("A", uploads));
            await A.WaitUntilReadyAsync(StartTimeout);
            B = PortalProcess.Start("B", Settings("B", uploads));
            await B.WaitUntilReadyAsync(StartTimeout);
        }
        catch (Exception e)
        {
            throw new XunitException($"The two portal processes did not both start: {e.Message}\n{Logs}", e);
        }
    }

    private Dictionary<string, string> Settings(string name, string uploads)
    {
        // Its own HOME, as on its own server: the default key ring folder is not shared.
        var home = Path.Combine(_folder, "home-" + name);
        Directory.CreateDirectory(home);
        return new()
        {
            ["HOME"] = home,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Portal"] = _connectionString!,
            ["Uploads__Root"] = uploads,
            ["Reminders__Enabled"] = "true",
            // The scheduler says at Debug when it leaves an occurrence to another instance; one line per message.
            ["Logging__LogLevel__HomeVisit.Core.Scheduling"] = "Debug",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
    }

    public PortalDbContext OpenDatabase() => new(new DbContextOptionsBuilder<PortalDbContext>()
        .UsePortalPostgreSql(_connectionString!).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options);

    /// <summary>What both processes wrote, for a failure message.</summary>
    public string Logs => string.Join("\n", new[] { A, B }.Where(p => p is not null).Select(p => $"--- portal process {p.Name} (pid {p.Id}, {p.Address}) ---\n{p.Log}"));

    /// <summary>Runs a test's body; when it fails, the failure carries both processes' output.</summary>
    public async Task ShowingLogsOnFailure(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception e)
        {
            throw new XunitException($"{e.Message}\n\n{Logs}", e);
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}.");
            await Task.Delay(250);
        }
    }

    public Task DisposeAsync()
    {
        // Killed even when a test failed or the start did; then the database and the folder go.
        B?.Dispose();
        A?.Dispose();
        if (_connectionString is not null) PostgresServer.DropDatabase(_connectionString);
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        return Task.CompletedTask;
    }
}

/// <summary>The built portal (HomeVisit.Portal.dll beside the tests) running as a process of its own on a free loopback port.</summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PortalProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static PortalProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root, as WorkingDirectory=/opt/homevisit in docs/operations.md: the portal's appsettings.json is here.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HomeVisit.Portal.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        // Nothing of the test run's own configuration leaks in (a configuration key in the environment has "__").
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var portal = new PortalProcess(name, process, address);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        EndWithThisProcess(process.Id, address);
        return portal;
    }

    /// <summary>
    /// Dispose ends the portal; if the test host itself is killed, nothing of it runs, so a shell in its own session
    /// ends the portal once the test host is gone. It leaves alone whatever has that id by then unless its command line
    /// names this portal's address, so a reused id is never hit.
    /// </summary>
    private static void EndWithThisProcess(int portal, Uri address)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            trap '' HUP INT
            while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
            if ! kill -0 "$1" 2>/dev/null && tr '\0' ' ' < "/proc/$2/cmdline" | grep -qF -- "$3"; then kill -KILL "$2"; fi
            """;
        var start = new ProcessStartInfo("setsid") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "sh", "-c", script, "portal-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                     portal.ToString(CultureInfo.InvariantCulture), address.ToString().TrimEnd('/') })
            start.ArgumentList.Add(a);
        using var _ = Process.Start(start);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>Until <c>/readyz</c> answers 200 (migrated, uploads writable); fails at once if the process ends.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        await TwoPortalProcesses.WaitUntilAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"Portal process {Name} ended with exit code {_process.ExitCode}.");
            try
            {
                using var ready = await client.GetAsync("/readyz");
                return ready.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false; // not listening yet
            }
        }, timeout, $"portal process {Name} to answer /readyz at {Address}");
        Append(FormattableString.Invariant($"[test] /readyz answered 200 after {started.Elapsed.TotalSeconds:F1} s"));
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        _process.Dispose();
    }

    /// <summary>The dotnet host that runs these tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
