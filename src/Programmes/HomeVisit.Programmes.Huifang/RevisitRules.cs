using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// Seed 5 第八条（二）“量身制定回访工作方案，报请学校纪委主要负责人审核同意”: a revisit's plan carries notes on the person and on
/// the case. A revisit planned elsewhere than 制定回访方案 (the general visit form, the API) has none until they are written
/// on the revisit's page; until then it can be neither approved nor recorded, whichever way is tried.
/// </summary>
public sealed class RevisitRules : IVisitStatusCheck
{
    public string ProgrammeKey => SanctionAccess.ProgrammeKey;

    public const string MissingNotes =
        "回访方案尚未填写回访对象情况（性格特点、思想和工作状况）和案情及相关政策法规要点（第八条（二））：请先在回访页面补充方案。";

    public async Task CheckApprovalAsync(PortalDbContext db, PortalUser user, Visit visit, bool approve, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        // Sending a plan back for its missing notes is what a rejection is for.
        if (!approve) return;
        v.Check(await HasNotesAsync(db, visit.Id, ct), "ApprovalNote", MissingNotes);
    }

    public async Task CheckOutcomeAsync(PortalDbContext db, PortalUser user, Visit visit, VisitOutcome outcome, ProgrammeRules rules, Validator v, CancellationToken ct) =>
        v.Check(await HasNotesAsync(db, visit.Id, ct), nameof(outcome.Record), MissingNotes);

    private static Task<bool> HasNotesAsync(PortalDbContext db, int visitId, CancellationToken ct) =>
        db.Set<Revisit>().AnyAsync(r => r.VisitId == visitId && r.PersonNotes != null && r.PersonNotes != "" && r.CaseNotes != null && r.CaseNotes != "", ct);
}
