using HomeVisit.Core.Accounts;
using Microsoft.Extensions.Options;

namespace HomeVisit.Portal.Account;

/// <summary>
/// The last time the user of this circuit pressed a key, clicked, touched or scrolled, as reported by the page's
/// script (portal.trackInput). Circuit traffic is deliberately not counted: render acknowledgements, JS interop
/// answers and the keep-alive arrive whether or not anyone is at the desk, and counting them kept tabs open for ever.
/// </summary>
public sealed class IdleTracker(TimeProvider clock, IOptions<AccountOptions> options)
{
    private long _lastInputTicks = clock.GetUtcNow().UtcTicks;

    public TimeSpan IdleTimeout => options.Value.IdleTimeout;

    public DateTimeOffset LastInput => new(Interlocked.Read(ref _lastInputTicks), TimeSpan.Zero);

    public bool IsIdle => clock.GetUtcNow() - LastInput >= IdleTimeout;

    /// <summary>
    /// How often the page reports input and the guard looks at the clock: a sixth of the timeout, between 1 and 30
    /// seconds, so the sign-out comes at most that late and a busy user costs one message per interval.
    /// </summary>
    public TimeSpan CheckInterval => TimeSpan.FromTicks(Math.Clamp(IdleTimeout.Ticks / 6, TimeSpan.TicksPerSecond, 30 * TimeSpan.TicksPerSecond));

    public void UserInput() => Interlocked.Exchange(ref _lastInputTicks, clock.GetUtcNow().UtcTicks);
}
