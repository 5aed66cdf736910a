using Bunit;
using HomeVisit.Core.FollowUps;
using HomeVisit.Portal.FollowUps;
using HomeVisit.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HomeVisit.Tests.Components;

/// <summary>The 办结 dialog on a real SQLite database: a missing field is told beside it and what was typed stays; then the item closes.</summary>
[Trait("Category", "Fast")]
public sealed class CloseDialogTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Closing_without_the_feedback_is_refused_beside_that_field_keeping_the_resolution_then_closes_the_item()
    {
        var (_, id) = await _s.VisitWithFollowUpAsync();
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(_s.FollowUps);
        var dialogs = ctx.RenderProviders();
        var row = (await _s.FollowUps.GetAsync(_s.Leader1, id))!;

        var asking = ctx.Renderer.Dispatcher.InvokeAsync(() => CloseDialog.AskAsync(ctx.Services.GetRequiredService<IDialogService>(), "办结事项", row, _s.Leader1));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=close-resolution]")));
        dialogs.Find("[data-testid=close-resolution]").Change("已联系街道");
        await dialogs.Find("[data-testid=close-confirm]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("请填写反馈情况。", dialogs.Markup));
        Assert.DoesNotContain("请填写办理结果。", dialogs.Markup);
        Assert.Contains("已联系街道", dialogs.Markup);
        Assert.Equal(FollowUpStatus.Open, (await _s.FollowUpRowAsync(id)).Status);

        dialogs.Find("[data-testid=close-feedback]").Change("已电话告知本人");
        await dialogs.Find("[data-testid=close-confirm]").ClickAsync(new());

        var result = await asking.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(true, result);
        var item = await _s.FollowUpRowAsync(id);
        Assert.Equal(FollowUpStatus.Resolved, item.Status);
        Assert.Equal("已电话告知本人", item.Feedback);
    }
}
