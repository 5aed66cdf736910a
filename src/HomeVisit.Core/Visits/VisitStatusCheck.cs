using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Core.Visits;

/// <summary>
/// A programme's own rules on a visit's status changes, which <see cref="VisitService"/> runs on every route that
/// changes the status (the visit page's buttons, a programme's pages, the API, the calendar): marking it notified,
/// recording its outcome, approving its plan. A module registers one in its <c>AddServices</c>; the core names no
/// programme. Each method adds its Chinese messages to <paramref name="v"/>; the visit is loaded with its visitors
/// and targets and must not be changed.
/// </summary>
public interface IVisitStatusCheck
{
    /// <summary>The programme whose visits this checks.</summary>
    string ProgrammeKey { get; }

    Task CheckNotifiedAsync(PortalDbContext db, PortalUser user, Visit visit, ProgrammeRules rules, Validator v, CancellationToken ct) => Task.CompletedTask;

    Task CheckOutcomeAsync(PortalDbContext db, PortalUser user, Visit visit, VisitOutcome outcome, ProgrammeRules rules, Validator v, CancellationToken ct) =>
        Task.CompletedTask;

    Task CheckApprovalAsync(PortalDbContext db, PortalUser user, Visit visit, bool approve, ProgrammeRules rules, Validator v, CancellationToken ct) =>
        Task.CompletedTask;
}
