using System.Diagnostics;
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
/// postgres user when run as root) and stops it when the test process exits. Each test gets its own database.
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

        // The test host may be ended before its exit handler has removed a stopped cluster: clear those first.
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), "homevisit-pg-*"))
        {
            if (File.Exists(Path.Combine(stale, "data", "postmaster.pid")) || Directory.GetLastWriteTimeUtc(stale) > DateTime.UtcNow.AddMinutes(-10)) continue;
            try { Directory.Delete(stale, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        var folder = Path.Combine(Path.GetTempPath(), "homevisit-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var password = Guid.NewGuid().ToString("N");
        var passwordFile = Path.Combine(folder, "pw");
        File.WriteAllText(passwordFile, password);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["-R", "postgres:postgres", folder], asPostgres: false);

        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth-host=scram-sha-256", "--auth-local=trust", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"], asRoot);
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception)
            {
                // Best effort at exit: a leftover temp cluster must not fail the run.
            }
        };
        return new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres" }.ToString();
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
