using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Programmes.Qinglian;
using HomeVisit.Tests.Qinglian;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>
/// The household list page of 清廉家访 on MudBlazor, with the programme's real services on a real SQLite file: the half
/// year's list is 未确认 until the 综合部 confirms it (seed 3 三、1), and only the 综合部 sees 确认名单.
/// </summary>
[Trait("Category", "Fast")]
public sealed class QinglianListComponentTests : IDisposable
{
    private readonly QinglianWorld _w = new(listCheck: true);

    public void Dispose() => _w.Dispose();

    private PortalBunitContext Context()
    {
        var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(_w.Households);
        ctx.Services.AddSingleton(_w.Lists);
        ctx.RenderProviders();
        return ctx;
    }

    private static IRenderedComponent<CascadingValue<PortalUser>> Page(PortalBunitContext ctx, PortalUser user) =>
        ctx.Render<CascadingValue<PortalUser>>(p => p.Add(c => c.Value, user).AddChildContent<HouseholdsPage>());

    [Fact]
    public async Task The_general_affairs_office_confirms_the_list_and_the_page_says_who_and_when()
    {
        await using var ctx = Context();
        var page = Page(ctx, _w.GeneralAffairs);
        page.WaitForElement("[data-testid=household-list-state]");
        Assert.Equal("未确认", page.Find("[data-testid=household-list-state]").TextContent.Trim());

        await page.Find("button[data-testid=household-list-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("已确认", page.Find("[data-testid=household-list-state]").TextContent.Trim()));
        Assert.Contains(_w.GeneralAffairs.DisplayName, page.Find("[data-testid=household-list-by]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=household-list-confirm]"));
        Assert.True((await _w.Lists.StatusAsync(_w.S.Leader1)).Confirmed);
    }

    [Fact]
    public async Task A_leader_sees_the_lists_state_but_no_confirm_button()
    {
        await using var ctx = Context();
        var page = Page(ctx, _w.S.Leader1);
        page.WaitForElement("[data-testid=household-list-state]");

        Assert.Equal("未确认", page.Find("[data-testid=household-list-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=household-list-confirm]"));
        Assert.Equal("未确认", page.Find("[data-testid=household-next-list-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=household-next-list-confirm]"));
    }

    [Fact]
    public async Task The_general_affairs_office_confirms_the_coming_half_years_list_ahead_on_the_same_page()
    {
        _w.SetBeijing(new DateTime(2026, 12, 29, 9, 0, 0));
        await using var ctx = Context();
        var page = Page(ctx, _w.GeneralAffairs);
        page.WaitForElement("[data-testid=household-next-list-state]");
        Assert.Contains("2027年上半年", page.Find("[data-testid=household-next-list]").TextContent);
        Assert.Equal("未确认", page.Find("[data-testid=household-next-list-state]").TextContent.Trim());

        await page.Find("button[data-testid=household-next-list-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("已确认", page.Find("[data-testid=household-next-list-state]").TextContent.Trim()));
        Assert.Contains(_w.GeneralAffairs.DisplayName, page.Find("[data-testid=household-next-list-by]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=household-next-list-confirm]"));
        // This half year's list is confirmed on its own.
        Assert.Equal("未确认", page.Find("[data-testid=household-list-state]").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=household-list-confirm]"));
        Assert.True((await _w.Lists.NextStatusAsync(_w.S.Leader1)).Confirmed);
    }

    [Fact]
    public async Task After_a_new_hire_the_general_affairs_office_sees_who_came_before_confirming_again()
    {
        await _w.Lists.ConfirmAsync(_w.GeneralAffairs);
        await using (var db = _w.S.Context())
        {
            db.People.Add(new HomeVisit.Core.People.Person { InstitutionId = _w.S.InstitutionA, Name = "新同事", StaffNumber = "N-0001", UnitId = _w.S.StaffOne.UnitId });
            await db.SaveChangesAsync();
        }
        await using var ctx = Context();
        var page = Page(ctx, _w.GeneralAffairs);
        page.WaitForElement("[data-testid=household-list-change]");

        Assert.Equal("新增 1 人：新同事", page.Find("[data-testid=household-list-change]").TextContent.Trim());
        Assert.Equal("未确认", page.Find("[data-testid=household-list-state]").TextContent.Trim());
        await page.Find("button[data-testid=household-list-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("已确认", page.Find("[data-testid=household-list-state]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=household-list-change]"));
    }
}
