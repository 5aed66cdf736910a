using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Tests.Host;

/// <summary>
/// The real portal (Program.cs) on an in-memory TestServer, with its own SQLite file in a temp folder
/// and the demo seed. Environment "Development": the only differences from production there are the
/// developer exception page instead of /error and no HSTS, neither of which the tests depend on, and
/// it is what <c>dotnet run</c> uses. Share one per test class (IClassFixture) unless a test breaks it.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "homevisit-tests", "host-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "portal.db");

    /// <summary>The database engine of this portal; SQLite unless a test asks for PostgreSQL.</summary>
    public PortalDatabaseProvider Provider { get; init; } = PortalDatabaseProvider.Sqlite;

    /// <summary>
    /// On PostgreSQL, a database of another portal to share (two instances on one database); by default each portal
    /// gets a new empty database on the test run's server, dropped with the portal.
    /// </summary>
    public string? SharedPostgreSqlDatabase { get; init; }

    private string? _postgreSql;

    public string ConnectionString => Provider == PortalDatabaseProvider.PostgreSQL
        ? SharedPostgreSqlDatabase ?? (_postgreSql ??= PostgresServer.CreateDatabase())
        : new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    /// <summary>Further configuration for this portal (e.g. short session times for the session tests); set before it starts.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        // The daily reminder job would write while tests read; tests drive ReminderService directly.
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A context on the portal's database (started first, so it is migrated and seeded), for arranging and checking data.</summary>
    public PortalDbContext OpenDatabase()
    {
        _ = Services; // the host migrates and seeds on start
        return new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(Provider, ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options);
    }

    /// <summary>The name shown for an account (its person's name for the demo accounts).</summary>
    public async Task<string> DisplayNameAsync(string userName)
    {
        await using var db = OpenDatabase();
        return await db.UserAccounts.Where(a => a.UserName == userName).Select(a => a.DisplayName).SingleAsync();
    }

    /// <summary>Drops pooled connections to this portal's file, e.g. before breaking or deleting it.</summary>
    public void ReleaseDatabase()
    {
        if (Provider == PortalDatabaseProvider.PostgreSQL)
        {
            using var pooled = new Npgsql.NpgsqlConnection(ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(pooled);
            return;
        }
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        ReleaseDatabase();
        if (_postgreSql is not null) PostgresServer.DropDatabase(_postgreSql);
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

/// <summary>Signing in and posting forms the way a browser does: GET the form, keep its antiforgery token, POST it back.</summary>
public static class PortalClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>Posts the login form; the response is returned unfollowed (302 to the start page on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await client.GetDocumentAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Signs in with a demo account and checks it worked.</summary>
    public static async Task SignInAsync(this HttpClient client, string userName, string password = DemoAccounts.Password)
    {
        using var response = await client.PostLoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/", response.RedirectPath());
    }

    /// <summary>Where a redirect goes, as a local path: Blazor's NavigateTo sends absolute URLs, the cookie handler relative ones.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } uri when uri.Host == "localhost" => uri.PathAndQuery,
        var uri => uri.OriginalString,
    };
}
