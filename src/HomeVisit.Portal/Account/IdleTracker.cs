using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace HomeVisit.Portal.Account;

/// <summary>
/// Notes the last time the user did anything in their circuit. A live Blazor circuit never sends the
/// auth cookie again, so idle sign-out has to be decided here rather than by the cookie alone.
/// </summary>
public sealed class IdleTracker(TimeProvider clock, IOptions<AccountOptions> options) : CircuitHandler
{
    private long _lastActivityTicks = clock.GetUtcNow().UtcTicks;

    public TimeSpan IdleTimeout => options.Value.IdleTimeout;

    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    public bool IsIdle => clock.GetUtcNow() - LastActivity > IdleTimeout;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => context =>
    {
        Interlocked.Exchange(ref _lastActivityTicks, clock.GetUtcNow().UtcTicks);
        return next(context);
    };
}
