using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Security;

/// <summary>
/// Issue 13 items 15 and 16: answers that were 500s or HTML are now what docs/api.md and docs/security.md promise.
/// </summary>
public sealed class ApiHardeningHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    internal static async Task<string> NewKeyAsync(PortalFactory portal)
    {
        await using var db = portal.OpenDatabase();
        var admin = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
        return (await portal.Services.GetRequiredService<GanbuApiKeyService>().CreateAsync(admin, $"测试-{Guid.NewGuid():N}")).PlainKey;
    }

    private HttpClient Client(string? key) => Client(portal, key);

    internal static HttpClient Client(PortalFactory portal, string? key)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task The_language_switch_keeps_a_tab_smuggled_redirect_on_the_portal()
    {
        using var client = Client(null);

        using var response = await client.GetAsync("/culture?c=en&redirectUri=%2F%09%2Fevil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_gets_400_problem_details_not_500()
    {
        using var client = Client(await NewKeyAsync(portal));
        var bytes = "{\"clientRequestId\":\"x1\",\"staffNo\":\"1\",\"category\":\"other\",\"summary\":\""u8.ToArray()
            .Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat("\"}"u8.ToArray()).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/ganbu/requests", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/ganbu/requests/abc")]
    [InlineData("/api/nosuch/things")]
    [InlineData("/api/ganbu")]
    public async Task Unknown_api_paths_answer_json_problem_details_never_the_html_sign_in_page(string path)
    {
        using var anonymous = Client(null);
        using var withKey = Client(await NewKeyAsync(portal));
        using var signedIn = portal.CreateBrowserLikeClient();
        await signedIn.SignInAsync(DemoAccounts.Admin);

        foreach (var client in new[] { anonymous, withKey, signedIn })
        {
            using var response = await client.GetAsync(path);
            Assert.Null(response.Headers.Location);
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
    }
}

/// <summary>Issue 13 item 16: the /api/ rate limits, set low here (5 per key, 8 per address a minute) so the test is quick.</summary>
public sealed class ApiRateLimitHostTests(ApiRateLimitHostTests.Portal portal) : IClassFixture<ApiRateLimitHostTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:Api:PermitsPerKey", "5");
            builder.UseSetting("RateLimiting:Api:PermitsPerAddress", "8");
        }
    }

    [Fact]
    public async Task Api_requests_are_limited_per_key_and_per_address_with_429_and_retry_after()
    {
        using var first = ApiHardeningHostTests.Client(portal, await ApiHardeningHostTests.NewKeyAsync(portal));
        using var second = ApiHardeningHostTests.Client(portal, await ApiHardeningHostTests.NewKeyAsync(portal));

        for (var i = 0; i < 5; i++)
        {
            using var ok = await first.GetAsync("/api/ganbu/requests/999999");
            Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode);
        }
        using var overKey = await first.GetAsync("/api/ganbu/requests/999999");
        await ApiHardeningHostTests.AssertProblemAsync(overKey, HttpStatusCode.TooManyRequests);
        Assert.True(overKey.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {overKey.Headers.RetryAfter}");

        // Another key from the same address has an allowance of its own, but the address's (8) runs out before it (5).
        var answered = 0;
        HttpResponseMessage overAddress;
        while (true)
        {
            overAddress = await second.GetAsync("/api/ganbu/requests/999999");
            if (overAddress.StatusCode == HttpStatusCode.TooManyRequests || ++answered > 5) break;
            Assert.Equal(HttpStatusCode.NotFound, overAddress.StatusCode);
            overAddress.Dispose();
        }
        using (overAddress)
        {
            Assert.InRange(answered, 1, 3);
            await ApiHardeningHostTests.AssertProblemAsync(overAddress, HttpStatusCode.TooManyRequests);
            Assert.NotNull(overAddress.Headers.RetryAfter);
        }

        // Pages are not limited.
        using var page = await ApiHardeningHostTests.Client(portal, null).GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
