using Bunit;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Visits;
using HomeVisit.Programmes.Ganbu;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>The programme's record-form fields on MudBlazor: what is ticked ends up in the record, in the form's order.</summary>
[Trait("Category", "Fast")]
public sealed class RecordFormFieldsTests
{
    private static IRenderedComponent<RecordFormFields> Render(PortalBunitContext ctx, Dictionary<string, string?> values)
    {
        var module = new GanbuModule();
        ctx.Services.AddSingleton<IEnumerable<IProgrammeModule>>([module]);
        ctx.Services.AddSingleton<ProgrammeTexts>();
        return ctx.Render<RecordFormFields>(p => p.Add(c => c.Module, module).Add(c => c.Values, values));
    }

    [Fact]
    public async Task Ticked_ways_of_visiting_are_kept_in_the_forms_order_and_a_yes_no_box_is_yes_when_ticked()
    {
        await using var ctx = new PortalBunitContext();
        var values = new Dictionary<string, string?>();
        var form = Render(ctx, values);

        Assert.Contains("家访方式", form.Find("[data-testid=form-Methods]").TextContent);
        form.Find("[data-testid=form-Methods] input[data-choice=谈]").Change(true);
        form.Find("[data-testid=form-Methods] input[data-choice=看]").Change(true);
        Assert.Equal("看、谈", values["Methods"]);

        form.Find("[data-testid=form-Methods] input[data-choice=看]").Change(false);
        Assert.Equal("谈", values["Methods"]);

        form.Find("[data-testid=form-Greeting] input").Change(true);
        Assert.Equal("true", values["Greeting"]);
    }

    [Fact]
    public async Task A_value_already_recorded_shows_ticked()
    {
        await using var ctx = new PortalBunitContext();
        var form = Render(ctx, new Dictionary<string, string?> { ["Methods"] = "听", ["Greeting"] = "true" });

        Assert.True(form.Find("[data-testid=form-Methods] input[data-choice=听]").HasAttribute("checked"));
        Assert.False(form.Find("[data-testid=form-Methods] input[data-choice=看]").HasAttribute("checked"));
        Assert.True(form.Find("[data-testid=form-Greeting] input").HasAttribute("checked"));
    }
}
