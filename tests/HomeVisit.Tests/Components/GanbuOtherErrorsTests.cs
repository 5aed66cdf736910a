using Bunit;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Shared;
using HomeVisit.Programmes.Ganbu;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Components;

/// <summary>A 干部家访 dialog shows the service's messages about fields it has no input for (they would be lost otherwise).</summary>
[Trait("Category", "Fast")]
public sealed class GanbuOtherErrorsTests
{
    [Fact]
    public async Task A_message_about_a_field_the_form_does_not_show_appears_above_it_and_goes_when_cleared()
    {
        await using var ctx = new PortalBunitContext();
        var texts = ctx.Services.GetRequiredService<Texts<GanbuResources>>();
        ServerValidation? validation = null;
        var form = ctx.Render<EditForm>(p => p
            .Add(f => f.Model, new GanbuCloseInput())
            .Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => b =>
            {
                b.OpenComponent<ServerValidation>(0);
                b.AddAttribute(1, nameof(ServerValidation.Texts), texts);
                b.AddComponentReferenceCapture(2, r => validation = (ServerValidation)r);
                b.CloseComponent();
                b.OpenComponent<GanbuOtherErrors>(3);
                b.AddAttribute(4, nameof(GanbuOtherErrors.Shown), new[] { "Resolution", "Feedback" });
                b.CloseComponent();
            })));
        Assert.Empty(form.FindAll("[data-testid=dialog-error]"));

        await form.InvokeAsync(() => validation!.Show(new PortalValidationException(new Dictionary<string, string>
        {
            ["Resolution"] = "请填写解决情况。",
            ["Status"] = "该诉求已办结，不能再办理。",
        })));
        form.WaitForAssertion(() =>
        {
            var shown = form.Find("[data-testid=dialog-error]").TextContent;
            Assert.Contains("该诉求已办结，不能再办理。", shown);
            Assert.DoesNotContain("请填写解决情况", shown); // that one sits beside its own field
        });

        await form.InvokeAsync(() => validation!.Clear());
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=dialog-error]")));
    }
}
