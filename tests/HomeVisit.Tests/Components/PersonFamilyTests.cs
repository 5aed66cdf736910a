using Bunit;
using HomeVisit.Portal.People;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>The family members part of a person's page, on a real SQLite database.</summary>
[Trait("Category", "Fast")]
public sealed class PersonFamilyTests
{
    [Fact]
    public async Task Deleting_a_family_member_asks_first_cancel_keeps_it_and_confirming_deletes_it()
    {
        using var s = new Scenario();
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(s.People);
        var dialogs = ctx.RenderProviders();
        var person = await s.People.GetAsync(s.Zuzhi, s.StaffOne.Id);
        Assert.True(person.CanEdit);
        var family = ctx.Render<PersonFamily>(p => p.Add(x => x.User, s.Zuzhi).Add(x => x.PersonId, s.StaffOne.Id).Add(x => x.Person, person));

        var row = family.Find($"[data-testid=family-row][data-family-id='{s.StaffOneSpouse.Id}']");
        Assert.Contains("张妻", row.TextContent);

        // The click's handler waits for the answer, so it is awaited after answering.
        var asking = row.QuerySelector("[data-testid=family-remove]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除家庭成员 张妻 吗？", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "取消").ClickAsync(new());
        await asking.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await ExistsAsync(s));

        asking = family.Find($"[data-testid=family-row][data-family-id='{s.StaffOneSpouse.Id}'] [data-testid=family-remove]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除家庭成员 张妻 吗？", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "删除").ClickAsync(new());
        await asking.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(await ExistsAsync(s));
    }

    [Fact]
    public async Task A_member_without_a_name_is_refused_beside_the_name_field_and_what_was_typed_stays()
    {
        using var s = new Scenario();
        await using var ctx = new PortalBunitContext();
        ctx.Services.AddSingleton(s.People);
        ctx.RenderProviders();
        var person = await s.People.GetAsync(s.Zuzhi, s.StaffOne.Id);
        var family = ctx.Render<PersonFamily>(p => p.Add(x => x.User, s.Zuzhi).Add(x => x.PersonId, s.StaffOne.Id).Add(x => x.Person, person));

        await family.Find("[data-testid=family-add]").ClickAsync(new());
        family.Find("input[data-testid=family-phone]").Change("0771-1234567");
        await family.Find("[data-testid=family-form] form").SubmitAsync();

        family.WaitForAssertion(() => Assert.Contains("姓名",
            family.Find(".mud-input-control:has([data-testid=family-name]) .mud-input-helper-text.mud-input-error").TextContent));
        Assert.Equal("0771-1234567", family.Find("input[data-testid=family-phone]").GetAttribute("value"));
        Assert.NotEmpty(family.FindAll("[data-testid=family-form]"));
    }

    private static async Task<bool> ExistsAsync(Scenario s)
    {
        await using var db = s.Db.CreateContext();
        return await db.FamilyMembers.AnyAsync(f => f.Id == s.StaffOneSpouse.Id);
    }
}
