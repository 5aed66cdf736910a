using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>Who may do what in 干部家访.</summary>
public static class GanbuAccess
{
    public const string ProgrammeKey = "ganbu";

    /// <summary>
    /// <c>Programme:ganbu</c>: on every page and endpoint of the module, and asked by its services (<see cref="ProgrammeAccess"/>)
    /// for actions inside a live circuit. Refused, the page answers as an unknown address.
    /// </summary>
    public const string Policy = PortalPolicies.ProgrammePrefix + ProgrammeKey;

    /// <summary>Sees every request, step and visit of the programme in the institution (the module's overseer roles).</summary>
    public static bool Oversees(ProgrammeCatalog catalog, PortalUser user) => catalog.OverseenBy(user).Contains(ProgrammeKey);

    /// <summary>Reclassifies and reassigns requests: the organisation department (县委组织部) and the administrators.</summary>
    public static bool Directs(PortalUser user) => user.IsAnyRole([Roles.OrganisationDept, Roles.SystemAdmin, Roles.ProgrammeAdmin]);

    /// <summary>Records the department's revisits and inspection results.</summary>
    public static bool IsOrganisationDept(PortalUser user) => user.IsInRole(Roles.OrganisationDept);

    /// <summary>Creates and revokes intake API keys and sets the deadlines: the programme's rule administrators.</summary>
    public static bool Administers(PortalUser user) => user.IsAnyRole([Roles.SystemAdmin, Roles.ProgrammeAdmin]);
}
