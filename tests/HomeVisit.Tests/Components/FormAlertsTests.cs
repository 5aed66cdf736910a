using Bunit;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

[Trait("Category", "Fast")]
public sealed class FormAlertsTests
{
    [Fact]
    public async Task A_concurrent_save_shows_the_banner_and_reload_asks_before_dropping_what_was_typed()
    {
        await using var ctx = new PortalBunitContext();
        var dialogs = ctx.RenderProviders();
        var form = new FormSubmission();
        var texts = ctx.Services.GetRequiredService<Texts<PortalResources>>();
        Assert.False(await form.RunAsync(() => throw new ConcurrencyConflictException(), null, texts));
        var reloads = 0;
        var alerts = ctx.Render<FormAlerts>(p => p.Add(a => a.Form, form).Add(a => a.OnReload, () => reloads++));

        Assert.Contains("该记录已被他人修改", alerts.Find("[data-testid=conflict-banner]").TextContent);

        // Cancel keeps the banner and reloads nothing. (The click's handler waits for the answer, so it is awaited after.)
        var asking = alerts.Find("[data-testid=conflict-reload]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("重新加载将放弃您在此处的修改", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "取消").ClickAsync(new());
        await asking.WaitAsync(TimeSpan.FromSeconds(30));
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("重新加载将放弃", dialogs.Markup));
        Assert.Equal(0, reloads);
        Assert.NotEmpty(alerts.FindAll("[data-testid=conflict-banner]"));

        // Confirming reloads and the banner goes.
        asking = alerts.Find("[data-testid=conflict-reload]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("重新加载将放弃您在此处的修改", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "重新加载").ClickAsync(new());
        await asking.WaitAsync(TimeSpan.FromSeconds(30));
        alerts.WaitForAssertion(() => Assert.Equal(1, reloads));
        alerts.WaitForAssertion(() => Assert.Empty(alerts.FindAll("[data-testid=conflict-banner]")));
    }

    [Fact]
    public async Task On_a_form_whose_reload_keeps_the_input_the_banner_says_so_and_reload_does_not_ask_to_drop_it()
    {
        await using var ctx = new PortalBunitContext();
        var dialogs = ctx.RenderProviders();
        var form = new FormSubmission();
        var texts = ctx.Services.GetRequiredService<Texts<PortalResources>>();
        Assert.False(await form.RunAsync(() => throw new ConcurrencyConflictException(), null, texts));
        var reloads = 0;
        var alerts = ctx.Render<FormAlerts>(p => p.Add(a => a.Form, form).Add(a => a.OnReload, () => reloads++).Add(a => a.KeepsInput, true));

        var banner = alerts.Find("[data-testid=conflict-banner]").TextContent;
        Assert.Contains("您填写的内容不会丢失", banner);
        Assert.DoesNotContain("放弃", banner);

        await alerts.Find("[data-testid=conflict-reload]").ClickAsync(new());
        alerts.WaitForAssertion(() => Assert.Equal(1, reloads));
        Assert.DoesNotContain("放弃", dialogs.Markup);
        alerts.WaitForAssertion(() => Assert.Empty(alerts.FindAll("[data-testid=conflict-banner]")));
    }

    [Fact]
    public async Task A_refusal_without_a_field_shows_as_the_error_line_in_the_users_language()
    {
        await using var ctx = new PortalBunitContext("en");
        var form = new FormSubmission();
        var texts = ctx.Services.GetRequiredService<Texts<PortalResources>>();
        Assert.False(await form.RunAsync(() => throw new NotFoundException(), null, texts));
        var alerts = ctx.Render<FormAlerts>(p => p.Add(a => a.Form, form));
        var error = alerts.Find("[data-testid=form-error]").TextContent;
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", error);
    }

    [Fact]
    public async Task A_second_click_while_saving_does_nothing()
    {
        await using var ctx = new PortalBunitContext();
        var form = new FormSubmission();
        var texts = ctx.Services.GetRequiredService<Texts<PortalResources>>();
        var gate = new TaskCompletionSource();
        var saves = 0;
        var first = form.RunAsync(async () => { saves++; await gate.Task; }, null, texts);
        Assert.True(form.Busy);
        Assert.False(await form.RunAsync(() => { saves++; return Task.CompletedTask; }, null, texts));
        gate.SetResult();
        Assert.True(await first);
        Assert.Equal(1, saves);
        Assert.False(form.Busy);
    }
}
