using System.Security.Claims;
using Bunit;
using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace HomeVisit.Tests.Components;

[Trait("Category", "Fast")]
public sealed class PortalUserCascadeTests
{
    /// <summary>Shows the user it is given, as a page would.</summary>
    private sealed class ShowsUser : ComponentBase
    {
        [CascadingParameter] public PortalUser? User { get; set; }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder b) =>
            b.AddContent(0, User is null ? "nobody" : $"{User.DisplayName}#{User.UserId}@{User.InstitutionId}");
    }

    private static Task<AuthenticationState> State(params Claim[] claims) =>
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, claims.Length == 0 ? null : "test"))));

    [Fact]
    public async Task Pages_get_the_signed_in_user_and_nobody_after_sign_out()
    {
        await using var ctx = new PortalBunitContext();
        var signedIn = State(new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(PortalUser.InstitutionClaim, "3"),
            new Claim(ClaimTypes.Name, "leader"), new Claim(ClaimTypes.GivenName, "李锋"));
        var cut = ctx.Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, signedIn)
            .AddChildContent<PortalUserCascade>(c => c.AddChildContent<ShowsUser>()));
        Assert.Equal("李锋#7@3", cut.Markup.Trim());

        // Sign-out (or revalidation) hands the cascade a new state.
        cut.Render(p => p.Add(c => c.Value, State()).AddChildContent<PortalUserCascade>(c => c.AddChildContent<ShowsUser>()));
        cut.WaitForAssertion(() => Assert.Equal("nobody", cut.Markup.Trim()));
    }
}
