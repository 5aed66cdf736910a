using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HomeVisit.Core.Visits;

/// <summary>
/// Keeps <see cref="Visit.LeadVisitorPersonId"/> and <see cref="Visit.FirstTargetPersonId"/> in step with a visit's
/// visitors and targets, in the save that changes them (PortalDbContext.SaveChangesAsync), so the period summary groups
/// a period's visits by a column instead of a sorted subquery per visit. Every write of visitors and targets goes through
/// EF with the visit and its collections tracked (VisitService.SavePlanAsync, the demo data); the generator, which inserts
/// with plain SQL, runs <see cref="FillSql"/> afterwards, as the migration did for the rows before it.
/// </summary>
public static class VisitCounting
{
    /// <summary>Sets both columns of every visit of the institution from its rows (the same choice as <see cref="Keep"/>).</summary>
    public const string FillSql = """
        UPDATE "Visits" SET
            "LeadVisitorPersonId" = (SELECT x."PersonId" FROM "VisitVisitors" AS x WHERE x."VisitId" = "Visits"."Id" ORDER BY x."IsRecorder", x."Id" LIMIT 1),
            "FirstTargetPersonId" = (SELECT t."PersonId" FROM "VisitTargets" AS t WHERE t."VisitId" = "Visits"."Id" AND t."PersonId" IS NOT NULL ORDER BY t."Id" LIMIT 1)
        """;

    internal static void Keep(ChangeTracker tracker)
    {
        var touched = new HashSet<Visit>(ReferenceEqualityComparer.Instance);
        foreach (var e in tracker.Entries<Visit>())
            if (e.State == EntityState.Added) touched.Add(e.Entity);
        foreach (var e in tracker.Entries<VisitVisitor>())
            if (e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified && Parent(tracker, e.Entity.Visit, e.Entity.VisitId) is { } v) touched.Add(v);
        foreach (var e in tracker.Entries<VisitTarget>())
            if (e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified && Parent(tracker, e.Entity.Visit, e.Entity.VisitId) is { } v) touched.Add(v);

        foreach (var visit in touched)
        {
            var entry = tracker.Context.Entry(visit);
            if (entry.State == EntityState.Deleted) continue;
            // The collections in memory are the rows after the save (removed rows have left them); in the order they were
            // listed, which is the order of their ids once saved.
            var visitors = visit.Visitors.Where(x => tracker.Context.Entry(x).State != EntityState.Deleted).ToList();
            var lead = visitors.FirstOrDefault(x => !x.IsRecorder) ?? visitors.FirstOrDefault();
            var target = visit.Targets.FirstOrDefault(t => t.PersonId != null && tracker.Context.Entry(t).State != EntityState.Deleted);
            if (visit.LeadVisitorPersonId != lead?.PersonId) visit.LeadVisitorPersonId = lead?.PersonId;
            if (visit.FirstTargetPersonId != target?.PersonId) visit.FirstTargetPersonId = target?.PersonId;
        }
    }

    private static Visit? Parent(ChangeTracker tracker, Visit? visit, int visitId) =>
        visit ?? tracker.Entries<Visit>().FirstOrDefault(v => v.Entity.Id == visitId)?.Entity;
}
