using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace HomeVisit.Bench;

/// <summary>One measurement, appended as a JSON line to the results file and read back by <see cref="Report"/>.</summary>
public sealed record Measurement(string Label, string Metric, string Subject, double Value, string Unit);

/// <summary>
/// Drives a running portal (or the bare page) in Chromium: time to interactive per page (navigation start to the
/// circuit being up with the page rendered, read from the page's own clock), a click on the visits grid's pager to
/// the updated rows, resident memory added per open circuit, and the year ledger .xlsx download (time, peak memory).
/// </summary>
internal sealed class BrowserBench(string label, string baseUrl, int? serverPid, string resultsFile)
{
    // Five opens per page by default; HV_BENCH_RUNS lowers it when pages take tens of seconds (the untuned county).
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("HV_BENCH_RUNS"), out var runs) ? runs : 5;

    // Set by an init script in every page: the moment (ms since navigation start) the layout's marker says the
    // circuit is interactive. Pages render their data in the same batch, so that is when the user can work.
    private const string ReadyScript = """
        (() => {
          const check = () => {
            const m = document.getElementById('hv-interactive');
            if (m && m.dataset.interactive === 'true' && window.__hvReady === undefined) window.__hvReady = performance.now();
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
        })();
        """;

    public static readonly (string User, string Url)[] PortalPages =
    [
        ("jiwei", "/"), ("leader", "/"), ("leader", "/visits"), ("jiwei", "/visits"), ("leader", "/follow-ups"), ("jiwei", "/follow-ups"),
        ("jiwei", "/dashboard"), ("leader", "/calendar"), ("jiwei", "/programmes/lianzheng"), ("jiwei", "/programmes/lianzheng/ledger"),
        ("leader", "/quotas"), ("jiwei", "/quotas"),
    ];

    public async Task RunAsync(bool bare)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        if (bare)
        {
            var context = await NewContextAsync(browser);
            await TimeToInteractiveAsync(context, "-", "/");
            await MemoryPerCircuitAsync(context, "/");
            return;
        }

        var contexts = new Dictionary<string, IBrowserContext>();
        foreach (var user in PortalPages.Select(p => p.User).Distinct())
        {
            contexts[user] = await NewContextAsync(browser);
            await SignInAsync(contexts[user], user);
        }
        foreach (var (user, url) in PortalPages) await Try($"tti {user} {url}", () => TimeToInteractiveAsync(contexts[user], user, url));
        await Try("click-grid", () => ClickToGridAsync(contexts["jiwei"]));
        await Try("ledger-xlsx", () => LedgerAsync(contexts["jiwei"]));
        await Try("memory-per-circuit", () => MemoryPerCircuitAsync(contexts["jiwei"], "/"));
    }

    /// <summary>A page that does not become interactive within two minutes is written down as such, and the run goes on.</summary>
    private async Task Try(string what, Func<Task> measure)
    {
        try
        {
            await measure();
        }
        catch (TimeoutException)
        {
            var parts = what.Split(' ', 2);
            Write(parts[0], parts.Length > 1 ? parts[1] : "-", -1, "timeout");
        }
    }

    private async Task<IBrowserContext> NewContextAsync(IBrowser browser)
    {
        // The portal's Content-Security-Policy allows no eval, and Playwright's string predicates are evaluated as script.
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "zh-CN", BypassCSP = true });
        await context.AddInitScriptAsync(ReadyScript);
        return context;
    }

    private static async Task SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name='Input.UserName']", user);
        await page.FillAsync("input[name='Input.Password']", "Demo#2026");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    private async Task TimeToInteractiveAsync(IBrowserContext context, string user, string url)
    {
        var times = new List<double>();
        // The first open warms the server's caches and JIT; a user opens pages on a running server.
        for (var run = 0; run <= Runs; run++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
            await page.WaitForFunctionAsync("window.__hvReady !== undefined", null, new() { Timeout = 120_000, PollingInterval = 20 });
            var ready = await page.EvaluateAsync<double>("window.__hvReady");
            if (run > 0) times.Add(ready);
            await page.CloseAsync();
        }
        times.Sort();
        Write("tti", $"{user} {url}", times[times.Count / 2], "ms");
    }

    private async Task ClickToGridAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/visits");
        await page.WaitForFunctionAsync("window.__hvReady !== undefined", null, new() { Timeout = 120_000 });
        var times = new List<double>();
        var firstRow = page.Locator("[data-testid=visits-grid] [data-testid=visit-link]").First;
        for (var run = 0; run < Runs; run++)
        {
            var before = await firstRow.InnerTextAsync();
            var stopwatch = Stopwatch.StartNew();
            await page.Locator("[data-testid=visits-grid] .rz-pager-next").First.ClickAsync();
            await page.WaitForFunctionAsync(
                "before => { const a = document.querySelector('[data-testid=visits-grid] [data-testid=visit-link]'); return a && a.innerText !== before; }",
                before, new() { Timeout = 60_000, PollingInterval = 5 });
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Write("click-grid", "jiwei /visits next page", times[times.Count / 2], "ms");
        await page.CloseAsync();
    }

    private async Task LedgerAsync(IBrowserContext context)
    {
        var year = DateTime.UtcNow.AddHours(8).Year;
        ResetPeak();
        var before = Rss();
        var stopwatch = Stopwatch.StartNew();
        var response = await context.APIRequest.GetAsync($"/programmes/lianzheng/ledger.xlsx?year={year}", new() { Timeout = 300_000 });
        var body = await response.BodyAsync();
        stopwatch.Stop();
        if (!response.Ok) throw new InvalidOperationException($"ledger.xlsx answered {response.Status}");
        Write("ledger-xlsx", $"lianzheng {year} ({body.Length / 1024} KB)", stopwatch.Elapsed.TotalMilliseconds, "ms");
        if (before is { } b && Peak() is { } peak) Write("ledger-xlsx-memory", "peak resident growth", (peak - b) / 1024.0, "MB");
    }

    /// <summary>
    /// Resident memory the server grows by per open circuit: ten tabs on the same page, all interactive and kept
    /// open; an upper bound of what a circuit retains (it includes garbage not yet collected).
    /// </summary>
    private async Task MemoryPerCircuitAsync(IBrowserContext context, string url)
    {
        if (serverPid is null) return;
        const int tabs = 10;
        await Task.Delay(3000);
        var before = Rss();
        var pages = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            await page.WaitForFunctionAsync("window.__hvReady !== undefined", null, new() { Timeout = 120_000 });
            pages.Add(page);
        }
        await Task.Delay(3000);
        var after = Rss();
        if (before is { } b && after is { } a) Write("memory-per-circuit", url, (a - b) / (double)tabs, "KB");
        foreach (var page in pages) await page.CloseAsync();
    }

    private long? Rss() => Status("VmRSS:");

    private long? Peak() => Status("VmHWM:");

    private long? Status(string field)
    {
        if (serverPid is null) return null;
        var line = File.ReadLines($"/proc/{serverPid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private void ResetPeak()
    {
        // Writing 5 to clear_refs resets the process's peak resident size (VmHWM), so the peak is the export's.
        if (serverPid is not null) File.WriteAllText($"/proc/{serverPid}/clear_refs", "5");
    }

    private void Write(string metric, string subject, double value, string unit)
    {
        var m = new Measurement(label, metric, subject, Math.Round(value, 1), unit);
        Console.WriteLine($"{label,-8} {metric,-20} {subject,-45} {m.Value,10} {unit}");
        File.AppendAllText(resultsFile, JsonSerializer.Serialize(m) + "\n");
    }

    public static void Append(string resultsFile, Measurement m)
    {
        Console.WriteLine($"{m.Label,-8} {m.Metric,-20} {m.Subject,-45} {m.Value,10} {m.Unit}");
        File.AppendAllText(resultsFile, JsonSerializer.Serialize(m) + "\n");
    }
}
