using System.Text.RegularExpressions;
using HomeVisit.Core.Demo;

namespace HomeVisit.Tests.Host;

/// <summary>
/// What a careful user tripped over, on the pages as the server renders them: Chinese punctuation between English
/// words on the organisation page, a Chinese year in the English assessment title, 干部家访 pages without a heading.
/// </summary>
public sealed partial class CarefulUserPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_organisation_tree_joins_leaders_with_english_punctuation_in_english_and_chinese_in_chinese()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);

        var chinese = (await client.GetDocumentAsync("/org")).QuerySelectorAll("[data-testid=org-node-leaders]").Select(e => e.TextContent.Trim()).ToList();
        using (await client.GetAsync("/culture?c=en&redirectUri=%2F")) { }
        var english = (await client.GetDocumentAsync("/org")).QuerySelectorAll("[data-testid=org-node-leaders]").Select(e => e.TextContent.Trim()).ToList();

        Assert.NotEmpty(chinese);
        Assert.All(chinese, l => Assert.Contains("：", l));
        Assert.Equal(chinese.Count, english.Count);
        Assert.All(english, l => Assert.DoesNotMatch(ChinesePunctuation(), l));
        Assert.All(english, l => Assert.Contains(": ", l));
    }

    [Fact]
    public async Task The_integrity_visit_assessment_title_names_the_year_in_english_without_chinese()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.DisciplineOffice);
        var chinese = (await client.GetDocumentAsync("/programmes/lianzheng/assessment")).QuerySelector("[data-testid=lz-assessment-title]")?.TextContent.Trim();
        using (await client.GetAsync("/culture?c=en&redirectUri=%2F")) { }
        var english = (await client.GetDocumentAsync("/programmes/lianzheng/assessment")).QuerySelector("[data-testid=lz-assessment-title]")?.TextContent.Trim();

        Assert.Matches(@"^(\d{4})年度廉政家访完成情况（党风廉政建设考核）$", chinese);
        Assert.NotNull(english);
        Assert.Contains(chinese![..4], english);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english);
    }

    [Theory]
    [InlineData("/programmes/ganbu/ledger", "领导干部家访台账")]
    [InlineData("/programmes/ganbu/summary", "季度汇总")]
    public async Task The_cadre_visit_ledger_and_summary_have_one_heading_on_screen_like_every_page(string path, string heading)
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.OrganisationDept);

        var page = await client.GetDocumentAsync(path);

        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(heading, h1.TextContent.Trim());
    }

    [GeneratedRegex("[、，：；（）]")]
    private static partial Regex ChinesePunctuation();
}
