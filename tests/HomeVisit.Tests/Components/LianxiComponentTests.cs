using Bunit;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Tests.Lianxi;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>
/// 联系师生's own components on a real SQLite database (LianxiWorld: today is 2026-11-20, in the autumn semester
/// 2026-09-01 – 2027-02-19): the semester picker and the form that forwards a problem to a department.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LianxiComponentTests
{
    [Fact]
    public async Task The_semester_picker_moves_a_day_to_its_semesters_start_and_offers_the_semesters_before_it()
    {
        using var w = new LianxiWorld();
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(w.Progress);
        var popovers = ctx.Render<MudBlazor.MudPopoverProvider>();
        var days = new List<DateOnly>();
        var picker = ctx.Render<SemesterPicker>(p => p
            .Add(x => x.User, w.S.Leader1)
            .Add(x => x.Day, new DateOnly(2026, 11, 20))
            .Add(x => x.DayChanged, d => days.Add(d)));

        picker.WaitForAssertion(() => Assert.Equal([new DateOnly(2026, 9, 1)], days));
        // The page passes the start back; the box then names the semester.
        picker.Render(p => p.Add(x => x.Day, new DateOnly(2026, 9, 1)));
        Assert.Equal("2026-2027学年第一学期", picker.Find("input[data-testid=lx-semester]").GetAttribute("value"));

        await picker.Find(".mud-select .mud-input-control").MouseDownAsync(new());
        popovers.WaitForAssertion(() => Assert.Equal(6, popovers.FindAll(".mud-popover-open .mud-list-item").Count));
        var items = popovers.FindAll(".mud-popover-open .mud-list-item");
        Assert.Equal("2025-2026学年第二学期", items[1].TextContent.Trim());
        await items[1].ClickAsync(new());
        picker.WaitForAssertion(() => Assert.Equal(new DateOnly(2026, 2, 20), days.Last()));
    }

    [Fact]
    public async Task A_forwarded_problem_without_raiser_or_department_is_told_beside_those_fields_and_what_was_typed_stays()
    {
        using var w = new LianxiWorld();
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(w.Feedback).AddSingleton(w.S.People);
        ctx.RenderProviders();
        var units = (await w.S.Org.GetOptionsAsync(w.S.Leader1)).Where(u => u.Kind != HomeVisit.Core.Institutions.OrgUnitKind.PartyBranch).ToList();
        var raised = 0;
        var form = ctx.Render<FeedbackRaiseForm>(p => p
            .Add(x => x.User, w.S.Leader1).Add(x => x.Units, units).Add(x => x.OnRaised, () => raised++));

        form.Find("input[data-testid=fb-summary]").Change("实训设备老化");
        form.Find("textarea[data-testid=fb-details]").Change("多台设备无法开机。");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("请填写反映问题的师生。", Error(form, "fb-raiser-name")));
        Assert.Equal("请选择转交的责任部门。", Error(form, "fb-unit"));
        Assert.Empty(form.FindAll(".mud-input-control:has([data-testid=fb-summary]) .mud-input-error"));
        Assert.Equal("实训设备老化", form.Find("input[data-testid=fb-summary]").GetAttribute("value"));
        Assert.Equal("多台设备无法开机。", form.Find("textarea[data-testid=fb-details]").TextContent);
        Assert.Equal(0, raised);

        // Typing the raiser's name takes its message away; the department's stays until one is chosen.
        form.Find("input[data-testid=fb-raiser-name]").Change("学生党员代表");
        form.WaitForAssertion(() => Assert.Empty(form.FindAll(".mud-input-control:has([data-testid=fb-raiser-name]) .mud-input-error")));
        Assert.Equal("请选择转交的责任部门。", Error(form, "fb-unit"));
    }

    [Fact]
    public async Task A_problem_from_someone_elses_activity_is_refused_with_the_reason_shown()
    {
        using var w = new LianxiWorld();
        var visit = await w.ActivityAsync(LianxiForms.BranchActivity, LianxiWorld.At(11, 2), branch: w.S.BranchJia);
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(w.Feedback).AddSingleton(w.S.People);
        ctx.RenderProviders();
        var form = ctx.Render<FeedbackRaiseForm>(p => p
            .Add(x => x.User, w.S.Leader2).Add(x => x.Units, []).Add(x => x.VisitId, visit));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("只能从本人参加的联系师生活动转交问题。", form.Find("[data-testid=error-VisitId]").TextContent));
    }

    private static string Error(IRenderedComponent<FeedbackRaiseForm> form, string testId) =>
        form.Find($".mud-input-control:has([data-testid={testId}]) .mud-input-helper-text.mud-input-error").TextContent.Trim();
}
