using HomeVisit.Core.Demo;
using HomeVisit.Tests.Host;

namespace HomeVisit.Tests.Performance;

/// <summary>Server-rendered pages carry Chinese as UTF-8 text, not as an HTML entity per character.</summary>
public sealed class ChineseTextEncodingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_start_page_is_sent_with_its_chinese_text_unescaped()
    {
        using var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Leader);

        var html = await client.GetStringAsync("/visits");

        Assert.Contains("家访记录", html);
        Assert.DoesNotContain("&#x5BB6;", html, StringComparison.OrdinalIgnoreCase); // 家
    }
}
