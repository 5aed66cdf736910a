using AngleSharp.Html.Parser;
using HomeVisit.Core.Content;

namespace HomeVisit.Tests.Content;

public sealed class MarkdownContentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hv-content-").FullName;

    [Fact]
    public void Raw_html_and_script_links_in_markdown_never_become_live_markup()
    {
        var html = MarkdownContent.Render("""
            # 倡议书
            <script>alert('x')</script>
            <img src=x onerror="alert(1)">
            [点我](javascript:alert(1)) [也点我](JaVaScRiPt:alert(2)) [数据](data:text/html;base64,PHNjcmlwdD4=)
            [学校主页](https://www.example.edu.cn/) [相对链接](/help/01-kuaisu-rumen)
            """);

        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("img"));
        Assert.All(doc.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        var hrefs = doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#", "#", "#", "https://www.example.edu.cn/", "/help/01-kuaisu-rumen"], hrefs);
        // The text the author wrote is still shown, escaped.
        Assert.Contains("<script>alert('x')</script>", doc.Body!.TextContent);
        Assert.Equal("倡议书", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Pages_are_listed_in_file_order_and_titled_by_their_first_heading()
    {
        Directory.CreateDirectory(Path.Combine(_root, "help"));
        File.WriteAllText(Path.Combine(_root, "help", "02-b.md"), "# 第二页\n正文");
        File.WriteAllText(Path.Combine(_root, "help", "01-a.md"), "前言\n\n# 第一页\n| 列 | 值 |\n| --- | --- |\n| a | 1 |");
        var content = new MarkdownContent(_root);

        var pages = content.List("help");

        Assert.Equal(["01-a", "02-b"], pages.Select(p => p.Slug));
        Assert.Equal(["第一页", "第二页"], pages.Select(p => p.Title));
        Assert.Contains("<table>", pages[0].Html);
    }

    [Fact]
    public void A_page_is_read_in_english_where_it_is_translated_and_in_chinese_where_not()
    {
        Directory.CreateDirectory(Path.Combine(_root, "help"));
        File.WriteAllText(Path.Combine(_root, "help", "01-a.md"), "# 第一页");
        File.WriteAllText(Path.Combine(_root, "help", "01-a.en.md"), "# First page");
        File.WriteAllText(Path.Combine(_root, "help", "02-b.md"), "# 第二页");
        var content = new MarkdownContent(_root);

        Assert.Equal(["第一页", "第二页"], content.List("help", [], null).Select(p => p.Title));
        Assert.Equal(["First page", "第二页"], content.List("help", [], "en").Select(p => p.Title));
        Assert.Equal(["01-a", "02-b"], content.List("help").Select(p => p.Slug));
        Assert.Null(content.Load("help", "01-a.en"));
        Assert.Equal("第一页", content.Load("help", "01-a", [], "../x")?.Title);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("A")]
    [InlineData("x.md")]
    public void A_slug_cannot_reach_files_outside_the_content_folder(string slug)
    {
        Directory.CreateDirectory(Path.Combine(_root, "help"));
        File.WriteAllText(Path.Combine(_root, "secret.md"), "# 机密");
        Assert.Null(new MarkdownContent(_root).Load("help", slug));
    }

    [Fact]
    public void The_shipped_help_pages_render()
    {
        var content = new MarkdownContent(Path.Combine(AppContext.BaseDirectory, "wwwroot-content"));
        var pages = content.List("help");
        Assert.Contains(pages, p => p.Title == "快速入门");
        Assert.All(pages, p => Assert.DoesNotContain("<script", p.Html, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
