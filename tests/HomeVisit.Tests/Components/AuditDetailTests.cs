using Bunit;
using HomeVisit.Portal.Admin;

namespace HomeVisit.Tests.Components;

/// <summary>The audit page's detail cell: a recorded change reads as a table, the stored JSON only behind an expander.</summary>
[Trait("Category", "Fast")]
public sealed class AuditDetailTests
{
    private static List<string[]> Rows(IRenderedComponent<AuditDetail> cut) =>
        cut.FindAll("[data-testid=audit-change]").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task An_update_shows_each_changed_field_with_its_chinese_name_before_and_after()
    {
        await using var ctx = new PortalBunitContext();
        const string json = """{"Phone":{"before":null,"after":"13800000000"},"Position":{"before":"副院长","after":"院长"},"PlannedStart":{"before":"2026-12-07T19:00:00","after":"2026-12-08T09:30:00"}}""";

        var cut = ctx.Render<AuditDetail>(p => p.Add(d => d.Detail, json).Add(d => d.Action, "update"));

        Assert.Equal(["字段", "修改前", "修改后"], cut.FindAll("[data-testid=audit-changes] th").Select(th => th.TextContent.Trim()));
        Assert.Equal(
            [["电话", "—", "13800000000"], ["职务", "副院长", "院长"], ["计划开始", "2026-12-07 19:00", "2026-12-08 09:30"]],
            Rows(cut));
        Assert.DoesNotContain("\"before\"", cut.Find("[data-testid=audit-changes]").TextContent);
        // The stored JSON is there only inside the expander, which starts closed.
        var raw = cut.Find("[data-testid=audit-raw-json]");
        Assert.Contains("\"before\"", raw.TextContent);
        var expander = raw.Closest(".mud-expand-panel");
        Assert.NotNull(expander);
        Assert.Contains("原始数据", expander.TextContent);
        Assert.DoesNotContain("mud-panel-expanded", expander.ClassName);
        Assert.Single(cut.FindAll(".hv-audit-detail"));
    }

    [Fact]
    public async Task A_new_row_shows_its_values_as_after_and_in_english_the_headings_are_english()
    {
        await using var ctx = new PortalBunitContext("en");
        var cut = ctx.Render<AuditDetail>(p => p.Add(d => d.Detail, """{"Name":"张三","LivesLocally":true}""").Add(d => d.Action, "create"));

        Assert.Equal(["Field", "Before", "After"], cut.FindAll("[data-testid=audit-changes] th").Select(th => th.TextContent.Trim()));
        Assert.Equal([["Name", "—", "张三"], ["Lives locally", "—", "Yes"]], Rows(cut));
    }

    [Fact]
    public async Task A_detail_that_is_not_a_change_is_shown_as_written()
    {
        await using var ctx = new PortalBunitContext();
        var cut = ctx.Render<AuditDetail>(p => p.Add(d => d.Detail, "打印 登记表").Add(d => d.Action, "read"));

        Assert.Empty(cut.FindAll("[data-testid=audit-changes]"));
        Assert.Equal("打印 登记表", cut.Find(".hv-audit-detail").TextContent);
    }

    [Fact]
    public async Task A_stored_role_code_in_a_reads_note_shows_the_audiences_name_with_the_stored_note_as_its_tooltip()
    {
        await using var ctx = new PortalBunitContext("en");
        const string stored = "重要问题线索（PartyCommittee+DisciplineOffice）";
        var cut = ctx.Render<AuditDetail>(p => p.Add(d => d.Detail, stored).Add(d => d.Action, "read"));

        var detail = cut.Find(".hv-audit-detail");
        Assert.Equal("Important lead (the Party committee and the discipline committee)", detail.TextContent);
        Assert.Equal(stored, detail.GetAttribute("title"));
    }
}
