using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>A text ready to print: its title and the rendered, filled template (safe markup).</summary>
public sealed record PrintedText(string Title, string Html, bool IsDefault, string Hash);

/// <summary>The printable 家庭助廉倡议书, 家庭助廉承诺书 (seed 3 附件 1 and 2) and 家访情况登记表 (三、3), from the institution's current texts.</summary>
public sealed class QinglianPrintService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ContentTemplateService templates, ProgrammeAccess access, TimeProvider clock)
{
    /// <summary>The proposal, addressed to every family of the institution; for anyone who may use the programme.</summary>
    public async Task<PrintedText> ProposalAsync(PortalUser user, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await InstitutionNameAsync(db, user, ct);
        var text = await templates.GetAsync(user.InstitutionId, QinglianProgramme.ProposalTemplate, ct);
        return Printed(text, new Dictionary<string, string?> { ["单位名称"] = institution, ["日期"] = ChineseDates.Day(clock.Today()) });
    }

    /// <summary>
    /// The commitment made out to one family member, for them to sign: for the leaders responsible for the household,
    /// the programme's overseers and the visitors of a visit to it.
    /// </summary>
    public async Task<PrintedText> CommitmentAsync(PortalUser user, int familyMemberId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.FamilyMembers.AsNoTracking()
            .Where(f => f.Id == familyMemberId && f.InstitutionId == user.InstitutionId)
            .Select(f => new { f.Name, f.Relation, f.PersonId, Staff = f.Person!.Name, Unit = f.Person.Unit != null ? f.Person.Unit.Name : null, f.Person.Position })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var oversees = programmes.OverseenBy(user).Contains(QinglianProgramme.Key);
        var scope = await HouseholdScope.ForAsync(db, user, oversees, clock.Today(), ct);
        var allowed = await scope.People(db, user.InstitutionId).AnyAsync(p => p.Id == member.PersonId, ct) ||
                      await VisitService.Visible(db, user, programmes.OverseenBy(user))
                          .AnyAsync(v => v.ProgrammeKey == QinglianProgramme.Key && v.Targets.Any(t => t.PersonId == member.PersonId), ct);
        if (!allowed || !user.CanVisit) throw new NotFoundException("该家庭不存在，或不在您的家访范围内。");

        var text = await templates.GetAsync(user.InstitutionId, QinglianProgramme.CommitmentTemplate, ct);
        return Printed(text, new Dictionary<string, string?>
        {
            ["单位名称"] = await InstitutionNameAsync(db, user, ct),
            ["承诺人"] = member.Name,
            ["与干部关系"] = VisitService.FamilyRelationText(member.Relation),
            ["干部姓名"] = member.Staff,
            ["干部单位职务"] = string.Join(" ", new[] { member.Unit, member.Position }.Where(s => !string.IsNullOrEmpty(s))),
            ["日期"] = "　　　　年　　月　　日",
        });
    }

    /// <summary>
    /// The 《家访情况登记表》 of a household (三、3), for the family to fill in: the staff member, the address, the family in
    /// scope and the household's latest visit this user may see. For the same readers as the commitment; the read is audited.
    /// </summary>
    public async Task<PrintedText> RegistrationAsync(PortalUser user, int personId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.InstitutionId == user.InstitutionId)
            .Select(p => new { p.Name, Unit = p.Unit != null ? p.Unit.Name : null, p.Position, p.HomeAddress })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var overseen = programmes.OverseenBy(user);
        var scope = await HouseholdScope.ForAsync(db, user, overseen.Contains(QinglianProgramme.Key), clock.Today(), ct);
        var visits = VisitService.Visible(db, user, overseen)
            .Where(v => v.ProgrammeKey == QinglianProgramme.Key && v.Status != VisitStatus.Cancelled && v.Targets.Any(t => t.PersonId == personId));
        var allowed = await scope.People(db, user.InstitutionId).AnyAsync(p => p.Id == personId, ct) || await visits.AnyAsync(ct);
        if (!allowed || !user.CanVisit) throw new NotFoundException("该家庭不存在，或不在您的家访范围内。");

        var family = (await db.FamilyMembers.AsNoTracking().Where(f => f.PersonId == personId).Where(QinglianProgramme.FamilyInScope)
                .Select(f => new { f.Id, f.Relation, f.Name }).ToListAsync(ct))
            .OrderBy(f => f.Relation).ThenBy(f => f.Id).Select(f => $"{VisitService.FamilyRelationText(f.Relation)} {f.Name}").ToList();
        var visit = await visits.OrderByDescending(v => v.EffectiveStart)
            .Select(v => new { v.PlannedStart, v.PlannedEnd, v.ActualStart, Visitors = v.Visitors.OrderBy(x => x.Id).Select(x => x.Person!.Name).ToList() })
            .FirstOrDefaultAsync(ct);
        db.AuditRead(nameof(HomeVisit.Core.People.Person), personId, "清廉家访：家访情况登记表");
        await db.SaveChangesAsync(ct);

        const string blank = "　";
        var text = await templates.GetAsync(user.InstitutionId, QinglianProgramme.RegistrationTemplate, ct);
        return Printed(text, new Dictionary<string, string?>
        {
            ["单位名称"] = await InstitutionNameAsync(db, user, ct),
            ["干部姓名"] = person.Name,
            ["干部单位职务"] = string.Join(" ", new[] { person.Unit, person.Position }.Where(s => !string.IsNullOrEmpty(s))),
            ["家庭住址"] = person.HomeAddress ?? blank,
            ["家庭成员"] = family.Count == 0 ? blank : string.Join("；", family),
            ["家访时间"] = visit is null ? blank : visit.ActualStart is { } done ? ChineseDates.Day(DateOnly.FromDateTime(done)) : ChineseDates.Span(visit.PlannedStart, visit.PlannedEnd),
            ["家访人员"] = visit is null ? blank : string.Join("、", visit.Visitors),
            ["日期"] = "　　　　年　　月　　日",
        });
    }

    private static Task<string> InstitutionNameAsync(PortalDbContext db, PortalUser user, CancellationToken ct) =>
        db.Institutions.AsNoTracking().Where(i => i.Id == user.InstitutionId).Select(i => i.Name).FirstAsync(ct);

    private static PrintedText Printed(TemplateText text, IReadOnlyDictionary<string, string?> values) =>
        new(text.Definition.Title, ContentTemplateService.Render(text.Markdown, values), text.IsDefault, text.Hash);
}
