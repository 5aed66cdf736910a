using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// Requests (诉求) of seed 2: filed in the portal, recorded during a visit or posted by the mini-program; routed by tier to
/// the unit's deputy in charge, its head or the county-level leader linked to it; handled by a home visit; closed only with
/// a resolution and the feedback given to the cadre. Overdue requests escalate (<see cref="EscalateDueAsync"/>).
/// The organisation department and the other overseer roles see every request and every step.
/// </summary>
public sealed class GanbuRequestService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ProgrammeRulesService rules, VisitService visits,
    ProgrammeAccess access, TimeProvider clock)
{
    public const string SystemActor = "系统（逾期检查）";

    private static readonly GanbuRequestStatus[] OpenStatuses = [GanbuRequestStatus.Open, GanbuRequestStatus.InHandling];

    /// <summary>
    /// The requests a user may see: overseers all of the institution's; others those they asked for, filed, handle now or
    /// handled before, or visited for.
    /// </summary>
    internal static IQueryable<GanbuRequest> Visible(PortalDbContext db, PortalUser user, bool oversees)
    {
        var requests = db.Set<GanbuRequest>().Where(r => r.InstitutionId == user.InstitutionId);
        if (oversees) return requests;
        var me = user.PersonId ?? -1;
        var userId = user.UserId;
        return requests.Where(r => r.RequesterPersonId == me || r.HandlerPersonId == me || r.CreatedByUserId == userId ||
                                   r.Steps.Any(s => s.HandlerPersonId == me) ||
                                   r.Visits.Any(l => l.Visit!.Visitors.Any(v => v.PersonId == me)));
    }

    private bool Oversees(PortalUser user) => GanbuAccess.Oversees(programmes, user);

    // ---------------------------------------------------------------- filing

    /// <summary>
    /// Files a request in the portal, for oneself, or (the organisation department, admins, or the visitors of the visit it
    /// was raised in) for a cadre. Routed at once; a unit without the leader the tier needs refuses it with a message naming
    /// what is missing (field <c>Tier</c>).
    /// </summary>
    public async Task<int> FileAsync(PortalUser user, GanbuRequestInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = ValidateContent(input.Category, input.Tier, input.Summary, input.Description);

        var source = GanbuRequestSource.Portal;
        var requesterId = input.RequesterPersonId;
        if (input.SourceVisitId is int visitId)
        {
            var visit = await VisitService.Visible(db, user, programmes.OverseenBy(user)).AsNoTracking()
                .Include(x => x.Visitors).Include(x => x.Targets).AsSingleQuery()
                .FirstOrDefaultAsync(x => x.Id == visitId, ct) ?? throw new NotFoundException("所选家访不存在或无权查看。");
            var takesPart = user.PersonId is int me && visit.Visitors.Any(x => x.PersonId == me);
            if (!takesPart && !Oversees(user)) throw new AccessDeniedException("只有参加该家访的人员可以登记家访中提出的诉求。");
            if (visit.ProgrammeKey != GanbuAccess.ProgrammeKey)
                throw new PortalValidationException(nameof(input.SourceVisitId), "只有干部家访中可以登记诉求。");
            if (visit.Status == VisitStatus.Cancelled)
                throw new PortalValidationException(nameof(input.SourceVisitId), "已取消的家访不能登记诉求。");
            var targets = visit.Targets.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value).ToList();
            requesterId ??= targets.Count > 0 ? targets[0] : null;
            v.Check(requesterId is null || targets.Contains(requesterId.Value), nameof(input.RequesterPersonId), "诉求提出人须是该次家访的对象。");
            source = GanbuRequestSource.Visit;
        }
        else if (requesterId is int someone && someone != user.PersonId)
        {
            v.Check(GanbuAccess.Directs(user), nameof(input.RequesterPersonId), "只能为本人提交诉求；代他人提交请在家访中登记或由组织部录入。");
        }
        requesterId ??= user.PersonId;
        v.Check(requesterId is not null, nameof(input.RequesterPersonId), "请选择提出诉求的干部。");
        v.ThrowIfInvalid();

        var requester = await db.People.AsNoTracking()
            .Where(p => p.Id == requesterId && p.InstitutionId == user.InstitutionId)
            .Select(p => new RequesterInfo(p.Id, p.Name, p.UnitId, p.Unit != null ? p.Unit.Name : null))
            .FirstOrDefaultAsync(ct);
        if (requester is null) throw new PortalValidationException(nameof(input.RequesterPersonId), "所选人员不存在。");
        await EnsureEnabledAsync(user.InstitutionId, ct);

        var request = await CreateAsync(db, user.InstitutionId, requester, input.Category!.Value, input.Tier, input.Summary!, input.Description,
            source, input.SourceVisitId, apiKeyId: null, clientRequestId: null, createdByUserId: user.UserId, actorName: user.DisplayName,
            requesterField: nameof(input.RequesterPersonId), ct);
        return request.Id;
    }

    /// <summary>
    /// A submission through the intake API. A client request id already used with this key returns the original request
    /// (<c>Created</c> false) and files nothing; otherwise the submission is validated (fields <c>ClientRequestId</c>,
    /// <c>StaffNumber</c>, <c>Category</c>, <c>Tier</c>, <c>Summary</c>, <c>Description</c>) and filed.
    /// </summary>
    public async Task<(GanbuApiRequestView Request, bool Created)> SubmitAsync(GanbuApiCaller caller, GanbuApiSubmission s, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = ApiActor(caller);
        db.Clock = clock;

        var clientId = s.ClientRequestId?.Trim();
        if (!string.IsNullOrEmpty(clientId) && await FindApiAsync(db, caller, clientId, ct) is { } existing) return (existing, false);

        var v = ValidateContent(s.Category, s.Tier, s.Summary, s.Description);
        v.Require(nameof(s.ClientRequestId), clientId, "客户端请求编号（clientRequestId）")
            .MaxLength(nameof(s.ClientRequestId), clientId, GanbuLimits.ClientRequestId, "客户端请求编号")
            .Require(nameof(s.StaffNumber), s.StaffNumber, "提出诉求干部的工号")
            .MaxLength(nameof(s.StaffNumber), s.StaffNumber?.Trim(), GanbuLimits.StaffNumber, "工号");
        RequesterInfo? requester = null;
        if (!string.IsNullOrWhiteSpace(s.StaffNumber))
        {
            var number = s.StaffNumber.Trim();
            requester = await db.People.AsNoTracking()
                .Where(p => p.InstitutionId == caller.InstitutionId && p.StaffNumber == number)
                .Select(p => new RequesterInfo(p.Id, p.Name, p.UnitId, p.Unit != null ? p.Unit.Name : null))
                .FirstOrDefaultAsync(ct);
            v.Check(requester is not null, nameof(s.StaffNumber), $"本单位没有工号为“{number}”的人员。");
        }
        v.ThrowIfInvalid();
        await EnsureEnabledAsync(caller.InstitutionId, ct);

        try
        {
            var request = await CreateAsync(db, caller.InstitutionId, requester!, s.Category!.Value, s.Tier, s.Summary!, s.Description,
                GanbuRequestSource.Api, sourceVisitId: null, apiKeyId: caller.KeyId, clientRequestId: clientId, createdByUserId: null,
                actorName: $"家访小程序（密钥：{caller.KeyName}）", requesterField: nameof(s.StaffNumber), ct);
            return (await FindApiAsync(db, caller, clientId!, ct) ?? throw new NotFoundException(), true);
        }
        catch (DbUpdateException)
        {
            // The same submission arrived twice at once: the unique (key, client id) index let one through.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            if (await FindApiAsync(again, caller, clientId!, ct) is { } original) return (original, false);
            throw;
        }
    }

    /// <summary>A request filed through the institution's API, for the mini-program to follow; null when there is none.</summary>
    public async Task<GanbuApiRequestView?> GetForApiAsync(GanbuApiCaller caller, int id, CancellationToken ct = default)
    {
        await EscalateDueAsync(caller.InstitutionId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ApiView(db.Set<GanbuRequest>().Where(r => r.InstitutionId == caller.InstitutionId && r.Source == GanbuRequestSource.Api && r.Id == id),
            clock.Today()).FirstOrDefaultAsync(ct);
    }

    private Task<GanbuApiRequestView?> FindApiAsync(PortalDbContext db, GanbuApiCaller caller, string clientId, CancellationToken ct) =>
        ApiView(db.Set<GanbuRequest>().Where(r => r.InstitutionId == caller.InstitutionId && r.ApiKeyId == caller.KeyId && r.ClientRequestId == clientId),
            clock.Today()).FirstOrDefaultAsync(ct);

    private static IQueryable<GanbuApiRequestView> ApiView(IQueryable<GanbuRequest> q, DateOnly today) =>
        q.Select(r => new GanbuApiRequestView(r.Id, r.ClientRequestId, r.Status, r.Category, r.Tier, r.HandlingTier, r.Unit!.Name,
            r.Handler!.Name, r.Handler.Position, r.Deadline,
            (r.Status == GanbuRequestStatus.Open || r.Status == GanbuRequestStatus.InHandling) && r.Deadline < today,
            r.CreatedAt, r.Resolution, r.Feedback));

    internal static PortalUser ApiActor(GanbuApiCaller caller) =>
        new(0, $"api:{caller.KeyName}", $"API：{caller.KeyName}", caller.InstitutionId, null, new HashSet<string>());

    private static Validator ValidateContent(GanbuCategory? category, GanbuTier tier, string? summary, string? description) =>
        new Validator()
            .Check(category is { } c && Enum.IsDefined(c), nameof(GanbuRequestInput.Category), "请选择诉求类别。")
            .Check(Enum.IsDefined(tier), nameof(GanbuRequestInput.Tier), "请选择困难程度。")
            .Require(nameof(GanbuRequestInput.Summary), summary, "诉求内容")
            .MaxLength(nameof(GanbuRequestInput.Summary), summary?.Trim(), GanbuLimits.Summary, "诉求内容")
            .MaxLength(nameof(GanbuRequestInput.Description), description?.Trim(), GanbuLimits.Description, "详细情况");

    private async Task EnsureEnabledAsync(int institutionId, CancellationToken ct)
    {
        if (!await rules.IsEnabledAsync(institutionId, GanbuAccess.ProgrammeKey, ct))
            throw new PortalValidationException("Programme", "本单位未启用干部家访，不能提交诉求。");
    }

    private sealed record RequesterInfo(int Id, string Name, int? UnitId, string? UnitName);

    private async Task<GanbuRequest> CreateAsync(
        PortalDbContext db, int institutionId, RequesterInfo requester, GanbuCategory category, GanbuTier tier, string summary,
        string? description, GanbuRequestSource source, int? sourceVisitId, int? apiKeyId, string? clientRequestId, int? createdByUserId,
        string actorName, string requesterField, CancellationToken ct)
    {
        if (requester.UnitId is not int unitId)
            throw new PortalValidationException(requesterField, $"{requester.Name}未设置所在单位，无法分派办理人。请先在人员信息中设置单位。");
        var today = clock.Today();
        var route = await GanbuRouting.FindAsync(db, institutionId, unitId, tier, today, requester.Id, ct)
                    ?? throw new PortalValidationException(nameof(GanbuRequestInput.Tier), GanbuRouting.MissingMessage(requester.UnitName ?? "", tier));
        var settings = await GanbuSettingsService.ForAsync(db, institutionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new GanbuRequest
        {
            InstitutionId = institutionId,
            RequesterPersonId = requester.Id,
            UnitId = unitId,
            Category = category,
            Tier = tier,
            HandlingTier = tier,
            Summary = summary.Trim(),
            Description = TextInput.Clean(description),
            HandlerPersonId = route.PersonId,
            Deadline = today.AddDays(settings.DaysFor(tier)),
            Status = GanbuRequestStatus.Open,
            Source = source,
            SourceVisitId = sourceVisitId,
            ApiKeyId = apiKeyId,
            ClientRequestId = clientRequestId,
            CreatedByUserId = createdByUserId,
            CreatedAt = now,
            FiledOn = today,
        };
        request.Steps.Add(Step(institutionId, now, GanbuStepKind.Filed, createdByUserId, actorName,
            note: $"{GanbuLabels.Of(source)}：{GanbuLabels.Of(category)}，{GanbuLabels.Of(tier)}"));
        request.Steps.Add(Step(institutionId, now, GanbuStepKind.Assigned, createdByUserId, actorName, route.PersonId,
            note: AssignmentNote(tier, route, request.Deadline)));
        db.Set<GanbuRequest>().Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    private static string AssignmentNote(GanbuTier tier, GanbuRoute route, DateOnly deadline) =>
        $"由{GanbuLabels.HandlerOf(tier)}{route.Name}办理，期限 {deadline:yyyy-MM-dd}" +
        (route.FromAbove ? $"（本单位未设置，由上级单位“{route.UnitName}”的领导办理）" : "") + "；已报县委组织部。";

    private static GanbuRequestStep Step(int institutionId, DateTime at, GanbuStepKind kind, int? actorUserId, string actorName,
        int? handlerPersonId = null, int? visitId = null, string? note = null) => new()
    {
        InstitutionId = institutionId, At = at, Kind = kind, ActorUserId = actorUserId,
        ActorName = actorName.Length > 100 ? actorName[..100] : actorName,
        HandlerPersonId = handlerPersonId, VisitId = visitId,
        Note = note is { Length: > 2000 } ? note[..2000] : note,
    };

    /// <summary>Who the request would go to, for the form to say before it is filed; null with the reason when no one.</summary>
    public async Task<(GanbuRoute? Route, string? Problem)> PreviewRouteAsync(PortalUser user, int? requesterPersonId, GanbuTier tier, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = requesterPersonId ?? user.PersonId;
        var person = await db.People.AsNoTracking().Where(p => p.Id == id && p.InstitutionId == user.InstitutionId)
            .Select(p => new { p.Id, p.Name, p.UnitId, UnitName = p.Unit != null ? p.Unit.Name : null }).FirstOrDefaultAsync(ct);
        if (person is null) return (null, null);
        if (person.UnitId is not int unitId) return (null, $"{person.Name}未设置所在单位，无法分派办理人。");
        var route = await GanbuRouting.FindAsync(db, user.InstitutionId, unitId, tier, clock.Today(), person.Id, ct);
        return route is null ? (null, GanbuRouting.MissingMessage(person.UnitName ?? "", tier)) : (route, null);
    }

    // ---------------------------------------------------------------- reading

    public async Task<PagedResult<GanbuRequestRow>> ListAsync(PortalUser user, GanbuRequestQuery q, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        await EscalateDueAsync(user.InstitutionId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today();
        var me = user.PersonId ?? -1;
        var requests = Visible(db, user, Oversees(user)).AsNoTracking();
        requests = q.Scope switch
        {
            GanbuRequestScope.Mine => requests.Where(r => r.RequesterPersonId == me || r.CreatedByUserId == user.UserId),
            GanbuRequestScope.Queue => requests.Where(r => r.HandlerPersonId == me),
            _ => requests,
        };
        if (q.Status is GanbuRequestStatus status) requests = requests.Where(r => r.Status == status);
        if (q.Tier is GanbuTier tier) requests = requests.Where(r => r.Tier == tier);
        if (q.Category is GanbuCategory category) requests = requests.Where(r => r.Category == category);
        if (q.UnitId is int unitId) requests = requests.Where(r => r.UnitId == unitId);
        if (q.OpenOnly || q.AttentionOnly) requests = requests.Where(r => r.Status == GanbuRequestStatus.Open || r.Status == GanbuRequestStatus.InHandling);
        if (q.AttentionOnly) requests = requests.Where(r => r.Deadline < today || r.EscalationLevel > 0);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            // Titles and names through their search indexes (TextSearch) rather than a substring test on every request.
            var titled = TextSearch.Matching<GanbuRequest>(db, r => r.Summary, s);
            var people = TextSearch.Matching(db, SearchField.PersonName, s);
            requests = requests.Where(r => titled.Contains(r.Id) || people.Contains(r.RequesterPersonId) || people.Contains(r.HandlerPersonId)
                || r.Unit!.Name.Contains(s));
        }

        var total = await requests.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var page = Math.Max(1, q.Page);
        var rows = requests
            .OrderBy(r => r.Status == GanbuRequestStatus.Resolved || r.Status == GanbuRequestStatus.Withdrawn)
            .ThenBy(r => r.Deadline).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize);
        return new PagedResult<GanbuRequestRow>(await Project(rows, today).ToListAsync(ct), total, page, pageSize);
    }

    internal static IQueryable<GanbuRequestRow> Project(IQueryable<GanbuRequest> q, DateOnly today) =>
        q.Select(r => new GanbuRequestRow(r.Id, r.Version, r.Summary, r.Category, r.Tier, r.HandlingTier, r.Requester!.Name, r.Requester.Position,
            r.Unit!.Name, r.Handler!.Name, r.Deadline, r.Status,
            (r.Status == GanbuRequestStatus.Open || r.Status == GanbuRequestStatus.InHandling) && r.Deadline < today,
            r.EscalationLevel, r.Source, r.CreatedAt, r.ClosedAt));

    /// <summary>One request with its steps and visits; the read is audited (a cadre's illness or family trouble is sensitive).</summary>
    public async Task<GanbuRequestDetail> GetAsync(PortalUser user, int id, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        await EscalateDueAsync(user.InstitutionId, ct);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var oversees = Oversees(user);
        var r = await Visible(db, user, oversees).AsNoTracking()
            .Include(x => x.Requester)
            .Include(x => x.Handler)
            .Include(x => x.Unit)
            .Include(x => x.Steps).ThenInclude(s => s.Handler)
            .Include(x => x.Visits).ThenInclude(l => l.Visit!).ThenInclude(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(x => x.Visits).ThenInclude(l => l.Visit!).ThenInclude(v => v.Targets).ThenInclude(x => x.Person)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();

        var visitIds = r.Visits.Select(l => l.VisitId).ToList();
        var archived = await db.Set<GanbuRecordArchive>().Where(a => visitIds.Contains(a.VisitId)).Select(a => a.VisitId).ToListAsync(ct);
        var handlerHasAccount = await db.UserAccounts.AnyAsync(a => a.PersonId == r.HandlerPersonId && !a.IsDisabled, ct);
        db.AuditRead(nameof(GanbuRequest), r.Id);
        await db.SaveChangesAsync(ct);

        var me = user.PersonId;
        var today = clock.Today();
        var isOpen = OpenStatuses.Contains(r.Status);
        var isHandler = me == r.HandlerPersonId;
        var linked = r.Visits.OrderBy(l => l.Visit!.PlannedStart).Select(l =>
        {
            var visit = l.Visit!;
            var canRead = oversees || (me is int p && visit.Visitors.Any(x => x.PersonId == p));
            var form = VisitFormData.Parse(visit.FormDataJson);
            return new GanbuLinkedVisit(visit.Id, l.Purpose, visit.Form, visit.Status, visit.PlannedStart, visit.ActualStart,
                string.Join("、", visit.Visitors.OrderByDescending(x => !x.IsRecorder).Select(x => x.Person!.Name)),
                string.Join("、", visit.Targets.Where(t => t.Person != null).Select(t => t.Person!.Name)),
                visit.CompletedAt, canRead, archived.Contains(visit.Id))
            {
                Record = canRead ? visit.Record : null,
                Resolution = canRead ? visit.Resolution : null,
                Methods = canRead ? form.GetValueOrDefault("Methods") : null,
                Greeting = canRead && VisitFormData.IsYes(form.GetValueOrDefault("Greeting")),
                OpinionsSought = canRead ? form.GetValueOrDefault("OpinionsSought") : null,
                NeedsHeard = canRead ? form.GetValueOrDefault("NeedsHeard") : null,
            };
        }).ToList();

        return new GanbuRequestDetail(r.Id, r.Version, r.Category, r.Tier, r.HandlingTier, r.Summary, r.Description,
            r.RequesterPersonId, r.Requester!.Name, r.Requester.Position, r.UnitId, r.Unit!.Name,
            r.HandlerPersonId, r.Handler!.Name, r.Handler.Position, handlerHasAccount,
            r.Deadline, isOpen && r.Deadline < today, r.EscalationLevel, r.EscalatedOn, r.OverdueSince,
            r.Status, r.Source, r.SourceVisitId, r.ClientRequestId, r.Resolution, r.Feedback, r.WithdrawReason, r.CreatedAt, r.ClosedAt,
            r.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
                .Select(s => new GanbuStepView(s.At, s.Kind, s.ActorName, s.Handler?.Name, s.VisitId, s.Note)).ToList(),
            linked)
        {
            CanPlanVisit = isOpen && isHandler,
            CanResolve = isOpen && isHandler,
            CanWithdraw = isOpen && (isHandler || me == r.RequesterPersonId || r.CreatedByUserId == user.UserId || GanbuAccess.Directs(user)),
            CanDirect = isOpen && GanbuAccess.Directs(user),
            CanRevisit = r.Status != GanbuRequestStatus.Withdrawn && GanbuAccess.IsOrganisationDept(user) && user.PersonId is not null,
        };
    }

    /// <summary>
    /// For a 干部家访's page: the requests it handled, revisited or raised that the user may see, with the link's meaning
    /// (办理家访, 组织部回访, 家访中提出); whether the user may record a request raised in it (takes part or oversees, not
    /// cancelled); whether its outcome is recorded. Null for a visit the user cannot see or of another programme, and while
    /// the user may not use the programme (switched off).
    /// </summary>
    public async Task<GanbuVisitContext?> ForVisitAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        // The panel sits on the core's visit page, which no Programme:ganbu policy guards.
        if (!await access.AllowsAsync(user, GanbuAccess.ProgrammeKey)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId ?? -1;
        var visit = await VisitService.Visible(db, user, programmes.OverseenBy(user)).AsNoTracking()
            .Where(v => v.Id == visitId && v.ProgrammeKey == GanbuAccess.ProgrammeKey)
            .Select(v => new { v.Status, TakesPart = v.Visitors.Any(x => x.PersonId == me) })
            .FirstOrDefaultAsync(ct);
        if (visit is null) return null;
        var rows = await Visible(db, user, Oversees(user)).AsNoTracking()
            .Where(r => r.SourceVisitId == visitId || r.Visits.Any(l => l.VisitId == visitId))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Summary, r.Status,
                Purpose = r.Visits.Where(l => l.VisitId == visitId).Select(l => (GanbuVisitPurpose?)l.Purpose).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new GanbuVisitContext(
            visit.Status != VisitStatus.Cancelled && (visit.TakesPart || Oversees(user)),
            visit.Status == VisitStatus.Done,
            rows.Select(r => new GanbuVisitRequest(r.Id, r.Summary, r.Status, r.Purpose is { } p ? GanbuLabels.Of(p) : "家访中提出")).ToList());
    }

    // ---------------------------------------------------------------- handling

    /// <summary>
    /// The handler plans the home visit that handles the request (看、谈、听、访; the 三个一 are recorded with the visit's
    /// outcome). The visit is a 干部家访 上门家访 to the requester, under the programme's rules; the request is then in handling.
    /// </summary>
    public async Task<int> PlanVisitAsync(PortalUser user, int id, GanbuVisitInput input, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        var r = await LoadForVisitAsync(user, id, input.Version, ct);
        if (user.PersonId != r.HandlerPersonId) throw new AccessDeniedException("只有当前办理人可以安排办理家访。");
        if (input.PlannedStart is { } start)
        {
            // The visit is linked to the request only after it is saved, so the plan check cannot see the request yet.
            var v = new Validator();
            GanbuVisitRules.CheckNotBeforeFiled(v, start, r.CreatedAt);
            v.ThrowIfInvalid();
        }
        var rulesNow = await rules.CurrentRulesAsync(user.InstitutionId, GanbuAccess.ProgrammeKey, ct);
        var trigger = GanbuLabels.Of(r.Category);
        var plan = new VisitPlan
        {
            ProgrammeKey = GanbuAccess.ProgrammeKey,
            Form = VisitForm.HomeVisit,
            PlannedStart = input.PlannedStart,
            DurationMinutes = input.DurationMinutes,
            Place = TextInput.Clean(input.Place) ?? r.Requester!.HomeAddress,
            Purpose = Truncate($"办理诉求：{r.Summary}", 500),
            VisitorIds = [user.PersonId!.Value, .. input.CompanionIds.Where(c => c != user.PersonId).Distinct()],
            RecorderId = user.PersonId,
            TargetPersonIds = [r.RequesterPersonId],
            Trigger = rulesNow.PriorityTriggers.Contains(trigger) ? trigger : null,
        };
        var visitId = await visits.SavePlanAsync(user, plan, ct);
        await LinkAsync(user, id, visitId, GanbuVisitPurpose.Handling, GanbuStepKind.VisitPlanned,
            $"计划 {input.PlannedStart:yyyy-MM-dd HH:mm} 上门家访{r.Requester!.Name}", ct);
        return visitId;
    }

    /// <summary>
    /// The organisation department's own follow-up visit (回访, seed 2 §二) on how the unit handled the request: a 定期回访
    /// by the department member to the requester or the handler.
    /// </summary>
    public async Task<int> PlanRevisitAsync(PortalUser user, int id, GanbuVisitInput input, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        if (!GanbuAccess.IsOrganisationDept(user) || user.PersonId is not int me)
            throw new AccessDeniedException("只有县委组织部人员可以安排回访。");
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var r = await Visible(db, user, Oversees(user)).AsNoTracking().Include(x => x.Requester).Include(x => x.Handler)
                .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
            if (r.Status == GanbuRequestStatus.Withdrawn) throw new PortalValidationException("Status", "已撤回的诉求不安排回访。");
            var target = input.TargetPersonId ?? r.RequesterPersonId;
            if (target != r.RequesterPersonId && target != r.HandlerPersonId)
                throw new PortalValidationException(nameof(input.TargetPersonId), "回访对象须是诉求提出人或办理人。");
            var targetPerson = target == r.RequesterPersonId ? r.Requester! : r.Handler!;
            if (input.PlannedStart is { } start)
            {
                var v = new Validator();
                GanbuVisitRules.CheckNotBeforeFiled(v, start, r.CreatedAt);
                v.ThrowIfInvalid();
            }
            var plan = new VisitPlan
            {
                ProgrammeKey = GanbuAccess.ProgrammeKey,
                Form = VisitForm.RegularRevisit,
                PlannedStart = input.PlannedStart,
                DurationMinutes = input.DurationMinutes,
                Place = TextInput.Clean(input.Place) ?? targetPerson.HomeAddress,
                Purpose = Truncate($"回访诉求办理情况：{r.Summary}", 500),
                VisitorIds = [me, .. input.CompanionIds.Where(c => c != me).Distinct()],
                RecorderId = me,
                TargetPersonIds = [target],
            };
            var visitId = await visits.SavePlanAsync(user, plan, ct);
            await LinkAsync(user, id, visitId, GanbuVisitPurpose.Revisit, GanbuStepKind.RevisitPlanned,
                $"计划 {input.PlannedStart:yyyy-MM-dd HH:mm} 回访{targetPerson.Name}", ct);
            return visitId;
        }
    }

    private async Task<GanbuRequest> LoadForVisitAsync(PortalUser user, int id, long version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await Visible(db, user, Oversees(user)).AsNoTracking().Include(x => x.Requester)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        EnsureOpen(r);
        if (r.Version != version) throw new ConcurrencyConflictException();
        return r;
    }

    private async Task LinkAsync(PortalUser user, int id, int visitId, GanbuVisitPurpose purpose, GanbuStepKind kind, string note, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await db.Set<GanbuRequest>().FirstAsync(x => x.Id == id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (purpose == GanbuVisitPurpose.Handling && r.Status == GanbuRequestStatus.Open) r.Status = GanbuRequestStatus.InHandling;
        r.Visits.Add(new GanbuRequestVisit { InstitutionId = r.InstitutionId, VisitId = visitId, Purpose = purpose, CreatedAt = now });
        r.Steps.Add(Step(r.InstitutionId, now, kind, user.UserId, user.DisplayName, visitId: visitId, note: note));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Closes a request: only its current handler, only after a handling visit was recorded, and only with both what was done
    /// and the feedback given to the cadre.
    /// </summary>
    public async Task ResolveAsync(PortalUser user, int id, GanbuCloseInput input, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        new Validator()
            .Require(nameof(input.Resolution), input.Resolution, "解决情况").MaxLength(nameof(input.Resolution), input.Resolution, 4000, "解决情况")
            .Require(nameof(input.Feedback), input.Feedback, "向干部反馈的情况").MaxLength(nameof(input.Feedback), input.Feedback, 4000, "反馈情况")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadForChangeAsync(db, user, id, input.Version, ct);
        if (user.PersonId != r.HandlerPersonId) throw new AccessDeniedException("只有当前办理人可以办结诉求。");
        var visited = await db.Set<GanbuRequestVisit>().AnyAsync(l => l.RequestId == id && l.Purpose == GanbuVisitPurpose.Handling &&
                                                               l.Visit!.Status == VisitStatus.Done, ct);
        if (!visited)
            throw new PortalValidationException(nameof(input.Resolution),
                "诉求须通过家访解决：请先安排并登记办理家访（看、谈、听、访，落实“三个一”），再办结。");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        r.Status = GanbuRequestStatus.Resolved;
        r.Resolution = input.Resolution!.Trim();
        r.Feedback = input.Feedback!.Trim();
        r.ClosedAt = now;
        r.ClosedOn = today;
        r.ClosedByUserId = user.UserId;
        if (today > r.Deadline) r.OverdueSince ??= r.Deadline.AddDays(1);
        r.Steps.Add(Step(r.InstitutionId, now, GanbuStepKind.Resolved, user.UserId, user.DisplayName,
            note: $"解决情况：{r.Resolution}\n反馈：{r.Feedback}"));
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>Withdraws a request with a reason: the cadre, whoever filed it, its handler, or the organisation department.</summary>
    public async Task WithdrawAsync(PortalUser user, int id, long version, string? reason, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        new Validator().Require("WithdrawReason", reason, "撤回原因").MaxLength("WithdrawReason", reason, 500, "撤回原因").ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadForChangeAsync(db, user, id, version, ct);
        var me = user.PersonId;
        if (me != r.HandlerPersonId && me != r.RequesterPersonId && r.CreatedByUserId != user.UserId && !GanbuAccess.Directs(user))
            throw new AccessDeniedException("只有诉求提出人、办理人或组织部可以撤回诉求。");
        var now = clock.GetUtcNow().UtcDateTime;
        r.Status = GanbuRequestStatus.Withdrawn;
        r.WithdrawReason = reason!.Trim();
        r.ClosedAt = now;
        r.ClosedOn = clock.Today();
        r.ClosedByUserId = user.UserId;
        r.Steps.Add(Step(r.InstitutionId, now, GanbuStepKind.Withdrawn, user.UserId, user.DisplayName, note: r.WithdrawReason));
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The organisation department re-assesses the tier: the request goes to that tier's leader with a new deadline.</summary>
    public async Task ReclassifyAsync(PortalUser user, int id, GanbuRedirectInput input, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        if (!GanbuAccess.Directs(user)) throw new AccessDeniedException("只有组织部和管理员可以调整诉求层级。");
        new Validator()
            .Check(Enum.IsDefined(input.Tier), nameof(input.Tier), "请选择困难程度。")
            .Require(nameof(input.Reason), input.Reason, "调整原因").MaxLength(nameof(input.Reason), input.Reason, 500, "调整原因")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadForChangeAsync(db, user, id, input.Version, ct);
        if (input.Tier == r.Tier && input.Tier == r.HandlingTier)
            throw new PortalValidationException(nameof(input.Tier), "诉求已是该层级。");
        var today = clock.Today();
        var unitName = await db.OrgUnits.Where(u => u.Id == r.UnitId).Select(u => u.Name).FirstAsync(ct);
        var route = await GanbuRouting.FindAsync(db, user.InstitutionId, r.UnitId, input.Tier, today, r.RequesterPersonId, ct)
                    ?? throw new PortalValidationException(nameof(input.Tier), GanbuRouting.MissingMessage(unitName, input.Tier));
        var settings = await GanbuSettingsService.ForAsync(db, user.InstitutionId, ct);
        var from = r.Tier;
        r.Tier = input.Tier;
        r.HandlingTier = input.Tier;
        r.HandlerPersonId = route.PersonId;
        r.Deadline = today.AddDays(settings.DaysFor(input.Tier));
        r.EscalatedOn = null;
        r.Steps.Add(Step(r.InstitutionId, clock.GetUtcNow().UtcDateTime, GanbuStepKind.Reclassified, user.UserId, user.DisplayName, route.PersonId,
            note: $"{GanbuLabels.Of(from)} → {GanbuLabels.Of(input.Tier)}：{input.Reason!.Trim()}；{AssignmentNote(input.Tier, route, r.Deadline)}"));
        await db.SaveOrConflictAsync(ct);
    }

    /// <summary>The organisation department hands the request to another leader (the deadline stays).</summary>
    public async Task ReassignAsync(PortalUser user, int id, GanbuRedirectInput input, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        if (!GanbuAccess.Directs(user)) throw new AccessDeniedException("只有组织部和管理员可以改派办理人。");
        var v = new Validator()
            .Check(input.HandlerPersonId is not null, nameof(input.HandlerPersonId), "请选择新的办理人。")
            .Require(nameof(input.Reason), input.Reason, "改派原因").MaxLength(nameof(input.Reason), input.Reason, 500, "改派原因");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var r = await LoadForChangeAsync(db, user, id, input.Version, ct);
        string? name = null;
        if (input.HandlerPersonId is int handler)
        {
            name = await db.People.Where(p => p.Id == handler && p.InstitutionId == user.InstitutionId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            v.Check(name is not null, nameof(input.HandlerPersonId), "所选人员不存在。");
            v.Check(handler != r.RequesterPersonId, nameof(input.HandlerPersonId), "办理人不能是诉求提出人本人。");
            v.Check(handler != r.HandlerPersonId, nameof(input.HandlerPersonId), "所选人员已是办理人。");
        }
        v.ThrowIfInvalid();
        r.HandlerPersonId = input.HandlerPersonId!.Value;
        r.Steps.Add(Step(r.InstitutionId, clock.GetUtcNow().UtcDateTime, GanbuStepKind.Reassigned, user.UserId, user.DisplayName, r.HandlerPersonId,
            note: $"改由{name}办理：{input.Reason!.Trim()}"));
        await db.SaveOrConflictAsync(ct);
    }

    private async Task<GanbuRequest> LoadForChangeAsync(PortalDbContext db, PortalUser user, int id, long version, CancellationToken ct)
    {
        var r = await Visible(db, user, Oversees(user)).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        EnsureOpen(r);
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        return r;
    }

    private static void EnsureOpen(GanbuRequest r)
    {
        if (!OpenStatuses.Contains(r.Status)) throw new PortalValidationException("Status", "该诉求已办结或已撤回。");
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    // ---------------------------------------------------------------- escalation

    /// <summary>
    /// Escalates the institution's overdue requests: an open request past its deadline moves up a tier, to that tier's leader
    /// with that tier's days from today (普通 → 一把手 → 分包县级领导); at the top, or when no one higher can take it, it is
    /// reported to the organisation department for supervision (督办) once per deadline. Each escalation is a step, counts in
    /// <see cref="GanbuRequest.EscalationLevel"/> and marks the request as having been overdue. Runs on every read of the
    /// requests and daily in the background; safe to run concurrently (a request changed meanwhile is left to the next run).
    /// </summary>
    public async Task<int> EscalateDueAsync(int institutionId, CancellationToken ct = default)
    {
        var today = clock.Today();
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Set<GanbuRequest>().AsNoTracking()
                .Where(r => r.InstitutionId == institutionId &&
                            (r.Status == GanbuRequestStatus.Open || r.Status == GanbuRequestStatus.InHandling) &&
                            r.Deadline < today && (r.EscalatedOn == null || r.EscalatedOn <= r.Deadline))
                .Select(r => r.Id).ToListAsync(ct);
        }
        var count = 0;
        foreach (var id in due)
        {
            try
            {
                if (await EscalateOneAsync(id, today, ct)) count++;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone (a page or the daily run) changed it meanwhile; the next run looks again.
            }
        }
        return count;
    }

    /// <summary>The daily run: every institution that has the programme switched on.</summary>
    public async Task<int> EscalateAllAsync(CancellationToken ct = default)
    {
        List<int> institutions;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            institutions = await db.Set<GanbuRequest>().Select(r => r.InstitutionId).Distinct().ToListAsync(ct);
        var count = 0;
        foreach (var institution in institutions)
            if (await rules.IsEnabledAsync(institution, GanbuAccess.ProgrammeKey, ct)) count += await EscalateDueAsync(institution, ct);
        return count;
    }

    private async Task<bool> EscalateOneAsync(int id, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Clock = clock;
        var r = await db.Set<GanbuRequest>().Include(x => x.Handler).FirstAsync(x => x.Id == id, ct);
        if (!OpenStatuses.Contains(r.Status) || r.Deadline >= today || (r.EscalatedOn is { } on && on > r.Deadline)) return false;

        var settings = await GanbuSettingsService.ForAsync(db, r.InstitutionId, ct);
        var previous = r.Deadline;
        var previousHandler = r.Handler!.Name;
        var now = clock.GetUtcNow().UtcDateTime;
        r.OverdueSince ??= previous.AddDays(1);
        r.EscalationLevel++;
        r.EscalatedOn = today;

        GanbuRoute? next = null;
        var nextTier = r.HandlingTier;
        for (var tier = r.HandlingTier + 1; tier <= GanbuTier.Major && next is null; tier++)
        {
            var route = await GanbuRouting.FindAsync(db, r.InstitutionId, r.UnitId, tier, today, r.RequesterPersonId, ct);
            if (route is not null && route.PersonId != r.HandlerPersonId) (next, nextTier) = (route, tier);
        }

        if (next is not null)
        {
            r.HandlingTier = nextTier;
            r.HandlerPersonId = next.PersonId;
            r.Deadline = today.AddDays(settings.DaysFor(nextTier));
            r.Steps.Add(Step(r.InstitutionId, now, GanbuStepKind.Escalated, null, SystemActor, next.PersonId,
                note: $"{previousHandler}办理逾期（期限 {previous:yyyy-MM-dd}），升级由{GanbuLabels.HandlerOf(nextTier)}{next.Name}办理，" +
                      $"新期限 {r.Deadline:yyyy-MM-dd}；已报县委组织部。"));
        }
        else
        {
            var why = r.HandlingTier == GanbuTier.Major ? "已是最高层级" : "上级层级无人可接办";
            r.Steps.Add(Step(r.InstitutionId, now, GanbuStepKind.OverdueReported, null, SystemActor, r.HandlerPersonId,
                note: $"{previousHandler}办理逾期（期限 {previous:yyyy-MM-dd}），{why}，已报县委组织部督办。"));
        }
        await db.SaveOrConflictAsync(ct);
        return true;
    }
}
