using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Qinglian;

/// <summary>The 倡议书, 承诺书 and 通知书 texts: edited by admins, kept with their history, always rendered without live markup.</summary>
public sealed class TemplateTests : IDisposable
{
    private readonly QinglianWorld _w = new();

    public void Dispose() => _w.Dispose();

    private const string Proposal = QinglianProgramme.ProposalTemplate;

    /// <summary>No script elements, no event-handler attributes, no frames, and no link or image that runs script.</summary>
    private static void AssertInert(string html)
    {
        var doc = new HtmlParser().ParseDocument($"<body>{html}</body>");
        Assert.Empty(doc.QuerySelectorAll("script, iframe, object, embed, style, img[onerror]"));
        Assert.All(doc.QuerySelectorAll("*"), e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        foreach (var e in doc.QuerySelectorAll("[href], [src]"))
        {
            var url = e.GetAttribute("href") ?? e.GetAttribute("src") ?? "";
            Assert.True(MarkdownContent.IsSafeUrl(url), $"{e.TagName} leads to {url}");
        }
    }

    public static TheoryData<string> BadMarkdown => new()
    {
        "<script>alert('x')</script>",
        "<div onclick=\"alert(1)\">未闭合的 <b>标签 <i>",
        "<img src=x onerror=alert(1)>",
        "[点我](javascript:alert(1)) [点我](JAVASCRIPT:alert(1)) [点我]( javascript:alert(1) ) [点我](jav&#x61;script:alert(1))",
        "<javascript:alert(1)>",
        "[引用]\n\n[引用]: javascript:alert(1)",
        "![图](javascript:alert(1)) ![图](data:image/svg+xml;base64,PHN2Zz4=)",
        "# 标题 {onclick=alert(1)}\n\n*强调*{onmouseover=alert(1)}\n\n::: {onclick=alert(1)}\n容器\n:::",
        "```{onclick=alert(1)}\ncode\n```",
        "![视频](https://www.youtube.com/watch?v=abc)",
        "<iframe src=\"https://evil.example/\"></iframe><style>body{display:none}</style>",
        "{{单位名称}}<script>{{日期}}</script>",
        "> > > > > > > > > > 引用\n\n- - - - - 列表\n\n| a | b |\n|---|---|\n| <script> | [x](javascript:1) |",
    };

    [Fact]
    public async Task Absurdly_nested_markdown_is_refused_with_a_clear_message_and_never_breaks_a_page()
    {
        var nested = "倡议书" + new string('[', 3000) + new string('*', 3000) + "<script>alert(1)</script>";

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Templates.SaveAsync(_w.S.Admin, Proposal, nested, null, null));
        var html = ContentTemplateService.Render(nested, new Dictionary<string, string?>());

        Assert.Equal("模板内容嵌套过深（如大量连续的 [、> 或 * 符号），无法排版，请简化后再保存。", error.Errors["Markdown"]);
        AssertInert(html);
        Assert.Contains("倡议书[[[", new HtmlParser().ParseDocument(html).Body!.TextContent);
    }

    [Theory]
    [MemberData(nameof(BadMarkdown))]
    public async Task Bad_markdown_is_saved_and_renders_without_live_markup(string markdown)
    {
        await _w.Templates.SaveAsync(_w.S.Admin, Proposal, markdown, null, "测试");

        var text = await _w.Templates.GetAsync(_w.S.InstitutionA, Proposal);
        var printed = await _w.Print.ProposalAsync(_w.S.Leader1);

        Assert.Equal(markdown, text.Markdown);
        AssertInert(ContentTemplateService.Render(text.Markdown, new Dictionary<string, string?>()));
        AssertInert(printed.Html);
        Assert.False(printed.IsDefault);
    }

