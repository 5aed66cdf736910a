using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using HomeVisit.Programmes.Lianxi;
using HomeVisit.Tests.Lianxi;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>
/// The one load pattern of the pages (PageLoad): a record the user may not see shows the service's refusal where the
/// record would be, and a later load that goes through shows the record again; on a real page (联系工作进展, on
/// LianxiWorld's real SQLite file) and on the helper itself.
/// </summary>
[Trait("Category", "Fast")]
public sealed class PageLoadTests
{
    [Fact]
    public async Task A_leader_opening_another_leaders_progress_is_told_why_and_their_own_shows_without_the_refusal()
    {
        using var w = new LianxiWorld();
        await w.LinkLeaderOneAsync();
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(w.Progress).AddSingleton(w.Links).AddSingleton<TimeProvider>(w.S.Clock);
        ctx.RenderProviders();
        var nav = ctx.Services.GetRequiredService<NavigationManager>();

        nav.NavigateTo(nav.GetUriWithQueryParameter("leader", w.S.LeaderTwo.Id));
        var other = ctx.Render<CascadingValue<PortalUser>>(p => p.Add(c => c.Value, w.S.Leader1).AddChildContent<ProgressPage>());
        other.WaitForAssertion(() => Assert.Equal("只能查看本人的联系工作情况。", other.Find("[data-testid=progress-error]").TextContent.Trim()));
        Assert.Empty(other.FindAll("[data-testid=progress-heading]"));

        nav.NavigateTo(nav.GetUriWithQueryParameter("leader", w.S.LeaderOne.Id));
        var own = ctx.Render<CascadingValue<PortalUser>>(p => p.Add(c => c.Value, w.S.Leader1).AddChildContent<ProgressPage>());
        own.WaitForAssertion(() => Assert.Contains(w.S.LeaderOne.Name, own.Find("[data-testid=progress-heading]").TextContent));
        Assert.Empty(own.FindAll("[data-testid=progress-error]"));
    }

    [Fact]
    public async Task A_refusal_forgets_what_was_loaded_and_says_why_in_the_users_language()
    {
        await using var ctx = new PortalBunitContext("en");
        var texts = ctx.Services.GetRequiredService<Texts<PortalResources>>();

        var (loaded, error) = await PageLoad.RunAsync(() => Task.FromResult("记录"), texts);
        Assert.Equal("记录", loaded);
        Assert.Null(error);

        (loaded, error) = await PageLoad.RunAsync<string>(() => throw new NotFoundException(), texts);
        Assert.Null(loaded);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", error);

        Assert.NotNull(await PageLoad.RunAsync(() => throw new AccessDeniedException(), texts));
    }

    [Fact]
    public async Task A_validation_refusal_shows_only_where_the_load_validates_what_was_asked()
    {
        await using var ctx = new PortalBunitContext();
        var texts = ctx.Services.GetRequiredService<Texts<PortalResources>>();
        Func<Task<string>> outOfRange = () => throw new PortalValidationException("Year", "年份超出范围。");

        var (loaded, error) = await PageLoad.RunAsync(outOfRange, texts, validates: true);
        Assert.Null(loaded);
        Assert.Equal("年份超出范围。", error);

        // Elsewhere it is a failure of the page, not a refusal to show as if it were one.
        await Assert.ThrowsAsync<PortalValidationException>(() => PageLoad.RunAsync(outOfRange, texts));
    }
}
