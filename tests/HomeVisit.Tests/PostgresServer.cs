using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HomeVisit.Tests;

/// <summary>
/// A real PostgreSQL server for the provider tests. scripts/test.sh starts a throwaway cluster on loopback and passes
/// its administrator connection string in <c>HOMEVISIT_TEST_POSTGRES</c>; without it (a filtered <c>dotnet test</c>)
/// the first test that needs the server starts one the same way (Debian's <c>postgresql</c>: initdb + pg_ctl, as the
/// postgres user when run as root) and a watchdog process stops and removes it when the test process is gone, however
/// it ends. Each test gets its own database.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "HOMEVISIT_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Migrated = new(CreateMigratedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The administrator's connection string (database <c>postgres</c>).</summary>
    public static string AdminConnectionString => Admin.Value;

    /// <summary>A new empty database, or a copy of <paramref name="template"/>; its connection string.</summary>
    public static string CreateDatabase(string? template = null)
    {
        var name = "hv_" + Guid.NewGuid().ToString("N")[..20];
        Execute(AdminConnectionString, template is null
            ? $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return WithDatabase(name);
    }

    /// <summary>A new database at the current schema, copied from one migrated once per run.</summary>
    public static string CreateMigratedDatabase() => CreateDatabase(DatabaseName(Migrated.Value));

    /// <summary>Drops a database made here, closing what is still connected to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        Execute(AdminConnectionString, $"DROP DATABASE IF EXISTS \"{DatabaseName(connectionString)}\" WITH (FORCE)");
    }

    /// <summary>Makes a database usable as a template: nobody may be connected to it while it is copied.</summary>
    public static void ReleaseForTemplate(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    private static string WithDatabase(string name) => new NpgsqlConnectionStringBuilder(AdminConnectionString)
    {
        Database = name,
        // Many small databases live side by side in one run: keep few idle connections per database.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
        ConnectionPruningInterval = 5,
    }.ToString();

    private static string CreateMigratedTemplate()
    {
        var connectionString = CreateDatabase();
        using (var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgreSql(connectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options))
            db.Database.Migrate();
        ReleaseForTemplate(connectionString);
        return connectionString;
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given) return given;

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed: run scripts/test.sh (it installs Debian's postgresql) or set " + EnvironmentVariable + ".");

        // Clusters of earlier runs whose test process and server are gone but whose folder was left behind.
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*")) RemoveIfAbandoned(stale);
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), $"{Environment.ProcessId} {ProcessStartTime(Environment.ProcessId)}");
        var asRoot = Environment.UserName == "root";
        // Before the cluster exists, so no way of ending this process leaves it running.
        StartWatchdog(bin, folder, asRoot);
        var password = Guid.NewGuid().ToString("N");
        var passwordFile = Path.Combine(folder, "pw");
        File.WriteAllText(passwordFile, password);
        if (asRoot) Run("chown", ["-R", "postgres:postgres", folder], asPostgres: false);

        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth-host=scram-sha-256", "--auth-local=trust", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"], asRoot);
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400"], asRoot);
        return new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres" }.ToString();
    }

    private const string FolderPrefix = "homevisit-pg-";

    // The test process that started the cluster in a folder: its id and its start time (ids are reused).
    private const string OwnerFile = "owner";

    /// <summary>
    /// Stops the cluster (as fast as it can: the data is thrown away) and removes its folder once this process is gone.
    /// An exit handler is not enough: the test platform kills its test host a moment after the run ends, often before
    /// pg_ctl has finished, and a killed or crashed host runs no handler at all. The watchdog is a shell in its own
    /// session, so it outlives the host and a signal to the host's process group; it polls once a second.
    /// </summary>
    private static void StartWatchdog(string bin, string folder, bool asRoot)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            trap '' HUP INT
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ -f "$3/data/postmaster.pid" ]; then
              if [ "$4" = root ]; then runuser -u postgres -- "$2/pg_ctl" -D "$3/data" -m immediate -w stop
              else "$2/pg_ctl" -D "$3/data" -m immediate -w stop; fi
            fi
            rm -rf "$3"
            """;
        var start = new ProcessStartInfo("setsid") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "sh", "-c", script, "watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), bin, folder, asRoot ? "root" : "user" })
            start.ArgumentList.Add(a);
        // Not waited for: it ends by itself after this process.
        using var _ = Process.Start(start) ?? throw new InvalidOperationException("setsid could not be started: the test cluster would outlive the tests.");
    }

    /// <summary>
    /// Removes a folder of an earlier run whose watchdog did not get to it (killed with it, say): only when the test
    /// process that made it is gone and no server runs on it. A server still running there is left alone: it may be
    /// another run's, and this run never stops a cluster it did not start.
    /// </summary>
    private static void RemoveIfAbandoned(string folder)
    {
        try
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            if (File.Exists(ownerFile))
            {
                var owner = File.ReadAllText(ownerFile).Split(' ', 2);
                if (int.TryParse(owner[0], out var pid) && ProcessStartTime(pid) is { } started && started == owner.ElementAtOrDefault(1)) return;
            }
            // A folder from before owners were recorded, or one being made right now.
            else if (Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10)) return;
            if (ServerRuns(Path.Combine(folder, "data"))) return;
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run is removing it, or it is not ours to remove.
        }
    }

    /// <summary>Whether the postmaster named in the data folder's postmaster.pid is alive and serves that folder.</summary>
    private static bool ServerRuns(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile)) return false;
        string[] lines;
        try { lines = File.ReadAllLines(pidFile); }
        catch (UnauthorizedAccessException) { return true; } // not ours: assume it runs
        if (lines.Length == 0 || !int.TryParse(lines[0], out var pid)) return false;
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(data, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is UnauthorizedAccessException; // gone (no /proc entry), or alive but unreadable
        }
    }

    /// <summary>A process's start time in clock ticks since boot (/proc/PID/stat, field 22), or null when it is not running.</summary>
    private static string? ProcessStartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces; field 22 is the 20th of these.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }
}

/// <summary>Theory data: every database provider the portal runs on.</summary>
public sealed class Providers : TheoryData<PortalDatabaseProvider>
{
    public Providers()
    {
        Add(PortalDatabaseProvider.Sqlite);
        Add(PortalDatabaseProvider.PostgreSQL);
    }
}
