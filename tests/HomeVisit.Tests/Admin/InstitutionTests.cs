using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Portal.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Admin;

public sealed class InstitutionTests : IAsyncLifetime
{
    private readonly TestDatabase _db = TestDatabase.Create(new FixedTimeProvider(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero)));
    private AccountService _accounts = default!;
    private InstitutionService _institutions = default!;
    private PortalUser _demoAdmin = default!, _demoLeader = default!;

    public async Task InitializeAsync()
    {
        await using (var db = _db.CreateContext()) await DemoSeeder.SeedAsync(db, _db.Clock);
        _accounts = new AccountService(_db.Factory, Options.Create(new AccountOptions()), _db.Clock);
        _institutions = new InstitutionService(_db.Factory, _accounts, _db.Clock);
        await using var ctx = _db.CreateContext();
        _demoAdmin = PortalUser.From(await ctx.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Admin));
        _demoLeader = PortalUser.From(await ctx.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader));
    }

    [Fact]
    public async Task A_new_institution_gets_its_own_admin_who_sees_none_of_the_other_institutions_data()
    {
        await _institutions.CreateAsync(_demoAdmin, new InstitutionCreate
        {
            Name = "魏县", Kind = InstitutionKind.County, AdminUserName = "weixian-admin", AdminDisplayName = "魏县管理员", AdminPassword = "Weixian#2026",
        });

        var signIn = await _accounts.PasswordSignInAsync("weixian-admin", "Weixian#2026");
        Assert.Equal(SignInStatus.Succeeded, signIn.Status);
        var countyAdmin = PortalUser.FromPrincipal(signIn.Principal)!;
        Assert.NotEqual(_demoAdmin.InstitutionId, countyAdmin.InstitutionId);

        var org = new OrgService(_db.Factory);
        var people = new PeopleService(_db.Factory, org, _db.Clock);
        var tree = await org.GetTreeAsync(countyAdmin);
        var root = Assert.Single(tree);
        Assert.Equal(("魏县", OrgUnitKind.County), (root.Name, root.Kind));
        Assert.Equal(0, (await people.SearchAsync(countyAdmin, new PersonQuery())).Total);
        Assert.True((await people.SearchAsync(_demoAdmin, new PersonQuery())).Total > 100);

        // Settings are per institution too: switching a programme off in the county leaves the university's on.
        var catalog = new ProgrammeCatalog(ProgrammesServiceCollectionExtensions.Modules);
        var rules = new ProgrammeRulesService(_db.Factory, catalog, _db.Clock);
        await rules.SetEnabledAsync(countyAdmin, "lianxi", enabled: false);
        Assert.False(await rules.IsEnabledAsync(countyAdmin.InstitutionId, "lianxi"));
        Assert.True(await rules.IsEnabledAsync(_demoAdmin.InstitutionId, "lianxi"));
    }

    [Fact]
    public async Task Only_system_admins_create_institutions_and_bad_input_creates_nothing()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _institutions.CreateAsync(_demoLeader, new InstitutionCreate
        {
            Name = "某县", AdminUserName = "x", AdminDisplayName = "x", AdminPassword = "12345678",
        }));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() => _institutions.CreateAsync(_demoAdmin, new InstitutionCreate
        {
            Name = DemoAccounts.InstitutionName, AdminUserName = DemoAccounts.Leader, AdminDisplayName = "", AdminPassword = "short",
        }));
        Assert.Equal($"已有名为“{DemoAccounts.InstitutionName}”的单位。", error.Errors[nameof(InstitutionCreate.Name)]);
        Assert.Equal($"用户名 {DemoAccounts.Leader} 已被使用。", error.Errors[nameof(InstitutionCreate.AdminUserName)]);
        Assert.Contains(nameof(InstitutionCreate.AdminDisplayName), error.Errors.Keys);
        Assert.Contains(nameof(InstitutionCreate.AdminPassword), error.Errors.Keys);
        Assert.Single(await _institutions.ListAsync(_demoAdmin));
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
