using Bunit;
using HomeVisit.Programmes.Huifang;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace HomeVisit.Tests.Components;

/// <summary>The sanction kinds of a record on MudBlazor: a chosen kind brings its influence period and the article it comes from.</summary>
[Trait("Category", "Fast")]
public sealed class SanctionKindFieldsTests
{
    [Fact]
    public async Task Choosing_a_kind_fills_in_its_influence_period_and_names_the_article_and_no_kind_clears_it()
    {
        await using var ctx = new PortalBunitContext();
        ctx.RenderProviders();
        var model = new SanctionEdit();
        var fields = ctx.Render<CascadingValue<EditContext>>(p => p.Add(c => c.Value, new EditContext(model)).AddChildContent<SanctionKindFields>(f => f.Add(x => x.Model, model)));
        var party = fields.FindComponent<MudSelect<PartySanction?>>();
        var government = fields.FindComponent<MudSelect<GovernmentSanction?>>();

        await fields.InvokeAsync(() => party.Instance.ValueChanged.InvokeAsync(PartySanction.Warning));
        await fields.InvokeAsync(() => government.Instance.ValueChanged.InvokeAsync(GovernmentSanction.Demerit));

        // 《中国共产党纪律处分条例》第十条: 警告一年; 《公职人员政务处分法》第八条: 记过十二个月.
        Assert.Equal("12", fields.Find("input[data-testid=sanction-party-months]").GetAttribute("value"));
        Assert.Equal("12", fields.Find("input[data-testid=sanction-gov-months]").GetAttribute("value"));
        Assert.Equal((12, 12), (model.PartyInfluenceMonths!.Value, model.GovernmentInfluenceMonths!.Value));
        Assert.Contains("依据：", fields.Find(".mud-input-control:has([data-testid=sanction-party-months]) .mud-input-helper-text").TextContent);

        // The office may change the months; a later change of kind brings the rule's period again.
        fields.Find("input[data-testid=sanction-party-months]").Change("18");
        Assert.Equal(18, model.PartyInfluenceMonths);
        await fields.InvokeAsync(() => party.Instance.ValueChanged.InvokeAsync(PartySanction.SeriousWarning));
        Assert.Equal(InfluencePeriods.DefaultMonths(PartySanction.SeriousWarning), model.PartyInfluenceMonths);

        await fields.InvokeAsync(() => party.Instance.ValueChanged.InvokeAsync(null));
        Assert.Null(model.PartyKind);
        Assert.Null(model.PartyInfluenceMonths);
        Assert.Empty(fields.FindAll(".mud-input-control:has([data-testid=sanction-party-months]) .mud-input-helper-text"));
    }
}
