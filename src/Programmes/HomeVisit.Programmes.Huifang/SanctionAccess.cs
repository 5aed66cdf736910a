using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// The secrecy rule for sanction data (seed 5; issue 6): only the discipline office (纪检监察) and the case
/// management office (案件管理室) see anything of sanctions — records, revisits of disciplined persons, their
/// audit entries — anywhere in the portal. Everyone else sees nothing, not even that a record exists: services
/// answer <see cref="HomeVisit.Core.Data.NotFoundException"/>, pages 404. The case management office alone enters records.
/// </summary>
public static class SanctionAccess
{
    /// <summary>
    /// 案件管理室, the role this programme brings (IProgrammeModule.AddedRoles): enters sanction records (第三条, 第八条（一）);
    /// with the discipline office the only role that sees them. The name is stored on accounts: never rename it.
    /// </summary>
    public const string CaseManagement = "CaseManagement";

    /// <summary>The programme the revisits are visits of (受处分人员回访关爱).</summary>
    public const string ProgrammeKey = HuifangModule.ProgrammeKey;

    /// <summary>
    /// <c>Programme:huifang</c>: on every page of the module, and asked by its services (<see cref="ProgrammeAccess"/>) for
    /// actions inside a live circuit. It holds for <see cref="Roles"/> only (the module's AccessRoles), with the programme
    /// on for the institution; refused, the page answers as an unknown address, so nobody else learns the pages exist.
    /// </summary>
    public const string Policy = PortalPolicies.ProgrammePrefix + ProgrammeKey;

    public static readonly IReadOnlyList<string> Roles = [HomeVisit.Core.Accounts.Roles.DisciplineOffice, CaseManagement, HomeVisit.Core.Accounts.Roles.DisciplineHead];

    /// <summary>Audit entity types that are sanction data in themselves.</summary>
    public static readonly IReadOnlyList<string> EntityTypes = [nameof(SanctionRecord), nameof(Revisit)];

    public static bool CanRead(PortalUser user) => user.IsAnyRole(Roles);

    /// <summary>第三条, 第八条（一）: the case management office keeps the records.</summary>
    public static bool CanWrite(PortalUser user) => user.IsInRole(CaseManagement);

    /// <summary>Throws "not found" (never "denied"), so a refusal does not tell that anything exists.</summary>
    public static void EnsureRead(PortalUser user)
    {
        if (!CanRead(user)) throw new HomeVisit.Core.Data.NotFoundException();
    }
}
