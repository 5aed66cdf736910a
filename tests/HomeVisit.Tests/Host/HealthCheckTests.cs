using System.Net;

namespace HomeVisit.Tests.Host;

/// <summary>Breaks its own portal's database, so it does not share the class fixture.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task Health_is_503_once_the_database_cannot_be_opened()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        using (var healthy = await client.GetAsync("/healthz"))
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        // The database's folder disappears (a lost volume): pooled connections are dropped, and SQLite
        // cannot create a new file in a folder that does not exist.
        portal.ReleaseDatabase();
        Directory.Delete(portal.Folder, recursive: true);

        using var unhealthy = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("Unhealthy", await unhealthy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_is_503_while_the_uploads_folder_cannot_be_written_and_health_stays_200()
    {
        // A lost mount, as the portal sees it: the configured folder cannot be made (its parent is a file).
        var blocked = Path.Combine(Path.GetTempPath(), "homevisit-tests", "not-a-folder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        await File.WriteAllTextAsync(blocked, "");
        try
        {
            using var portal = new PortalFactory();
            portal.Settings["Uploads:Root"] = Path.Combine(blocked, "uploads");
            using var client = portal.CreateClient();

            using (var healthy = await client.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            using var unready = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
            Assert.Equal("Unhealthy", await unready.Content.ReadAsStringAsync());
        }
        finally
        {
            File.Delete(blocked);
        }
    }
}
