using System.Globalization;
using HomeVisit.Portal.Localization;

namespace HomeVisit.Tests.Rendering;

public sealed class TextsTests
{
    [Theory]
    [InlineData("家访记录", "Visits")]                 // common
    [InlineData("我的家访日程", "My visit calendar")]  // calendar feature
    [InlineData("统计分析", "Dashboard")]              // dashboard feature
    [InlineData("账号管理", "Accounts")]               // admin feature
    public void Every_features_english_is_found_when_the_user_chose_english(string zh, string en)
    {
        var texts = new Texts();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal(en, texts[zh]);
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal(zh, texts[zh]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
