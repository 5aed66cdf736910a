using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Tests.Host;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Ganbu;

/// <summary><c>/api/ganbu/requests</c> over HTTP against the real portal (Program.cs, demo seed), as the mini-program calls it.</summary>
public sealed class GanbuApiHostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Url = "/api/ganbu/requests";

    private async Task<PortalUser> AdminAsync()
    {
        await using var db = portal.OpenDatabase();
        return PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
    }

    private async Task<string> NewKeyAsync(PortalUser? admin = null) =>
        (await portal.Services.GetRequiredService<GanbuApiKeyService>().CreateAsync(admin ?? await AdminAsync(), $"小程序-{Guid.NewGuid():N}")).PlainKey;

    private async Task<(string StaffNumber, string LeaderName)> DemoStaffAsync()
    {
        await using var db = portal.OpenDatabase();
        var staff = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.Staff).Select(a => a.Person!.StaffNumber).SingleAsync();
        return (staff, await portal.DisplayNameAsync(DemoAccounts.Leader));
    }

    private HttpClient Client(string? key)
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Dictionary<string, string> Errors(JsonElement body) =>
        body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);

    [Fact]
    public async Task Without_a_valid_key_the_api_answers_401_with_a_bearer_challenge_and_never_uses_the_cookie()
    {
        var key = await NewKeyAsync();
        var body = Json("""{"clientRequestId":"x","staffNo":"x","category":"other","summary":"x"}""");

        using var missing = await Client(null).PostAsync(Url, body);
        using var unknown = await Client("hvg_aaaaaaaaaa_notarealsecret").PostAsync(Url, body);
        using var notBearer = await Client(null).SendAsync(new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = body, Headers = { Authorization = new AuthenticationHeaderValue("Basic", key) },
        });
        var cookieClient = portal.CreateBrowserLikeClient();
        await cookieClient.SignInAsync(DemoAccounts.Admin);
        using var cookie = await cookieClient.PostAsync(Url, body);

        foreach (var response in new[] { missing, unknown, notBearer, cookie })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal("缺少接口密钥", (await BodyAsync(missing)).GetProperty("title").GetString());
        Assert.Equal("接口密钥无效或已停用", (await BodyAsync(unknown)).GetProperty("title").GetString());
        Assert.Contains("invalid_token", unknown.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_revoked_key_gets_401()
    {
        var admin = await AdminAsync();
        var keys = portal.Services.GetRequiredService<GanbuApiKeyService>();
        var created = await keys.CreateAsync(admin, $"停用测试-{Guid.NewGuid():N}");
        var (staff, _) = await DemoStaffAsync();
        using var before = await Client(created.PlainKey).GetAsync($"{Url}/999999");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode); // authenticated: the request just does not exist

        await keys.RevokeAsync(admin, created.Key.Id, created.Key.Version);

        using var after = await Client(created.PlainKey).PostAsync(Url, Json($$"""{"clientRequestId":"r-1","staffNo":"{{staff}}","category":"other","summary":"x"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Malformed_or_incomplete_json_gets_400_naming_each_bad_field_in_chinese()
    {
        var client = Client(await NewKeyAsync());

        using var malformed = await client.PostAsync(Url, Json("""{"clientRequestId": "a", """));
        using var empty = await client.PostAsync(Url, Json("{}"));
        using var wrong = await client.PostAsync(Url, Json("""{"clientRequestId":"w-1","staffNo":12345,"category":"gossip","tier":"urgent","summary":"x"}"""));
        using var array = await client.PostAsync(Url, Json("[]"));

        Assert.All(new[] { malformed, empty, wrong, array }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.StartsWith("请求体不是有效的 JSON", Errors(await BodyAsync(malformed))["$"]);
        Assert.Equal("请求体须是 JSON 对象。", Errors(await BodyAsync(array))["$"]);
        var emptyErrors = Errors(await BodyAsync(empty));
        Assert.Equal(["category", "clientRequestId", "staffNo", "summary"], emptyErrors.Keys.Order());
        Assert.Equal("请填写提出诉求干部的工号。", emptyErrors["staffNo"]);
        Assert.Equal("请选择诉求类别。", emptyErrors["category"]);
        var wrongBody = await BodyAsync(wrong);
        Assert.Equal("提交的诉求有误", wrongBody.GetProperty("title").GetString());
        Assert.Equal(400, wrongBody.GetProperty("status").GetInt32());
        var wrongErrors = Errors(wrongBody);
        Assert.Equal(["category", "staffNo", "tier"], wrongErrors.Keys.Order());
        Assert.Equal("应为字符串。", wrongErrors["staffNo"]);
        Assert.StartsWith("无法识别的诉求类别“gossip”，可选：seriousIllness、majorHardship", wrongErrors["category"]);
        Assert.StartsWith("无法识别的困难程度“urgent”", wrongErrors["tier"]);
    }

    [Fact]
    public async Task A_valid_submission_is_created_routed_and_a_retry_with_the_same_client_id_returns_the_original()
    {
        var client = Client(await NewKeyAsync());
        var (staff, leader) = await DemoStaffAsync();
        var clientId = $"mp-{Guid.NewGuid():N}";
        var json = $$"""{"clientRequestId":"{{clientId}}","staffNo":"{{staff}}","category":"seriousIllness","summary":"母亲住院手术，需请假照护","description":"下周一手术"}""";

        using var first = await client.PostAsync(Url, Json(json));
        using var retry = await client.PostAsync(Url, Json(json));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var a = await BodyAsync(first);
        var b = await BodyAsync(retry);
        var id = a.GetProperty("id").GetInt32();
        Assert.Equal($"/api/ganbu/requests/{id}", first.Headers.Location?.OriginalString);
        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal((clientId, "open", "待办理", "seriousIllness", "ordinary"),
            (a.GetProperty("clientRequestId").GetString(), a.GetProperty("status").GetString(), a.GetProperty("statusText").GetString(),
             a.GetProperty("category").GetString(), a.GetProperty("tier").GetString()));
        Assert.Equal((leader, "主管副职"), (a.GetProperty("handler").GetProperty("name").GetString(), a.GetProperty("handler").GetProperty("role").GetString()));
        await using (var db = portal.OpenDatabase())
            Assert.Equal(1, await db.Set<GanbuRequest>().CountAsync(r => r.ClientRequestId == clientId));

        using var get = await client.GetAsync($"{Url}/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(id, (await BodyAsync(get)).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_request_no_one_can_take_gets_422_naming_the_missing_leader()
    {
        // The demo university links no county-level leader to any unit.
        var (staff, _) = await DemoStaffAsync();

        using var response = await Client(await NewKeyAsync()).PostAsync(Url,
            Json($$"""{"clientRequestId":"major-{{Guid.NewGuid():N}}","staffNo":"{{staff}}","category":"majorFamilyChange","tier":"major","summary":"家中房屋失火"}"""));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("均未设置分包县级领导", Errors(await BodyAsync(response))["tier"]);
    }

    [Fact]
    public async Task A_key_of_another_institution_cannot_file_for_this_institutions_staff()
    {
        var (staff, _) = await DemoStaffAsync();
        int other;
        await using (var db = portal.OpenDatabase())
        {
            var institution = new Institution { Name = $"丙县-{Guid.NewGuid():N}", Kind = InstitutionKind.County, CreatedAt = DateTime.UtcNow };
            db.Institutions.Add(institution);
            await db.SaveChangesAsync();
            other = institution.Id;
        }
        var otherAdmin = new PortalUser(0, "bingadmin", "丙县管理员", other, null, new HashSet<string> { Roles.SystemAdmin });
        await using (var db = portal.OpenDatabase())
        {
            var account = new UserAccount { InstitutionId = other, UserName = $"bing-{Guid.NewGuid():N}", DisplayName = "丙县管理员", Roles = [Roles.SystemAdmin] };
            db.UserAccounts.Add(account);
            await db.SaveChangesAsync();
            otherAdmin = PortalUser.From(account);
        }

        using var response = await Client(await NewKeyAsync(otherAdmin)).PostAsync(Url,
            Json($$"""{"clientRequestId":"iso-1","staffNo":"{{staff}}","category":"other","summary":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"本单位没有工号为“{staff}”的人员。", Errors(await BodyAsync(response))["staffNo"]);
    }

    [Fact]
    public async Task When_the_institution_switches_ganbu_off_the_api_answers_404()
    {
        var admin = await AdminAsync();
        var rules = portal.Services.GetRequiredService<ProgrammeRulesService>();
        var client = Client(await NewKeyAsync(admin));
        var (staff, _) = await DemoStaffAsync();
        var json = $$"""{"clientRequestId":"off-{{Guid.NewGuid():N}}","staffNo":"{{staff}}","category":"other","summary":"x"}""";

        await rules.SetEnabledAsync(admin, GanbuAccess.ProgrammeKey, enabled: false);
        try
        {
            using var post = await client.PostAsync(Url, Json(json));
            using var get = await client.GetAsync($"{Url}/1");
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }
        finally
        {
            await rules.SetEnabledAsync(admin, GanbuAccess.ProgrammeKey, enabled: true);
        }
        using var again = await client.PostAsync(Url, Json(json));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task The_quarterly_export_is_an_xlsx_download_for_the_organisation_department_only()
    {
        var zuzhi = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);
        var staff = portal.CreateBrowserLikeClient();
        await staff.SignInAsync(DemoAccounts.Staff);
        var today = DateTime.UtcNow.AddHours(8);
        var url = $"/programmes/ganbu/summary.xlsx?year={today.Year}&quarter={(today.Month - 1) / 3 + 1}";

        using var ok = await zuzhi.GetAsync(url);
        using var denied = await staff.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(GanbuOversightService.XlsxContentType, ok.Content.Headers.ContentType?.MediaType);
        var bytes = await ok.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal("季度汇总", HomeVisit.Core.Import.XlsxTableReader.Read(new MemoryStream(bytes))[0].Name);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
