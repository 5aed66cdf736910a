using HomeVisit.Core.Accounts;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Security;

/// <summary>Issue 13 item 9: a system admin cannot give itself (or anyone) the roles that open sanction records.</summary>
public sealed class DisciplineRoleTests : IDisposable
{
    private readonly Scenario _s = new();
    private readonly UserAdminService _users;
    private readonly DisciplineRoleService _roles;

    public DisciplineRoleTests()
    {
        _users = new UserAdminService(_s.Db.Factory, _s.Accounts, _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));
        _roles = new DisciplineRoleService(_s.Db.Factory, _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));
    }

    public void Dispose() => _s.Dispose();

    private Task<List<string>> RolesOfAsync(int accountId) =>
        _s.ReadAsync(db => db.UserAccounts.Where(a => a.Id == accountId).Select(a => a.Roles).SingleAsync());

    [Theory]
    [InlineData(Roles.DisciplineOffice)]
    [InlineData(SanctionAccess.CaseManagement)]
    public async Task A_system_admin_can_give_a_discipline_role_neither_to_itself_nor_to_anyone_else(string role)
    {
        var self = await _users.GetAsync(_s.Admin, _s.Admin.UserId);
        self.Roles.Add(role);
        var other = await _users.GetAsync(_s.Admin, _s.Leader1.UserId);
        other.Roles.Add(role);

        var selfError = await Assert.ThrowsAsync<PortalValidationException>(() => _users.SaveAsync(_s.Admin, self));
        var otherError = await Assert.ThrowsAsync<PortalValidationException>(() => _users.SaveAsync(_s.Admin, other));

        Assert.Contains("纪检", selfError.Errors[nameof(UserEdit.Roles)]);
        Assert.Contains("纪检监察部门", otherError.Errors[nameof(UserEdit.Roles)]);
        Assert.DoesNotContain(role, await RolesOfAsync(_s.Admin.UserId));
        Assert.DoesNotContain(role, await RolesOfAsync(_s.Leader1.UserId));
    }

    [Fact]
    public async Task A_system_admin_cannot_disable_a_discipline_officer_or_strip_the_role()
    {
        var jiwei = await _users.GetAsync(_s.Admin, _s.Jiwei.UserId);
        jiwei.IsDisabled = true;
        await Assert.ThrowsAsync<PortalValidationException>(() => _users.SaveAsync(_s.Admin, jiwei));

        jiwei = await _users.GetAsync(_s.Admin, _s.Jiwei.UserId);
        jiwei.Roles = [Roles.Staff];
        await Assert.ThrowsAsync<PortalValidationException>(() => _users.SaveAsync(_s.Admin, jiwei));

        Assert.Contains(Roles.DisciplineOffice, await RolesOfAsync(_s.Jiwei.UserId));
    }

    [Fact]
    public async Task A_system_admin_cannot_map_a_campus_group_to_a_discipline_role()
    {
        var mappings = new SsoRoleMappingService(_s.Db.Factory, _s.Clock, new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));

        var error = await Assert.ThrowsAsync<PortalValidationException>(() =>
            mappings.AddAsync(_s.Admin, new SsoRoleMappingEdit { ClaimValue = "/staff/all", Role = Roles.DisciplineOffice }));

        Assert.Contains("纪检", error.Errors[nameof(SsoRoleMappingEdit.Role)]);
    }

    [Fact]
    public async Task A_discipline_officer_grants_the_role_to_another_and_the_grant_is_in_the_discipline_offices_audit_log()
    {
        var leaderName = await _s.ReadAsync(db => db.UserAccounts.Where(a => a.Id == _s.Leader1.UserId).Select(a => a.UserName).SingleAsync());
        var jiweiName = await _s.ReadAsync(db => db.UserAccounts.Where(a => a.Id == _s.Jiwei.UserId).Select(a => a.UserName).SingleAsync());

        var self = await Assert.ThrowsAsync<PortalValidationException>(() => _roles.SetAsync(_s.Jiwei, jiweiName, SanctionAccess.CaseManagement, grant: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _roles.SetAsync(_s.Admin, leaderName, SanctionAccess.CaseManagement, grant: true));
        await _roles.SetAsync(_s.Jiwei, leaderName, SanctionAccess.CaseManagement, grant: true);

        Assert.Contains("不能给自己", self.Errors["UserName"]);
        Assert.Contains(SanctionAccess.CaseManagement, await RolesOfAsync(_s.Leader1.UserId));
        var audit = new AuditService(_s.Db.Factory, new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules));
        var grants = (await audit.ListAsync(_s.Jiwei, new AuditQuery(Action: DisciplineRoleService.GrantAction))).Items;
        var grant = Assert.Single(grants);
        Assert.Equal(_s.Leader1.UserId.ToString(), grant.EntityId);
        Assert.Contains("案件管理室", grant.Detail);
        Assert.Equal(_s.Jiwei.UserId, grant.UserId);
    }
}
