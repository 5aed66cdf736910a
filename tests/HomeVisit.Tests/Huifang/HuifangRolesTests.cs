using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Tests.Services;

namespace HomeVisit.Tests.Huifang;

/// <summary>
/// 案件管理室 is the module's role (IProgrammeModule.AddedRoles): account administration offers and accepts it only while
/// the module is part of the portal, under its Chinese name, and only the discipline office grants it.
/// </summary>
public sealed class HuifangRolesTests : IDisposable
{
    private static readonly IReadOnlyList<IProgrammeModule> All = HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules;
    private static readonly IReadOnlyList<IProgrammeModule> WithoutHuifang = [.. All.Where(m => m.Key != HuifangModule.ProgrammeKey)];

    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void The_case_management_role_comes_with_the_module_under_its_name_and_is_the_discipline_offices_to_grant()
    {
        var roles = new AccountRoles(All);
        Assert.Contains(SanctionAccess.CaseManagement, roles.All);
        Assert.Equal("案件管理室", roles.Name(SanctionAccess.CaseManagement));
        Assert.Equal([Roles.DisciplineOffice, SanctionAccess.CaseManagement, Roles.DisciplineHead], roles.DisciplineReserved);
        Assert.DoesNotContain(SanctionAccess.CaseManagement, Roles.All);

        var without = new AccountRoles(WithoutHuifang);
        Assert.False(without.IsKnown(SanctionAccess.CaseManagement));
        Assert.Equal([Roles.DisciplineOffice, Roles.DisciplineHead], without.DisciplineReserved);
    }

    [Fact]
    public async Task Without_the_module_account_administration_refuses_the_role_as_unknown()
    {
        var with = new UserAdminService(_s.Db.Factory, _s.Accounts, _s.Clock, new AccountRoles(All));
        var without = new UserAdminService(_s.Db.Factory, _s.Accounts, _s.Clock, new AccountRoles(WithoutHuifang));
        var edit = await with.GetAsync(_s.Admin, _s.Leader1.UserId);
        edit.Roles.Add(SanctionAccess.CaseManagement);

        // With the module the role exists, and a system admin is told it is the discipline office's to grant.
        var reserved = await Assert.ThrowsAsync<PortalValidationException>(() => with.SaveAsync(_s.Admin, edit));
        Assert.Contains("纪检监察部门", reserved.Errors[nameof(UserEdit.Roles)]);
        var unknown = await Assert.ThrowsAsync<PortalValidationException>(() => without.SaveAsync(_s.Admin, edit));
        Assert.Contains("角色不正确。", unknown.Errors[nameof(UserEdit.Roles)]);
    }

    [Fact]
    public void A_holder_of_the_case_management_role_may_plan_visits()
    {
        var anguan = _s.Leader1 with { Roles = new HashSet<string>([SanctionAccess.CaseManagement]) };
        Assert.True(anguan.CanVisit);
        Assert.False((_s.Leader1 with { Roles = new HashSet<string>([Roles.Staff]) }).CanVisit);
    }
}
