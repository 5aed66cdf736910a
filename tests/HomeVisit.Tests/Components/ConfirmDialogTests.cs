using Bunit;
using HomeVisit.Portal.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HomeVisit.Tests.Components;

/// <summary>DialogServiceExtensions.ConfirmAsync: the question with its lines, the safe button first; only the yes confirms.</summary>
[Trait("Category", "Fast")]
public sealed class ConfirmDialogTests
{
    [Theory]
    [InlineData("confirm-yes", true)]
    [InlineData("confirm-no", false)]
    public async Task The_question_shows_its_lines_and_only_the_yes_button_confirms(string button, bool expected)
    {
        await using var ctx = new PortalBunitContext();
        var dialogs = ctx.RenderProviders();

        var asking = ctx.Renderer.Dispatcher.InvokeAsync(() => ctx.Services.GetRequiredService<IDialogService>()
            .ConfirmAsync("改期", "张三 在 12-09 16:00–17:00 已有家访安排。\n将家访改到 2026-12-09 16:00？", "改期", "取消"));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=confirm-yes]")));
        Assert.Contains("已有家访安排。\n将家访改到", dialogs.Find("[data-testid=confirm-message]").TextContent);
        var buttons = dialogs.FindAll(".mud-dialog-actions button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["取消", "改期"], buttons);

        await dialogs.Find($"[data-testid={button}]").ClickAsync(new());
        Assert.Equal(expected, await asking.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
