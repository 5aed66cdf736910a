using HomeVisit.Core.Accounts;

namespace HomeVisit.Core.Access;

/// <summary>
/// The portal's authorisation policies by name (decision 0015). Pages say <c>@attribute [Authorize(Policy = …)]</c>,
/// endpoints <c>.RequireAuthorization(…)</c>; nothing repeats role strings. Per-record rules stay in the services.
/// </summary>
public static class PortalPolicies
{
    /// <summary>
    /// Prefix of the one programme policy: <c>Programme:{key}</c> holds when the key names a registered module, the
    /// institution has it switched on and the user may use it (<see cref="Programmes.IProgrammeModule.AccessRoles"/>).
    /// Every page, endpoint and circuit action of a module uses it; failing it answers exactly like an unknown URL.
    /// </summary>
    public const string ProgrammePrefix = "Programme:";

    /// <summary>
    /// The programme policy for pages and endpoints shared by all programmes, whose route names the programme in its
    /// <c>{key}</c> parameter (<c>/programmes/{key}/settings</c>, <c>/programmes/{key}/ledger.xlsx</c>).
    /// </summary>
    public const string ProgrammeInRoute = ProgrammePrefix + "{key}";

    /// <summary>The route parameter <see cref="ProgrammeInRoute"/> reads (route values ignore its letter case).</summary>
    public const string RouteKey = "key";

    /// <summary><c>Programme:{key}</c> for one module (a module keeps it as a constant: <c>ProgrammePrefix + its key</c>).</summary>
    public static string Programme(string key) => ProgrammePrefix + key;

    /// <summary>Accounts, institutions, password policy, SSO settings: the system administrator.</summary>
    public const string SystemAdmins = "SystemAdmins";

    /// <summary>Who keeps the roster of people: adds people, imports the roster workbook.</summary>
    public const string RosterManagers = "RosterManagers";

    /// <summary>Who reads the audit log (each sees what <c>AuditService</c> lets them).</summary>
    public const string AuditReaders = "AuditReaders";

    /// <summary>
    /// Who administers the rules of at least one programme they may use (<see cref="Programmes.IProgrammeModule.RuleAdminRoles"/>),
    /// so the overview of programmes follows the registered modules rather than a list of roles.
    /// </summary>
    public const string RuleAdmins = "RuleAdmins";

    /// <summary>Who grants the discipline roles (the discipline office).</summary>
    public const string DisciplineRoleGranters = "DisciplineRoleGranters";

    /// <summary>The roles of each fixed role policy (<see cref="RuleAdmins"/> is computed from the modules).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RolePolicies = new Dictionary<string, IReadOnlyList<string>>
    {
        [SystemAdmins] = [Roles.SystemAdmin],
        [RosterManagers] = [Roles.SystemAdmin, Roles.ProgrammeAdmin, Roles.OrganisationDept],
        [AuditReaders] = [Roles.SystemAdmin, Roles.DisciplineOffice],
        [DisciplineRoleGranters] = [Roles.DisciplineOffice],
    };
}
