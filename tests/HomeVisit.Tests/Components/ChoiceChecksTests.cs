using Bunit;
using HomeVisit.Portal.Programmes.Shared;

namespace HomeVisit.Tests.Components;

[Trait("Category", "Fast")]
public sealed class ChoiceChecksTests
{
    private static readonly Choice<string>[] Roles = [new("leader", "校领导"), new("liaison", "联络员"), new("staff", "教职工")];

    [Fact]
    public async Task The_chosen_boxes_are_ticked_and_a_click_adds_in_the_choices_order_or_removes()
    {
        await using var ctx = new PortalBunitContext();
        IEnumerable<string>? changed = null;
        var checks = ctx.Render<ChoiceChecks<string>>(p => p
            .Add(c => c.Choices, Roles)
            .Add(c => c.Values, ["staff"])
            .Add(c => c.ValuesChanged, v => changed = v)
            .Add(c => c.TestId, "roles"));

        var labels = checks.FindAll("[data-testid=roles] label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["校领导", "联络员", "教职工"], labels);
        var boxes = checks.FindAll("[data-testid=roles] input[type=checkbox]");
        Assert.Equal([false, false, true], boxes.Select(b => b.HasAttribute("checked") || b.GetAttribute("aria-checked") == "true"));

        // Ticking 校领导 puts it before the already chosen 教职工, as in the list.
        await checks.FindAll("[data-testid=roles] input[type=checkbox]")[0].ChangeAsync(new() { Value = true });
        Assert.Equal(["leader", "staff"], changed);

        // Unticking 教职工 leaves nothing of it.
        await checks.FindAll("[data-testid=roles] input[type=checkbox]")[2].ChangeAsync(new() { Value = false });
        Assert.Empty(changed!);
    }
}
