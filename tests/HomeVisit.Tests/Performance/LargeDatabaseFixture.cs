using HomeVisit.DataGen;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// The portal on a generated database at 1/20 of county scale (1,000 staff, ~16,000 visits): big enough that
/// a query per row shows up as hundreds of commands, small enough to build in seconds.
/// </summary>
public sealed class LargeDatabaseFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const double Scale = 0.05;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "homevisit-tests", "scale-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "county-small.db");

    public GeneratorResult Generated { get; private set; } = null!;

    public SqlCommandCounter Commands { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Generated = await LargeInstitutionGenerator.GenerateAsync(new GeneratorOptions(DatabasePath, Scale: Scale));
        Commands = new SqlCommandCounter(DatabasePath);
        _ = Services; // start the host: it migrates (nothing to do) and must not seed
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString());
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Retention:Enabled", "false"); // its queries would count towards a page's budget
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    async Task IAsyncLifetime.DisposeAsync()
    {
        Commands?.Dispose();
        await base.DisposeAsync();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString()))
            SqliteConnection.ClearPool(connection);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

/// <summary>The test classes on the generated database share one (it takes seconds to build).</summary>
[CollectionDefinition(Name)]
public sealed class LargeDatabaseCollection : ICollectionFixture<LargeDatabaseFixture>
{
    public const string Name = "large-database";
}
