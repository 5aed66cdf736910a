using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.People;

public sealed record PersonFileVisit(
    int Id, string ProgrammeKey, VisitForm Form, VisitStatus Status, DateTime PlannedStart, DateTime? ActualStart, string? Place,
    string Visitors, string Targets, string FamilyMet, string? Record, string? ProblemsFound, string? Resolution);

public sealed record PersonFileFollowUp(
    int Id, string ProgrammeKey, int? VisitId, FollowUpKind Kind, string Summary, string? RaisedBy, string? OwnerName, FollowUpStatus Status,
    DateOnly? Deadline, DateTime CreatedAt, string? Resolution, string? Feedback, int Reports, DateOnly? LastReportedOn, DateOnly? NextReportDue);

/// <summary>
/// 个人廉政档案 (seed 3 三、5 “按一人一档的原则建立个人廉政档案”): one person's visits (visited and visiting),
/// the sections programme modules add (<see cref="IPersonFileSection"/>) and follow-up items across programmes, each as
/// far as the viewer may see it.
/// </summary>
public sealed record PersonFile(
    int PersonId, string Name, string StaffNumber, string? UnitName, string? Position, string? Rank, PartyMembership Party,
    IReadOnlyList<PersonFileVisit> VisitsAsTarget, IReadOnlyList<PersonFileVisit> VisitsAsVisitor,
    IReadOnlyList<PersonFileSection> Sections, IReadOnlyList<PersonFileFollowUp> FollowUps,
    DateTime GeneratedAt, string ViewerName, bool ViewerIsOverseer);

/// <summary>
/// Opens a person's file. Who may: the person themself, the leaders of their unit (or of a unit above it, or of
/// their party branch), and the institution's oversight roles; not a colleague. What is in it follows each
/// service's own visibility (<see cref="VisitService"/>, <see cref="FollowUpService"/>, each <see cref="IPersonFileSection"/>),
/// so a programme's records (受处分人员回访关爱, say) appear only to those who may see them anyway. Audited.
/// </summary>
public sealed class PersonFileService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, IEnumerable<IPersonFileSection> sections,
    FollowUpReportService reports, TimeProvider clock)
{
    private const int MaxRows = 500;

    /// <summary>Whether the user may open this person's file (without reading it).</summary>
    public async Task<bool> CanOpenAsync(PortalUser user, int personId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CanOpenAsync(db, user, personId, ct);
    }

    private async Task<bool> CanOpenAsync(PortalDbContext db, PortalUser user, int personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.InstitutionId == user.InstitutionId)
            .Select(p => new { p.UnitId, p.PartyBranchId }).FirstOrDefaultAsync(ct);
        if (person is null) return false;
        if (user.PersonId == personId || user.OverseesInstitution) return true;
        if (user.PersonId is not int me) return false;

        // The person's unit and every unit above it, and their party branch.
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == user.InstitutionId)
            .Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var chain = new HashSet<int>();
        for (var id = person.UnitId; id is int u && chain.Add(u); id = units.GetValueOrDefault(u)) { }
        if (person.PartyBranchId is int branch) chain.Add(branch);
        var today = clock.Today();
        return await db.UnitLeaderships.AnyAsync(l => l.PersonId == me && chain.Contains(l.UnitId) &&
                                                      (l.StartsOn == null || l.StartsOn <= today) && (l.EndsOn == null || l.EndsOn >= today), ct);
    }

    public async Task<PersonFile> GetAsync(PortalUser user, int personId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        if (!await CanOpenAsync(db, user, personId, ct)) throw new AccessDeniedException("您无权查看该人员的个人廉政档案。");
        var person = await db.People.AsNoTracking().Include(p => p.Unit).FirstAsync(p => p.Id == personId, ct);
        var overseen = programmes.OverseenBy(user);

        var visible = VisitService.Visible(db, user, overseen).AsNoTracking();
        var asTarget = await VisitsAsync(visible.Where(v => v.Targets.Any(t => t.PersonId == personId)), ct);
        var asVisitor = await VisitsAsync(visible.Where(v => v.Visitors.Any(x => x.PersonId == personId)), ct);

        var added = new List<PersonFileSection>();
        foreach (var section in sections)
            added.Add(new PersonFileSection(section.Component, await section.LoadAsync(db, user, personId, MaxRows, ct)));

        var reportRows = db.Set<FollowUpReport>();
        var items = await FollowUpService.Visible(db, user, overseen).AsNoTracking()
            .Where(f => f.RaisedByPersonId == personId || (f.VisitId != null && f.Visit!.Targets.Any(t => t.PersonId == personId)))
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Take(MaxRows)
            .Select(f => new
            {
                f.Id, f.ProgrammeKey, f.VisitId, f.Kind, f.Summary,
                RaisedBy = f.RaisedByPerson != null ? f.RaisedByPerson.Name : f.RaisedByName,
                Owner = f.OwnerPerson != null ? f.OwnerPerson.Name : null,
                f.Status, f.Deadline, f.CreatedAt, f.Resolution, f.Feedback,
                Reports = reportRows.Count(r => r.FollowUpItemId == f.Id),
                LastReport = reportRows.Where(r => r.FollowUpItemId == f.Id).Max(r => (DateOnly?)r.ReportedOn),
            })
            .ToListAsync(ct);

        db.AuditRead(nameof(Person), personId, "个人廉政档案");
        await db.SaveChangesAsync(ct);

        return new PersonFile(person.Id, person.Name, person.StaffNumber, person.Unit?.Name, person.Position, person.Rank, person.Party,
            asTarget, asVisitor, added,
            items.Select(f => new PersonFileFollowUp(f.Id, f.ProgrammeKey, f.VisitId, f.Kind, f.Summary, f.RaisedBy, f.Owner, f.Status, f.Deadline,
                f.CreatedAt, f.Resolution, f.Feedback, f.Reports, f.LastReport,
                f.Status is FollowUpStatus.Open or FollowUpStatus.InProgress ? reports.NextDue(f.CreatedAt, f.LastReport) : null)).ToList(),
            clock.GetUtcNow().UtcDateTime, user.DisplayName, user.OverseesInstitution);
    }

    private static async Task<List<PersonFileVisit>> VisitsAsync(IQueryable<Visit> visits, CancellationToken ct)
    {
        // Up to MaxRows visits with three collections: split, so visitors × targets × family met do not multiply.
        var rows = await visits.OrderByDescending(v => v.EffectiveStart).ThenByDescending(v => v.Id).Take(MaxRows)
            .AsSplitQuery()
            .Select(v => new
            {
                v.Id, v.ProgrammeKey, v.Form, v.Status, v.PlannedStart, v.ActualStart, v.Place, v.Record, v.ProblemsFound, v.Resolution,
                Visitors = v.Visitors.OrderByDescending(x => x.IsRecorder).Select(x => x.Person!.Name).ToList(),
                Targets = v.Targets.Select(t => t.Person != null ? t.Person.Name : t.OrgUnit!.Name).ToList(),
                FamilyMet = v.FamilyMet.Select(m => m.FamilyMember!.Name).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(v => new PersonFileVisit(v.Id, v.ProgrammeKey, v.Form, v.Status, v.PlannedStart, v.ActualStart, v.Place,
                string.Join("、", v.Visitors), string.Join("、", v.Targets), string.Join("、", v.FamilyMet), v.Record, v.ProblemsFound, v.Resolution))
            .ToList();
    }
}