    [Fact]
    public async Task Text_over_20000_characters_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var huge = "清廉" + new string('家', ContentTemplateService.MaxLength);

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Templates.SaveAsync(_w.S.Admin, Proposal, huge, null, null));

        Assert.Equal("模板内容过长（20002 个字符），不能超过 20000 个字符。", error.Errors["Markdown"]);
        Assert.Equal(0, await _w.S.ReadAsync(db => db.ContentTemplateRevisions.CountAsync()));
        // Exactly at the limit is fine.
        await _w.Templates.SaveAsync(_w.S.Admin, Proposal, new string('廉', ContentTemplateService.MaxLength), null, null);
    }

    [Fact]
    public async Task Empty_text_and_unknown_placeholders_are_refused()
    {
        var empty = await Assert.ThrowsAsync<PortalValidationException>(() => _w.Templates.SaveAsync(_w.S.Admin, Proposal, "  \n ", null, null));
        var unknown = await Assert.ThrowsAsync<PortalValidationException>(() =>
            _w.Templates.SaveAsync(_w.S.Admin, Proposal, "致{{单位名称}}：{{家访对象}} {{ 身份证号 }}", null, null));

        Assert.Equal("模板内容不能为空。", empty.Errors["Markdown"]);
        Assert.Equal("模板中有无法识别的占位符：{{家访对象}}、{{身份证号}}。可用的占位符：{{单位名称}}、{{日期}}。", unknown.Errors["Markdown"]);
    }

    [Fact]
    public async Task Only_system_and_programme_admins_may_edit_and_see_the_history()
    {
        foreach (var user in new[] { _w.S.Leader1, _w.S.Jiwei, _w.S.Zuzhi, _w.S.Staff1 })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Templates.SaveAsync(user, Proposal, "# 倡议书", null, null));
            await Assert.ThrowsAsync<AccessDeniedException>(() => _w.Templates.HistoryAsync(user, Proposal));
        }
        Assert.Equal(0, await _w.S.ReadAsync(db => db.ContentTemplateRevisions.CountAsync()));
    }

    [Fact]
    public async Task Edits_are_kept_per_institution_with_who_and_when_and_the_shipped_file_stays()
    {
        var shipped = _w.Templates.DefaultMarkdown(Proposal);
        var first = await _w.Templates.SaveAsync(_w.S.Admin, Proposal, "# 倡议书\n\n第一版", null, "初稿");
        _w.S.Clock.Advance(TimeSpan.FromHours(2));
        var second = await _w.Templates.SaveAsync(_w.S.Admin, Proposal, "# 倡议书\n\n第二版", first, null);

        var history = await _w.Templates.HistoryAsync(_w.S.Admin, Proposal);
        var current = await _w.Templates.GetAsync(_w.S.InstitutionA, Proposal);
        var otherInstitution = await _w.Templates.GetAsync(_w.S.InstitutionB, Proposal);

        Assert.Equal([second, first], history.Select(h => h.Id));
        Assert.All(history, h => Assert.Equal("admin", h.SavedBy));
        Assert.Equal("初稿", history[1].Note);
        Assert.Equal(history[1].SavedAt.AddHours(2), history[0].SavedAt);
        Assert.Equal(second, current.RevisionId);
        Assert.Contains("第二版", current.Markdown);
        Assert.True(otherInstitution.IsDefault);
        Assert.Equal(shipped, otherInstitution.Markdown);
        Assert.Equal(shipped, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wwwroot-content", "templates", Proposal + ".md")));
        Assert.Contains("第一版", await _w.Templates.GetRevisionAsync(_w.S.Admin, Proposal, first));
        Assert.True(await _w.S.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ContentTemplateRevision) && a.Action == "create")));
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_version_is_refused()
    {
        var first = await _w.Templates.SaveAsync(_w.S.Admin, Proposal, "# 第一版", null, null);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _w.Templates.SaveAsync(_w.S.Admin, Proposal, "# 晚到的一版", null, null));
        await _w.Templates.SaveAsync(_w.S.Admin, Proposal, "# 第二版", first, null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _w.Templates.SaveAsync(_w.S.Admin, Proposal, "# 又一版", first, null));
    }

    [Fact]
    public async Task The_shipped_texts_are_the_seeds_and_render_with_every_placeholder_filled()
    {
        var proposal = await _w.Print.ProposalAsync(_w.S.Leader1);
        var pledge = await _w.Print.CommitmentAsync(_w.S.Leader1, _w.S.StaffOneSpouse.Id);

        var proposalText = new HtmlParser().ParseDocument(proposal.Html).Body!.TextContent;
        var pledgeDoc = new HtmlParser().ParseDocument(pledge.Html);
        Assert.Contains("“国无廉不安，家无廉不宁”", proposalText);
        Assert.Contains("甲示范学院的干部、职工家庭", proposalText);
        Assert.Contains("2026年11月20日", proposalText);
        Assert.Equal("一是要争当“廉参谋”，常吹家庭廉政风", new HtmlParser().ParseDocument(proposal.Html).QuerySelector("strong")!.TextContent);
        Assert.Equal("家庭助廉承诺书", pledge.Title);
        Assert.Contains("不插手配偶工作，不干涉配偶正确行使权力", pledgeDoc.Body!.TextContent);
        Assert.Equal(6, pledgeDoc.QuerySelectorAll("ol > li").Length);
        var cells = pledgeDoc.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Contains("张妻", cells);
        Assert.Contains("配偶", cells);
        Assert.Contains("张老师", cells);
        Assert.DoesNotContain("{{", proposal.Html + pledge.Html);
    }

    [Fact]
    public async Task The_registration_form_prints_the_household_and_its_latest_visit_for_the_family_to_fill_in()
    {
        await _w.PlanAsync(new DateTime(2026, 11, 27, 19, 0, 0));

        var form = await _w.Print.RegistrationAsync(_w.S.Leader1, _w.StaffOne);

        // Issue 16 item 8, seed 3 三、3 “动员单位干部职工家属填写《家访情况登记表》”.
        Assert.Equal("家访情况登记表", form.Title);
        var cells = new HtmlParser().ParseDocument(form.Html).QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Contains("张老师", cells);
        Assert.Contains("南宁市江南区星光大道88号", cells);
        Assert.Contains("配偶 张妻；子女 张小明；父母 张父", cells);
        Assert.Contains("2026年11月27日（星期五）19:00—20:30", cells);
        Assert.Contains("李院长", cells);
        Assert.Contains("家属的意见建议", cells);
        Assert.DoesNotContain("{{", form.Html);
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Print.RegistrationAsync(_w.S.Leader2, _w.StaffOne));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Print.RegistrationAsync(_w.S.Staff1, _w.StaffOne));
    }

    [Fact]
    public async Task The_default_texts_speak_of_the_institution_configured_and_name_no_county()
    {
        var proposal = new HtmlParser().ParseDocument((await _w.Print.ProposalAsync(_w.S.Leader1)).Html).Body!.TextContent;
        var pledge = new HtmlParser().ParseDocument((await _w.Print.CommitmentAsync(_w.S.Leader1, _w.S.StaffOneSpouse.Id)).Html).Body!.TextContent;

        // Issue 16 item 8: the seed's 承诺书 said “助力清廉新邵建设”, the county it came from.
        Assert.Contains("助力清廉甲示范学院建设", pledge);
        Assert.DoesNotContain("新邵", proposal + pledge);
        Assert.DoesNotContain("县", proposal + pledge);
    }

    [Fact]
    public async Task A_printed_pledge_uses_the_edited_text_and_a_recorded_commitment_notes_which_version_was_signed()
    {
        var revision = await _w.Templates.SaveAsync(_w.S.Admin, QinglianProgramme.CommitmentTemplate,
            "# 家庭助廉承诺书（{{单位名称}}）\n\n本人 **{{承诺人}}**，系{{干部姓名}}的{{与干部关系}}，郑重承诺：守好家门。", null, "精简");

        var pledge = await _w.Print.CommitmentAsync(_w.S.Leader1, _w.S.StaffOneSpouse.Id);
        var id = await _w.CommitmentAsync();
        var recorded = await _w.S.ReadAsync(db => db.Commitments.SingleAsync(c => c.Id == id));

        Assert.Contains("本人 <strong>张妻</strong>，系张老师的配偶，郑重承诺", pledge.Html);
        Assert.Equal(revision, recorded.TemplateRevisionId);
        Assert.Equal((await _w.Templates.GetAsync(_w.S.InstitutionA, QinglianProgramme.CommitmentTemplate)).Hash, recorded.TemplateHash);
        Assert.Equal(64, recorded.TemplateHash.Length);
    }

    [Fact]
    public async Task Only_those_responsible_for_the_household_may_print_a_pledge_made_out_to_its_family()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Print.CommitmentAsync(_w.S.Leader2, _w.S.StaffOneSpouse.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Print.CommitmentAsync(_w.S.Staff1, _w.S.StaffOneSpouse.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => _w.Print.CommitmentAsync(_w.S.LeaderB, _w.S.StaffOneSpouse.Id));
        Assert.Contains("张妻", (await _w.Print.CommitmentAsync(_w.S.Admin, _w.S.StaffOneSpouse.Id)).Html);
    }

    [Fact]
    public void Placeholder_values_are_text_even_when_they_look_like_markup_or_markdown()
    {
        var html = ContentTemplateService.Render("# {{单位名称}}\n\n致 **{{承诺人}}**：[链接]({{日期}})",
            new Dictionary<string, string?>
            {
                ["单位名称"] = "<script>alert(1)</script>",
                ["承诺人"] = "**粗**[x](javascript:alert(1))",
                ["日期"] = "javascript:alert(2)",
            });

        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("<script>alert(1)</script>", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("**粗**[x](javascript:alert(1))", doc.QuerySelector("strong")!.TextContent);
        // A placeholder never becomes a link's target, whatever its value.
        Assert.Equal("#", Assert.Single(doc.QuerySelectorAll("a")).GetAttribute("href"));
        AssertInert(html);
    }
}
