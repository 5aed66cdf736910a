using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Host;

/// <summary>
/// The language switch (/culture) turns the portal English: core pages with the core's words, a module's pages with its
/// own, and a core page showing a module's record form with the module's words (decision 0011).
/// </summary>
public sealed class EnglishPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task After_switching_to_english_core_and_module_pages_speak_english_and_switching_back_restores_chinese()
    {
        int visitId;
        await using (var db = portal.OpenDatabase())
            visitId = await db.Visits.Where(v => v.ProgrammeKey == "ganbu" && v.Status == VisitStatus.Done).Select(v => v.Id).FirstAsync();
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);

        using (var switched = await client.GetAsync("/culture?c=en&redirectUri=%2Fprogrammes%2Fganbu"))
            Assert.Equal("/programmes/ganbu", switched.RedirectPath());

        var ganbu = await client.GetDocumentAsync("/programmes/ganbu");
        Assert.Equal("Cadre home visits", ganbu.QuerySelector("[data-testid=programme-name]")?.TextContent.Trim());
        var menu = ganbu.QuerySelectorAll("nav a, .mud-nav-link-text").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Visits", menu);
        var links = ganbu.QuerySelectorAll("[data-testid=ganbu-link]").Select(b => b.TextContent).ToList();
        Assert.Contains(links, l => l.Contains("My requests", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("File a request", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.Contains("我的诉求", StringComparison.Ordinal));

        // The visit page is the core's; the record form on it is 干部家访's, in 干部家访's words.
        var visit = await client.GetDocumentAsync($"/visits/{visitId}");
        var labels = visit.QuerySelectorAll("dt").Select(d => d.TextContent.Trim()).ToList();
        Assert.Contains("Opinions sought", labels);
        Assert.Contains("Ways", labels);
        Assert.DoesNotContain("征求的意见建议", labels);

        using (var back = await client.GetAsync("/culture?c=zh-CN&redirectUri=%2F")) Assert.Equal("/", back.RedirectPath());
        var chinese = await client.GetDocumentAsync($"/visits/{visitId}");
        Assert.Contains("征求的意见建议", chinese.QuerySelectorAll("dt").Select(d => d.TextContent.Trim()));
    }

    [Fact]
    public async Task The_help_pages_speak_english_in_the_english_ui_and_keep_the_secret_programme_from_outsiders()
    {
        using var admin = portal.CreateBrowserLikeClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        using (await admin.GetAsync("/culture?c=en&redirectUri=%2F")) { }
        using var jiwei = portal.CreateBrowserLikeClient();
        await jiwei.SignInAsync(DemoAccounts.DisciplineOffice);
        using (await jiwei.GetAsync("/culture?c=en&redirectUri=%2F")) { }

        var help = await admin.GetDocumentAsync("/help");
        Assert.Equal(["Getting started", "Programmes", "Data security"],
            help.QuerySelectorAll("[data-testid=help-pages] .mud-nav-link-text").Select(a => a.TextContent.Trim()));
        Assert.Equal("Getting started", help.QuerySelector("article h1")?.TextContent.Trim());
        foreach (var path in new[] { "/help/01-kuaisu-rumen", "/help/02-jiafang-xiangmu", "/help/03-shuju-anquan" })
        {
            var text = (await admin.GetDocumentAsync(path)).QuerySelector("article")!.TextContent;
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", text);
            Assert.DoesNotContain("Revisits of disciplined persons", text);
        }
        Assert.Contains("Leaders linked to teachers and students", (await admin.GetDocumentAsync("/help/02-jiafang-xiangmu")).QuerySelector("article")!.TextContent);
        Assert.Contains("Revisits of disciplined persons", (await jiwei.GetDocumentAsync("/help/02-jiafang-xiangmu")).QuerySelector("article")!.TextContent);
    }

    [Theory]
    [InlineData("lianzheng")]
    [InlineData("ganbu")]
    [InlineData("qinglian")]
    [InlineData("lianxi")]
    public async Task A_programmes_current_period_is_named_in_english_on_its_page(string key)
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);
        using (await client.GetAsync("/culture?c=en&redirectUri=%2F")) { }

        var period = (await client.GetDocumentAsync($"/programmes/{key}")).QuerySelector("[data-testid=programme-period]")?.TextContent.Trim();

        Assert.NotNull(period);
        Assert.Contains("(current: ", period);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}|（", period);
    }

    [Fact]
    public async Task Printed_official_forms_stay_chinese_when_the_user_reads_english()
    {
        int ganbu, lianzheng;
        await using (var db = portal.OpenDatabase())
        {
            ganbu = await db.Visits.Where(v => v.ProgrammeKey == "ganbu" && v.Status == VisitStatus.Done && v.Form == VisitForm.HomeVisit).Select(v => v.Id).FirstAsync();
            lianzheng = await db.Visits.Where(v => v.ProgrammeKey == "lianzheng" && v.Status == VisitStatus.Done && v.Targets.Any()).Select(v => v.Id).FirstAsync();
        }
        using var zuzhi = portal.CreateBrowserLikeClient();
        await zuzhi.SignInAsync(DemoAccounts.OrganisationDept);
        using (await zuzhi.GetAsync("/culture?c=en&redirectUri=%2F")) { }
        using var jiwei = portal.CreateBrowserLikeClient();
        await jiwei.SignInAsync(DemoAccounts.DisciplineOffice);
        using (await jiwei.GetAsync("/culture?c=en&redirectUri=%2F")) { }

        var ganbuPage = await zuzhi.GetDocumentAsync($"/programmes/ganbu/visits/{ganbu}/record-form");
        var ganbuForm = ganbuPage.QuerySelector("[data-testid=record-form]");
        var lianzhengForm = (await jiwei.GetDocumentAsync($"/programmes/lianzheng/visits/{lianzheng}/record")).QuerySelector("[data-testid=lz-record-form]");

        // The page around the form is English; the form itself is the annexed Chinese one.
        Assert.Contains("Print", ganbuPage.QuerySelector("[data-testid=record-form-print]")?.TextContent);

        Assert.NotNull(ganbuForm);
        Assert.Contains("领导干部家访记录单", ganbuForm.TextContent);
        Assert.Equal(["家访对象姓名", "职务", "家庭住址", "配偶姓名", "工作单位及职务", "家访情况记录", "家访问题解决情况", "家访领导姓名", "家访领导职务"],
            ganbuForm.QuerySelectorAll("th").Select(th => th.TextContent.Trim()));
        Assert.Contains("填表说明", ganbuForm.TextContent);
        Assert.NotNull(lianzhengForm);
        Assert.Contains("领导干部廉政家访记录单", lianzhengForm.TextContent);
        Assert.DoesNotContain("Signed", lianzhengForm.TextContent);
    }
    [Fact]
    public async Task The_programme_settings_page_says_at_least_once_for_a_minimum_of_one_in_english()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Admin);
        using (await client.GetAsync("/culture?c=en&redirectUri=%2F")) { }

        // 清廉家访's 单位班子成员 quota asks for one visit a half-year (seed 3 二、2).
        var settings = await client.GetDocumentAsync("/programmes/qinglian/settings");
        var quotas = settings.QuerySelectorAll("[data-testid=rules-summary-quota]").Select(q => q.TextContent.Trim()).ToList();
        Assert.Contains(quotas, q => q.StartsWith("Members of the unit's leadership: at least once per period", StringComparison.Ordinal));
        Assert.DoesNotContain(quotas, q => q.Contains("at least 1 ", StringComparison.Ordinal));
    }
}
