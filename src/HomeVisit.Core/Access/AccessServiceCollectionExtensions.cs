using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HomeVisit.Core.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Every named policy of <see cref="PortalPolicies"/>: the role policies, <c>Programme:{key}</c> for the registered
    /// modules (<see cref="PortalPolicyProvider"/>), and a fallback that requires a signed-in user wherever an endpoint
    /// says nothing (only [AllowAnonymous] ones are open). The host adds how a refusal is answered over HTTP.
    /// </summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationCore(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var (name, roles) in PortalPolicies.RolePolicies)
                o.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        });
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PortalPolicyProvider>());
        services.AddSingleton<IAuthorizationHandler, ProgrammeRequirementHandler>();
        services.TryAddSingleton<ProgrammeAccess>();
        return services;
    }
}
