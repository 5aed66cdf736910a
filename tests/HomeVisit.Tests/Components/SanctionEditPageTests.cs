using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Tests.Huifang;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>The sanction form of 受处分人员回访关爱 on MudBlazor, with the real services on a real SQLite file.</summary>
[Trait("Category", "Fast")]
public sealed class SanctionEditPageTests : IDisposable
{
    private readonly HuifangWorld _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task A_record_without_its_reason_is_refused_beside_the_reason_and_keeps_the_kind_and_its_period()
    {
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(_w.Catalog);
        ctx.Services.AddSingleton(_w.S.People);
        ctx.Services.AddSingleton(_w.Sanctions);
        ctx.RenderProviders();
        var page = ctx.Render<CascadingValue<PortalUser>>(p => p.Add(c => c.Value, _w.Anguan).AddChildContent<SanctionEditPage>());
        page.WaitForElement("[data-testid=sanction-form]");

        page.Find("[data-testid=sanction-person-search]").Input(_w.S.StaffOne.Name);
        page.WaitForElement($"[data-testid=sanction-person-option][data-person-id='{_w.S.StaffOne.Id}']", TimeSpan.FromSeconds(10));
        await page.Find($"[data-testid=sanction-person-option][data-person-id='{_w.S.StaffOne.Id}']").ClickAsync(new());
        var kinds = page.FindComponent<SanctionKindFields>();
        await page.InvokeAsync(() => kinds.FindComponent<MudBlazor.MudSelect<PartySanction?>>().Instance.ValueChanged.InvokeAsync(PartySanction.Warning));
        page.Find("input[data-testid=sanction-party-date]").Change("2026-08-20");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("请填写受处分原因（主要违纪违法事实）。",
            page.Find(".mud-input-control:has([data-testid=sanction-reason]) .mud-input-helper-text.mud-input-error").TextContent.Trim()));
        Assert.Equal("12", page.Find("input[data-testid=sanction-party-months]").GetAttribute("value"));
        Assert.Equal("2026-08-20", page.Find("input[data-testid=sanction-party-date]").GetAttribute("value"));

        page.Find("[data-testid=sanction-reason]").Change("违反工作纪律。");
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Matches(@"/programmes/huifang/sanctions/\d+$", ctx.Services.GetRequiredService<NavigationManager>().Uri));
    }
}
