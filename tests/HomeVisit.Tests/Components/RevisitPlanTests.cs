using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.People;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Tests.Huifang;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>
/// The revisit plan of 受处分人员回访关爱 on MudBlazor, with the programme's real services on a real SQLite file: the team of
/// two or more (seed 5 第八条（二）) and its recorder.
/// </summary>
[Trait("Category", "Fast")]
public sealed class RevisitPlanTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    public void Dispose() => _w.Dispose();

    private PortalBunitContext Context()
    {
        var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(_w.Catalog);
        ctx.Services.AddSingleton(_w.S.People);
        ctx.Services.AddSingleton(_w.S.Rules);
        ctx.Services.AddSingleton(_w.Sanctions);
        ctx.Services.AddSingleton(_w.Revisits);
        ctx.RenderProviders();
        return ctx;
    }

    [Fact]
    public async Task The_team_says_how_many_are_missing_and_keeps_the_recorder_one_of_the_team()
    {
        await using var ctx = Context();
        var me = await _w.S.People.GetPicksAsync(_w.Anguan, [_w.CasePerson.Id]);
        var plan = new RevisitPlanEdit { VisitorIds = [_w.CasePerson.Id], RecorderId = _w.CasePerson.Id };
        var team = ctx.Render<CascadingValue<EditContext>>(p => p.Add(c => c.Value, new EditContext(plan))
            .AddChildContent<RevisitTeam>(t => t.Add(x => x.User, _w.Anguan).Add(x => x.Model, plan).Add(x => x.Initial, me).Add(x => x.MinTeamSize, 2)));

        Assert.Contains("还需添加 1 人", team.Find("[data-testid=revisit-team-hint]").TextContent);
        Assert.Equal(_w.CasePerson.Name, team.Find("input[data-testid=revisit-recorder]").GetAttribute("value"));

        await AddToTeamAsync(team, _w.SecondDisciplinePerson);
        Assert.Empty(team.FindAll("[data-testid=revisit-team-hint]"));
        Assert.Equal([_w.CasePerson.Id, _w.SecondDisciplinePerson.Id], plan.VisitorIds);
        Assert.Equal(_w.CasePerson.Id, plan.RecorderId);

        // The recorder leaves the team: the one left records, and the team is short again.
        await team.Find($"[data-testid=revisit-team-selected][data-person-id='{_w.CasePerson.Id}'] [data-testid=revisit-team-remove]").ClickAsync(new());
        Assert.Equal([_w.SecondDisciplinePerson.Id], plan.VisitorIds);
        Assert.Equal(_w.SecondDisciplinePerson.Id, plan.RecorderId);
        Assert.Equal(_w.SecondDisciplinePerson.Name, team.Find("input[data-testid=revisit-recorder]").GetAttribute("value"));
        Assert.Contains("还需添加 1 人", team.Find("[data-testid=revisit-team-hint]").TextContent);
    }

    [Fact]
    public async Task A_plan_by_one_person_is_refused_beside_the_team_keeping_the_notes_and_goes_through_with_two()
    {
        var record = await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3));
        await using var ctx = Context();
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("record", record));
        var page = ctx.Render<CascadingValue<PortalUser>>(p => p.Add(c => c.Value, _w.Anguan).AddChildContent<RevisitPlanPage>());
        page.WaitForElement("[data-testid=revisit-plan-form]");

        page.Find("input[data-testid=revisit-start]").Change(_w.S.Clock.Today.AddDays(2).ToString("yyyy-MM-dd"));
        page.Find("[data-testid=revisit-person-notes]").Change("性格内向，受处分后工作态度端正。");
        page.Find("[data-testid=revisit-case-notes]").Change("党内警告，影响期一年。");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("2 名以上", page.Find("[data-testid=error-VisitorIds]").TextContent));
        var notes = page.Find("[data-testid=revisit-person-notes]");
        Assert.Equal("性格内向，受处分后工作态度端正。", notes.GetAttribute("value") ?? notes.TextContent.Trim());
        Assert.Empty(await RevisitsAsync(record));

        await AddToTeamAsync(page, _w.SecondDisciplinePerson);
        Assert.Empty(page.Find("[data-testid=error-VisitorIds]").TextContent.Trim());
        await page.Find("form").SubmitAsync();

        var saved = Assert.Single(await RevisitsAsync(record));
        page.WaitForAssertion(() => Assert.EndsWith($"/programmes/huifang/revisits/{saved.VisitId}", nav.Uri));
        Assert.Equal([_w.CasePerson.Id, _w.SecondDisciplinePerson.Id], saved.Team.Order());
        Assert.Equal(_w.S.Clock.Today.AddDays(2).AddHours(9), saved.PlannedStart);
    }

    [Fact]
    public async Task The_revisit_notes_form_is_refused_beside_the_field_keeping_what_was_typed_then_saves_and_reloads()
    {
        var record = await _w.WarningAsync(_w.S.StaffOne, DateOnly.FromDateTime(_w.S.Clock.Today).AddMonths(-3));
        var visitId = await _w.Revisits.PlanAsync(_w.Anguan, _w.Plan(record));
        var detail = await _w.Revisits.GetAsync(_w.Anguan, visitId);
        await using var ctx = Context();
        var saved = 0;
        var form = ctx.Render<RevisitNotesForm>(p => p
            .Add(x => x.User, _w.Anguan).Add(x => x.VisitId, visitId).Add(x => x.Detail, detail).Add(x => x.OnSaved, () => saved++));
        Assert.Equal("性格内向，受处分后工作态度端正。", form.Find("[data-testid=notes-person]").TextContent.Trim());

        form.Find("[data-testid=notes-person]").Change("");
        form.Find("[data-testid=notes-remarks]").Change("对象表示愿意接受回访。");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("回访对象情况", NotesError(form, "notes-person")));
        Assert.Equal("对象表示愿意接受回访。", form.Find("[data-testid=notes-remarks]").TextContent.Trim());
        Assert.Equal(0, saved);

        form.Find("[data-testid=notes-person]").Change("性格内向，近来情绪平稳。");
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Equal(1, saved));
        var reloaded = await _w.Revisits.GetAsync(_w.Anguan, visitId);
        Assert.Equal("对象表示愿意接受回访。", reloaded.Remarks);

        // The page passes the reloaded revisit: the form shows it, with its new version for the next save.
        form.Render(p => p.Add(x => x.Detail, reloaded));
        form.Find("[data-testid=notes-remarks]").Change("已再次确认。");
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => Assert.Equal(2, saved));
        Assert.Equal("已再次确认。", (await _w.Revisits.GetAsync(_w.Anguan, visitId)).Remarks);
    }

    private static string NotesError(IRenderedComponent<RevisitNotesForm> form, string testId) =>
        form.Find($".mud-input-control:has([data-testid={testId}]) .mud-input-helper-text.mud-input-error").TextContent.Trim();

    private static async Task AddToTeamAsync<TComponent>(IRenderedComponent<TComponent> view, Person person) where TComponent : IComponent
    {
        view.Find("[data-testid=revisit-team-search]").Input(person.Name);
        view.WaitForElement($"[data-testid=revisit-team-option][data-person-id='{person.Id}']", TimeSpan.FromSeconds(10));
        await view.Find($"[data-testid=revisit-team-option][data-person-id='{person.Id}']").ClickAsync(new());
    }

    private async Task<List<(int VisitId, DateTime PlannedStart, List<int> Team)>> RevisitsAsync(int record)
    {
        await using var db = _w.S.Db.CreateContext();
        var rows = await db.Set<Revisit>().Where(r => r.SanctionRecordId == record)
            .Select(r => new { r.VisitId, r.Visit!.PlannedStart, Team = r.Visit.Visitors.Select(v => v.PersonId).ToList() }).ToListAsync();
        return rows.Select(r => (r.VisitId, r.PlannedStart, r.Team)).ToList();
    }
}
