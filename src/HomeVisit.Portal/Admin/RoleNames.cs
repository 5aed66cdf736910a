using HomeVisit.Core.Accounts;
using HomeVisit.Portal.Programmes;

namespace HomeVisit.Portal.Admin;

public static class RoleNames
{
    // The host's one module list: the roles a module brings are named by the module (IProgrammeModule.AddedRoleName).
    private static readonly AccountRoles Known = new(ProgrammesServiceCollectionExtensions.Modules);

    /// <summary>The role's Chinese name, the key of its English in the portal's texts.</summary>
    public static string Of(string role) => Known.Name(role);

    public static bool IsKnown(string role) => Known.IsKnown(role);
}
