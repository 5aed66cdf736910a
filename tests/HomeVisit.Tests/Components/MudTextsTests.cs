using System.Collections;
using System.Resources;
using Bunit;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HomeVisit.Tests.Components;

[Trait("Category", "Fast")]
public sealed class MudTextsTests
{
    [Fact]
    public async Task Every_text_MudBlazor_ships_has_a_Chinese_translation()
    {
        await using var ctx = new PortalBunitContext();
        var localizer = ctx.Services.GetRequiredService<MudLocalizer>();
        using var stream = typeof(MudLocalizer).Assembly.GetManifestResourceStream("MudBlazor.Resources.LanguageResource.resources")!;
        using var reader = new ResourceReader(stream);
        var keys = reader.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();

        Assert.True(keys.Count > 100);
        var untranslated = keys.Where(k => localizer[k].ResourceNotFound).ToList();
        Assert.Empty(untranslated);
    }

    [Fact]
    public async Task The_grid_pager_speaks_Chinese_in_the_Chinese_UI_and_English_in_the_English_one()
    {
        await using (var zh = new PortalBunitContext())
        {
            var grid = zh.Render<MudDataGrid<int>>(p => p
                .Add(g => g.Items, Enumerable.Range(1, 45))
                .Add(g => g.Columns, (RenderFragment)(b => { b.OpenComponent<PropertyColumn<int, int>>(0); b.AddAttribute(1, "Property", (System.Linq.Expressions.Expression<Func<int, int>>)(i => i)); b.CloseComponent(); }))
                .Add(g => g.PagerContent, (RenderFragment)(b => { b.OpenComponent<MudDataGridPager<int>>(0); b.CloseComponent(); })));
            Assert.Contains("每页行数", grid.Markup);
            Assert.Contains("共 45 条", grid.Markup);
            Assert.DoesNotContain("Rows per page", grid.Markup);
        }
        await using (var en = new PortalBunitContext("en"))
        {
            var grid = en.Render<MudDataGrid<int>>(p => p
                .Add(g => g.Items, Enumerable.Range(1, 45))
                .Add(g => g.Columns, (RenderFragment)(b => { b.OpenComponent<PropertyColumn<int, int>>(0); b.AddAttribute(1, "Property", (System.Linq.Expressions.Expression<Func<int, int>>)(i => i)); b.CloseComponent(); }))
                .Add(g => g.PagerContent, (RenderFragment)(b => { b.OpenComponent<MudDataGridPager<int>>(0); b.CloseComponent(); })));
            Assert.Contains("Rows per page", grid.Markup);
            Assert.DoesNotContain("每页行数", grid.Markup);
        }
    }
}
