#:package Microsoft.Playwright
#:property TargetFramework=net10.0
#:property Nullable=enable
#:property PublishAot=false
// Screenshots of the main pages, Chinese, desktop (1366×900) and phone (360×740), from a running portal with the demo
// institution: dotnet run tools/Screenshots/Screenshots.cs -- http://127.0.0.1:5080 docs/screenshots
// Uses Debian's Chromium (Playwright cannot download browsers here). Waits for the circuit before each shot.
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5080";
var outDir = args.Length > 1 ? args[1] : "docs/screenshots";
Directory.CreateDirectory(outDir);

// Follow: a link on the page to open first (for a record's page whose id the demo data decides), or null.
(string Name, string User, string Path, string? Follow)[] pages =
[
    ("home", "leader", "/", null),
    ("visits", "leader", "/visits", null),
    ("visit-new", "leader", "/visits/new", null),
    ("calendar", "leader", "/calendar", null),
    ("follow-ups", "jiwei", "/follow-ups", null),
    ("dashboard", "jiwei", "/dashboard", null),
    ("quotas", "admin", "/quotas", null),
    ("people", "admin", "/people", null),
    ("person-edit", "admin", "/people/new", null),
    ("lianzheng", "leader", "/programmes/lianzheng", null),
    ("ganbu", "zuzhi", "/programmes/ganbu", null),
    ("qinglian-households", "leader", "/programmes/qinglian/households", null),
    ("qinglian-household", "leader", "/programmes/qinglian/households", "[data-testid=household-link]"),
    ("lianxi", "leader", "/programmes/lianxi", null),
    ("lianxi-progress", "leader", "/programmes/lianxi/progress", null),
    ("huifang", "anguan", "/programmes/huifang", null),
];

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

foreach (var (device, width, height) in new[] { ("desktop", 1366, 900), ("phone", 360, 740) })
{
    foreach (var group in pages.GroupBy(p => p.User))
    {
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai", IsMobile = device == "phone", DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(group.Key);
        await page.Locator("#password").FillAsync("Demo#2026");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"), new() { Timeout = 90_000 });
        foreach (var (name, _, path, follow) in group)
        {
            await page.GotoAsync(path);
            await ReadyAsync(page);
            if (follow is not null)
            {
                await page.GotoAsync(await page.Locator(follow).First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"{follow} has no href on {path}"));
                await ReadyAsync(page);
            }
            // The calendar fetches its events after FullCalendar has drawn the empty month.
            if (name == "calendar")
                await page.Locator(".fc-event").First.WaitForAsync(new() { Timeout = 60_000 });
            var file = Path.Combine(outDir, $"{name}-{device}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = false });
            Console.WriteLine(file);
        }
    }
}

static async Task ReadyAsync(IPage page)
{
    await page.Locator("#hv-interactive[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 90_000 });
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    // Grids load their page over the circuit after the first render: wait until none shows its loading bar.
    await page.Locator(".mud-table-loading-progress").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
}
