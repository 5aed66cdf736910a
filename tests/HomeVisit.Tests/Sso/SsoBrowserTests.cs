using System.Net;
using System.Net.Sockets;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.People;
using HomeVisit.Tests.Browser;
using HomeVisit.Tests.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Sso;

/// <summary>
/// Campus sign-in in headless Chromium: the portal on Kestrel (a free loopback port, demo seed) configured for a real
/// oidc-provider on another loopback port, whose client is registered for the portal's callback.
/// </summary>
public sealed class SsoBrowserFixture : IAsyncLifetime
{
    private KestrelSsoPortal? _portal;
    private IPlaywright? _playwright;

    public TestOpenIdProvider Provider { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;
    public PortalFactory Portal => _portal!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
            throw new InvalidOperationException($"Chromium was not found at {BrowserFixture.ChromiumPath} (scripts/test.sh installs it).");
        // The provider must know the callback before the portal starts, so the portal's port is chosen first.
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Provider = await TestOpenIdProvider.StartAsync([$"{BaseAddress}signin-oidc"], [$"{BaseAddress}account/login"]);
        _portal = new KestrelSsoPortal(Provider, BaseAddress);
        _portal.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<BrowserSession> NewSessionAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task<Person> AddPersonAsync(string name)
    {
        await using var db = Portal.OpenDatabase();
        var person = new Person { InstitutionId = await db.Institutions.Select(i => i.Id).FirstAsync(), Name = name, StaffNumber = "B" + Guid.NewGuid().ToString("N")[..8] };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_portal is not null) await _portal.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The BrowserFixture pattern: the TestServer host for the factory, a Kestrel host for the browser, on a given port.</summary>
    private sealed class KestrelSsoPortal(TestOpenIdProvider provider, Uri address) : PortalFactory
    {
        private IHost? _kestrelHost;

        public void StartKestrel() => _ = Server;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:Oidc:Authority", provider.Issuer);
            builder.UseSetting("Authentication:Oidc:ClientId", TestOpenIdProvider.ClientId);
            builder.UseSetting("Authentication:Oidc:ClientSecret", TestOpenIdProvider.ClientSecret);
            builder.UseSetting("Authentication:Oidc:Scopes", "openid profile staff groups");
            builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
            builder.UseSetting("Authentication:Oidc:UseUserInfo", "true");
        }

        protected override IHost CreateHost(IHostBuilder builder)
        {
            Directory.CreateDirectory(Folder);
            using (var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(ConnectionString).UseProgrammeModels(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Options))
            {
                db.Database.Migrate();
                DemoSeeder.SeedAsync(db, TimeProvider.System).GetAwaiter().GetResult();
            }
            var testHost = builder.Build();
            builder.ConfigureWebHost(web => web.UseKestrel().UseUrls(address.ToString()));
            _kestrelHost = builder.Build();
            _kestrelHost.Start();
            testHost.Start();
            return testHost;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_kestrelHost is not null)
            {
                await _kestrelHost.StopAsync();
                _kestrelHost.Dispose();
            }
            await base.DisposeAsync();
        }
    }
}

// In the browser collection, so it does not run a second Chromium beside the other browser tests on a small machine.
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SsoBrowserTests(SsoBrowserFixture app) : IClassFixture<SsoBrowserFixture>
{
    /// <summary>On the provider's own login form (oidc-provider's development form: any password).</summary>
    private static async Task SignInAtProviderAsync(IPage page, TestOpenIdProvider provider, string login)
    {
        await page.WaitForURLAsync(url => url.StartsWith(provider.Issuer, StringComparison.Ordinal));
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "campus-password");
        await page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task A_teacher_signs_in_with_campus_sso_from_the_sign_in_page_and_signs_out_of_both()
    {
        var person = await app.AddPersonAsync("黄丽华");
        app.Provider.SetAccount("huang.lihua", new { staff_number = person.StaffNumber, name = "黄丽华" });
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync("/account/login");
        await page.GetByTestId("sso-login").ClickAsync();
        await SignInAtProviderAsync(page, app.Provider, "huang.lihua");

        await page.WaitForURLAsync(app.BaseAddress + "");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync("黄丽华");
        // The live circuit works with the session: the menu navigates.
        await page.GetByText("我的信息").ClickAsync();
        await page.WaitForURLAsync($"**/people/{person.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        // oidc-provider asks whether to sign out there too.
        await page.WaitForURLAsync(url => url.StartsWith(app.Provider.Issuer + "/session/end", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.BaseAddress + "account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("sso-login")).ToBeVisibleAsync();

        // Signed out of the provider too: campus sign-in asks for the password again.
        await page.GetByTestId("sso-login").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(app.Provider.Issuer, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_maps_a_group_to_a_role_and_the_next_campus_sign_in_gets_it()
    {
        var person = await app.AddPersonAsync("梁振华");
        var group = "/campus/leaders-" + person.Id;
        app.Provider.SetAccount("liang.zhenhua", new { staff_number = person.StaffNumber, name = "梁振华", groups = new[] { group } });

        await using (var admin = await app.NewSessionAsync())
        {
            var page = admin.Page;
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", DemoAccounts.Admin);
            await page.FillAsync("#password", DemoAccounts.Password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            await page.GotoAsync("/admin/sso");
            await BrowserFixture.WaitForInteractiveAsync(page);

            // Nothing typed: the messages sit beside the fields.
            await page.GetByTestId("add-mapping").ClickAsync();
            await Assertions.Expect(BrowserFixture.FieldError(page, "claim-value")).ToHaveTextAsync("请填写声明值。");
            await Assertions.Expect(BrowserFixture.FieldError(page, "mapped-role")).ToHaveTextAsync("请选择平台角色。");

            await page.Locator("#claim-value").FillAsync(group);
            await page.GetByTestId("mapped-role").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("领导（家访人）", new() { Exact = true }).ClickAsync();
            await page.GetByTestId("add-mapping").ClickAsync();
            var mappings = page.GetByTestId("sso-mappings");
            await Assertions.Expect(mappings).ToContainTextAsync(group);
            await Assertions.Expect(mappings).ToContainTextAsync("领导（家访人）");
        }

        await using (var teacher = await app.NewSessionAsync())
        {
            var page = teacher.Page;
            await page.GotoAsync("/account/sso");
            await SignInAtProviderAsync(page, app.Provider, "liang.zhenhua");
            await page.WaitForURLAsync(app.BaseAddress + "");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { Name = "安排家访" })).ToBeVisibleAsync();
        }

        // The admin sees the linked account and removes the mapping after confirming.
        await using (var admin = await app.NewSessionAsync())
        {
            var page = admin.Page;
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", DemoAccounts.Admin);
            await page.FillAsync("#password", DemoAccounts.Password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            await page.GotoAsync("/admin/sso");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("sso-linked")).ToContainTextAsync("梁振华");
            await Assertions.Expect(page.GetByTestId("sso-linked")).ToContainTextAsync("领导（家访人）（映射）");

            int mappingId;
            await using (var db = app.Portal.OpenDatabase())
                mappingId = await db.SsoRoleMappings.Where(m => m.ClaimValue == group).Select(m => m.Id).SingleAsync();
            await page.GetByTestId($"delete-mapping-{mappingId}").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Assertions.Expect(dialog).ToContainTextAsync(group);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "删除", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("sso-mappings")).Not.ToContainTextAsync(group);
        }
    }
}
