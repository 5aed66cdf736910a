namespace HomeVisit.Core.Demo;

/// <summary>The sign-ins the demo seed creates; tests and the README refer to these names.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo#2026";
    public const string InstitutionName = "广西示范职业技术学院";

    /// <summary>SystemAdmin + ProgrammeAdmin; not linked to a person.</summary>
    public const string Admin = "admin";
    /// <summary>A deputy dean (副院长) of 汽车工程学院 who visits staff.</summary>
    public const string Leader = "leader";
    /// <summary>Staff of 纪检监察室 (DisciplineOffice).</summary>
    public const string DisciplineOffice = "jiwei";
    /// <summary>Staff of 组织部 (OrganisationDept).</summary>
    public const string OrganisationDept = "zuzhi";
    /// <summary>An ordinary teacher.</summary>
    public const string Staff = "staff";
    /// <summary>The college's liaison who keeps visit records.</summary>
    public const string Liaison = "liaison";
    /// <summary>A clerk of the discipline office; the secret programme's demo data makes them its 案件管理室 (case management office).</summary>
    public const string CaseManagement = "anguan";
    /// <summary>A second member of 纪检监察室 (DisciplineOffice), so a revisit team of two can leave <see cref="DisciplineOffice"/> free to approve.</summary>
    public const string DisciplineStaff = "jijian";

    /// <summary>
    /// The section chief of 党委办公室; 清廉家访's demo data makes them its 综合部, the role that confirms each half year's
    /// household list (the role is the module's).
    /// </summary>
    public const string GeneralAffairs = "zonghe";

    public static readonly IReadOnlyList<string> All = [Admin, Leader, DisciplineOffice, OrganisationDept, Staff, Liaison, CaseManagement, DisciplineStaff, GeneralAffairs];
}
