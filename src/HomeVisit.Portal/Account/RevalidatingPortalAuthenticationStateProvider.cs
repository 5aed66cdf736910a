using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace HomeVisit.Portal.Account;

/// <summary>
/// A live circuit keeps the principal it started with and never sends the cookie again, so the per-request cookie
/// check cannot end it. This asks the database again every <c>Accounts:RevalidationInterval</c> (account exists, is
/// enabled and not locked, security stamp unchanged, session not ended); on a "no" the circuit's user becomes
/// anonymous and <c>SessionWatch</c> sends the tab to the sign-in page.
/// </summary>
public sealed class RevalidatingPortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory, AccountService accounts, IOptions<AccountOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        state.User.Identity?.IsAuthenticated != true || await accounts.IsSessionValidAsync(state.User, cancellationToken);
}
