using HomeVisit.Core.Programmes;

namespace HomeVisit.Core.Accounts;

/// <summary>
/// The roles an account may hold in this portal: the core's (<see cref="Roles.All"/>) and those the programme modules
/// bring (<see cref="IProgrammeModule.AddedRoles"/>), with their Chinese names; and which of them only the discipline office
/// grants (<see cref="DisciplineRoleService"/>). Account administration, SSO role mappings and programme rules accept
/// exactly these.
/// </summary>
public sealed class AccountRoles
{
    private readonly Dictionary<string, IProgrammeModule> _addedBy = new(StringComparer.Ordinal);

    public AccountRoles(IEnumerable<IProgrammeModule> modules)
    {
        var list = modules.ToList();
        foreach (var m in list)
            foreach (var role in m.AddedRoles.Where(r => !Roles.All.Contains(r)))
                _addedBy.TryAdd(role, m);
        All = [.. Roles.All, .. _addedBy.Keys];
        // A role that opens a confidential programme opens its records: a system admin must not be able to take one
        // (issue 13 item 9). The discipline office's own roles are reserved whichever modules are present.
        DisciplineReserved = new[] { Roles.DisciplineOffice }
            .Concat(list.Where(m => m.IsConfidential).SelectMany(m => m.AccessRoles ?? []))
            .Append(Roles.DisciplineHead)
            .Where(All.Contains).Distinct().ToList();
    }

    /// <summary>Every role, the core's first, then the modules' in module order.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>Roles only the discipline office grants, revokes, or disables accounts holding.</summary>
    public IReadOnlyList<string> DisciplineReserved { get; }

    public bool IsKnown(string role) => All.Contains(role);

    public bool IsReserved(string role) => DisciplineReserved.Contains(role);

    /// <summary>The role's Chinese name (the key of its English in the portal's texts).</summary>
    public string Name(string role) => _addedBy.TryGetValue(role, out var m) ? m.AddedRoleName(role) : CoreName(role);

    public static string CoreName(string role) => role switch
    {
        Roles.SystemAdmin => "系统管理员",
        Roles.ProgrammeAdmin => "项目管理员",
        Roles.Leader => "领导（家访人）",
        Roles.Liaison => "联络员",
        Roles.DisciplineOffice => "纪检监察",
        Roles.OrganisationDept => "组织部",
        Roles.Staff => "职工",
        Roles.Office => "办公室",
        Roles.PartyCommittee => "党委（党委办公室）",
        Roles.DisciplineHead => "纪委主要负责人",
        _ => role,
    };
}
