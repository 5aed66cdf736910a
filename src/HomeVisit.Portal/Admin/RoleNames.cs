using HomeVisit.Core.Accounts;

namespace HomeVisit.Portal.Admin;

public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.SystemAdmin => "系统管理员",
        Roles.ProgrammeAdmin => "项目管理员",
        Roles.Leader => "领导（家访人）",
        Roles.Liaison => "联络员",
        Roles.DisciplineOffice => "纪检监察",
        Roles.OrganisationDept => "组织部",
        Roles.Staff => "职工",
        Roles.CaseManagement => "案件管理室",
        Roles.Office => "办公室",
        Roles.PartyCommittee => "党委（党委办公室）",
        Roles.DisciplineHead => "纪委主要负责人",
        _ => role,
    };
}
