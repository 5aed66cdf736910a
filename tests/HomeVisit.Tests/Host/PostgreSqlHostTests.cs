using System.Net;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Host;

/// <summary>The portal started with <c>Database:Provider=PostgreSQL</c> on an empty database: it migrates, seeds and serves.</summary>
public sealed class PostgreSqlHostTests : IDisposable
{
    private readonly PortalFactory _portal = new() { Provider = PortalDatabaseProvider.PostgreSQL };

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_portal_runs_on_PostgreSQL_by_configuration()
    {
        using var client = _portal.CreateBrowserLikeClient();

        using (var health = await client.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var ready = await client.GetAsync("/readyz")) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await client.SignInAsync(DemoAccounts.Leader);
        foreach (var path in new[] { "/", "/visits", "/people", "/follow-ups" })
        {
            using var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)page.StatusCode}");
        }

        await using var db = _portal.OpenDatabase();
        Assert.Equal(PostgreSqlDatabase.ProviderName, db.Database.ProviderName);
        Assert.True(await db.People.AnyAsync());
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
