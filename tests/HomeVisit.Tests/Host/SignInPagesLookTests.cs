using HomeVisit.Core.Demo;

namespace HomeVisit.Tests.Host;

/// <summary>
/// The sign-in and error pages are static forms (no circuit) and the person picker plain HTML: they use MudBlazor's
/// look like the rest of the portal, not Radzen's classes (issue 18), and the login form still signs in without a circuit.
/// </summary>
public sealed class SignInPagesLookTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // root: the page's own part, without the layout around it.
    private static void AssertMudOnly(AngleSharp.Html.Dom.IHtmlDocument page, string path, string root = "body")
    {
        var part = page.QuerySelector(root)!;
        var radzen = part.QuerySelectorAll("*").Where(e => e.ClassList.Any(c => c.StartsWith("rz-", StringComparison.Ordinal))).Select(e => $"{e.TagName}.{e.ClassName}").ToList();
        Assert.True(radzen.Count == 0, $"{path} still uses Radzen classes: {string.Join(", ", radzen.Take(5))}");
        Assert.NotNull(part.QuerySelector("[class*=mud-]"));
    }

    // Some of these answer 404 (an unknown address) or 500-like pages: the markup is what matters here.
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await PortalClient.ParseAsync(response);
    }

    [Fact]
    public async Task Sign_in_and_error_pages_and_the_person_picker_are_styled_with_mudblazor()
    {
        using var anonymous = portal.CreateBrowserLikeClient();
        foreach (var path in new[] { "/account/login", "/account/timeout", "/error", "/account/sso/problem" })
            AssertMudOnly(await PageAsync(anonymous, path), path);

        using var leader = portal.CreateBrowserLikeClient();
        await leader.SignInAsync(DemoAccounts.Leader);
        foreach (var path in new[] { "/account/denied", "/account/password" })
            AssertMudOnly(await PageAsync(leader, path), path);
        AssertMudOnly(await PageAsync(leader, "/no-such-page/8"), "/no-such-page/8", ".hv-body");

        var plan = await leader.GetDocumentAsync("/visits/new");
        var picker = plan.QuerySelector("[data-testid=plan-visitors-search], [data-testid=plan-targets-search]");
        Assert.NotNull(picker);
        Assert.DoesNotContain(picker.ClassList, c => c.StartsWith("rz-", StringComparison.Ordinal));
        Assert.Contains("hv-input", picker.ClassList);
    }
}
