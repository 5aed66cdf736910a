using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace HomeVisit.Core.Access;

/// <summary>
/// Answers <c>Programme:{key}</c> for every registered module (and <see cref="PortalPolicies.ProgrammeInRoute"/>), so a
/// module needs no registration of its own, and <see cref="PortalPolicies.RuleAdmins"/> from the modules' rule-admin
/// roles. Every other name goes to the options (the fixed role policies, the fallback policy); a programme key that
/// names no module is not a policy, so a misspelt key fails loudly at the first request instead of letting anyone in.
/// </summary>
public sealed class PortalPolicyProvider(IOptions<AuthorizationOptions> options, ProgrammeCatalog catalog)
    : DefaultAuthorizationPolicyProvider(options)
{
    private static readonly AuthorizationPolicy InRoute = Build(new ProgrammeRequirement(null));

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName == PortalPolicies.ProgrammeInRoute) return InRoute;
        if (policyName.StartsWith(PortalPolicies.ProgrammePrefix, StringComparison.Ordinal) &&
            catalog.Find(policyName[PortalPolicies.ProgrammePrefix.Length..]) is { } module)
            return Build(new ProgrammeRequirement(module.Key));
        if (policyName == PortalPolicies.RuleAdmins)
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => PortalUser.FromPrincipal(c.User) is { } user &&
                                       catalog.All.Any(m => ProgrammeRulesService.IsRuleAdmin(user, m)))
                .Build();
        return await base.GetPolicyAsync(policyName);
    }

    private static AuthorizationPolicy Build(ProgrammeRequirement requirement) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(requirement).Build();
}
