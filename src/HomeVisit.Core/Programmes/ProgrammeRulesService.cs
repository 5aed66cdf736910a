using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Programmes;

public sealed record RuleHistoryEntry(int Id, DateOnly EffectiveFrom, DateTime ChangedAt, string? ChangedBy, string? Note,
    ProgrammeRules Rules, ProgrammeRules Before);

public sealed record ProgrammeState(IProgrammeModule Module, bool Enabled);

/// <summary>
/// A closed period (ended before today) whose quota results a back-dated rule change would alter: what the period's
/// visitors were required in all (应完成) and how many of them met every line, before and after.
/// </summary>
public sealed record ClosedPeriodChange(Period Period, int RequiredBefore, int RequiredAfter, int VisitorsBefore, int VisitorsAfter,
    int MetBefore, int MetAfter);

/// <summary>
/// Per-institution programme settings: which programmes are on, and their rules over time. Rules are
/// read for a day, so each period is judged by the rules in force at its start.
/// </summary>
public sealed class ProgrammeRulesService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog catalog, TimeProvider clock,
    IEnumerable<Quotas.IQuotaLinkCounter>? linkCounters = null)
{
    private readonly IReadOnlyList<Quotas.IQuotaLinkCounter> _linkCounters = [.. linkCounters ?? []];

    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    // Which programmes are off and the saved rule versions are read on every page (the programme gate, the menu,
    // each quota, plan and reminder) and change a few times a year. They are cached per database file, institution
    // and programme, dropped when a change is saved through any instance of this service in the process, and kept at
    // most CacheLifetime so that another server of a scaled-out portal picks a change up within a minute. The JSON is
    // kept rather than the rules: callers get their own ProgrammeRules to change.
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private static readonly ConcurrentDictionary<(string Db, int InstitutionId), Cached<IReadOnlySet<string>>> DisabledCache = new();
    private static readonly ConcurrentDictionary<(string Db, int InstitutionId, string Key), Cached<IReadOnlyList<(DateOnly From, string Json)>>> RuleCache = new();

    private sealed record Cached<T>(T Value, long LoadedAt);

    private static bool Fresh<T>(Cached<T>? cached) =>
        cached is not null && System.Diagnostics.Stopwatch.GetElapsedTime(cached.LoadedAt) < CacheLifetime;

    public async Task<bool> IsEnabledAsync(int institutionId, string key, CancellationToken ct = default)
    {
        if (!catalog.Exists(key)) return false;
        return !(await DisabledAsync(institutionId, ct)).Contains(key);
    }

    /// <summary>The institution's programmes in menu order, with whether each is on.</summary>
    public async Task<IReadOnlyList<ProgrammeState>> ProgrammesAsync(int institutionId, CancellationToken ct = default)
    {
        var disabled = await DisabledAsync(institutionId, ct);
        return catalog.All.Select(m => new ProgrammeState(m, !disabled.Contains(m.Key))).ToList();
    }

    private async Task<IReadOnlySet<string>> DisabledAsync(int institutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cacheKey = (DatabaseOf(db), institutionId);
        if (DisabledCache.TryGetValue(cacheKey, out var cached) && Fresh(cached)) return cached.Value;
        var disabled = (await db.InstitutionProgrammes.Where(p => p.InstitutionId == institutionId && !p.Enabled)
            .Select(p => p.ProgrammeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        DisabledCache[cacheKey] = new(disabled, System.Diagnostics.Stopwatch.GetTimestamp());
        return disabled;
    }

    private static string DatabaseOf(PortalDbContext db) => db.Database.GetConnectionString() ?? "";

    /// <summary>The programmes this user may see (<see cref="IProgrammeModule.AccessRoles"/>), in menu order, with whether each is on.</summary>
    public async Task<IReadOnlyList<ProgrammeState>> ProgrammesForAsync(PortalUser user, CancellationToken ct = default) =>
        (await ProgrammesAsync(user.InstitutionId, ct)).Where(p => ProgrammeCatalog.MayUse(user, p.Module)).ToList();

    public async Task SetEnabledAsync(PortalUser user, string key, bool enabled, CancellationToken ct = default)
    {
        var module = catalog.Find(key) ?? throw new NotFoundException();
        EnsureRuleAdmin(user, module);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var row = await db.InstitutionProgrammes.FirstOrDefaultAsync(p => p.InstitutionId == user.InstitutionId && p.ProgrammeKey == key, ct);
        if (row is null) db.InstitutionProgrammes.Add(new InstitutionProgramme { InstitutionId = user.InstitutionId, ProgrammeKey = key, Enabled = enabled });
        else row.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        DisabledCache.TryRemove((DatabaseOf(db), user.InstitutionId), out _);
    }

    /// <summary>The rules in force on a day: the latest saved version effective on or before it, else the module's defaults.</summary>
    public async Task<ProgrammeRules> RulesOnAsync(int institutionId, string key, DateOnly day, CancellationToken ct = default)
    {
        var module = catalog.Find(key) ?? throw new NotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cacheKey = (DatabaseOf(db), institutionId, key);
        if (!RuleCache.TryGetValue(cacheKey, out var cached) || !Fresh(cached))
        {
            // Newest first, as the lookup below wants them: the latest version effective on or before the day.
            var versions = (await db.ProgrammeRuleVersions.AsNoTracking()
                    .Where(r => r.InstitutionId == institutionId && r.ProgrammeKey == key)
                    .OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Id)
                    .Select(r => new { r.EffectiveFrom, r.RulesJson }).ToListAsync(ct))
                .Select(r => (r.EffectiveFrom, r.RulesJson)).ToList();
            RuleCache[cacheKey] = cached = new(versions, System.Diagnostics.Stopwatch.GetTimestamp());
        }
        foreach (var (from, json) in cached.Value)
        {
            if (from <= day) return Deserialize(json);
        }
        return module.DefaultRules();
    }

    public Task<ProgrammeRules> CurrentRulesAsync(int institutionId, string key, CancellationToken ct = default)
        => RulesOnAsync(institutionId, key, clock.Today(), ct);

    /// <summary>
    /// Saves a new version of the rules from a date on. Earlier periods keep the rules they had.
    /// <para>
    /// <paramref name="startedFrom"/> is the rule set the editor opened with: when given, only what the admin changed
    /// from it is saved, on top of the version in force on <paramref name="effectiveFrom"/>, so settings of another
    /// (e.g. a pending) version the editor happened to show are never carried into this one (issue 17 item 2).
    /// </para>
    /// <para>
    /// A change effective before today that alters the results of closed periods (<see cref="ClosedPeriodsChangedByAsync"/>)
    /// is refused unless <paramref name="confirmClosedPeriods"/> says the admin saw that list and confirmed it; the
    /// confirmation is audited with the periods it re-judges (issue 17 item 1).
    /// </para>
    /// </summary>
    public async Task SaveAsync(PortalUser user, string key, ProgrammeRules rules, DateOnly? effectiveFrom, string? note,
        CancellationToken ct = default, ProgrammeRules? startedFrom = null, bool confirmClosedPeriods = false)
    {
        var module = catalog.Find(key) ?? throw new NotFoundException();
        EnsureRuleAdmin(user, module);
        if (startedFrom is not null && effectiveFrom is { } on)
            rules = ApplyChanges(startedFrom, rules, await RulesOnAsync(user.InstitutionId, key, on, ct));
        var v = Validate(rules, module);
        v.Check(effectiveFrom is not null, "EffectiveFrom", "请填写生效日期。");
        v.Check(effectiveFrom is null || effectiveFrom.Value.Year >= 2000, "EffectiveFrom", "生效日期不能早于 2000 年。");
        v.MaxLength("Note", note, 500, "修改说明");
        v.ThrowIfInvalid();

        var rejudged = await ClosedPeriodsChangedByAsync(user.InstitutionId, key, rules, effectiveFrom!.Value, ct);
        if (rejudged.Count > 0 && !confirmClosedPeriods)
            throw new PortalValidationException(new Dictionary<string, PortalMessage>
            {
                ["EffectiveFrom"] = new("生效日期早于今天，会改变已结束周期的考核结果（{0}）；请确认后再保存。",
                    new PeriodList([.. rejudged.Select(c => c.Period)])),
            });

        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        if (rejudged.Count > 0)
            db.AuditEvent("rules-backdated", nameof(ProgrammeRuleVersion), key,
                $"{key} 自 {effectiveFrom:yyyy-MM-dd} 起；已确认改变已结束周期的结果：" + string.Join("；", rejudged.Select(c =>
                    $"{c.Period.Label} 应完成 {c.RequiredBefore}→{c.RequiredAfter}，达标 {c.MetBefore}/{c.VisitorsBefore}→{c.MetAfter}/{c.VisitorsAfter} 人")));
        db.ProgrammeRuleVersions.Add(new ProgrammeRuleVersion
        {
            InstitutionId = user.InstitutionId,
            ProgrammeKey = key,
            EffectiveFrom = effectiveFrom!.Value,
            RulesJson = JsonSerializer.Serialize(rules, Json),
            ChangedByUserId = user.UserId,
            ChangedAt = clock.GetUtcNow().UtcDateTime,
            Note = TextInput.Clean(note),
        });
        await db.SaveChangesAsync(ct);
        RuleCache.TryRemove((DatabaseOf(db), user.InstitutionId, key), out _);
    }

    /// <summary>
    /// The closed periods (ended before today) whose quota results would change if <paramref name="rules"/> applied
    /// from <paramref name="effectiveFrom"/>: each period is judged as <c>QuotaService.PeriodOnAsync</c> judges it,
    /// once with the saved history and once with this version added, and listed when what anyone was required, did
    /// or met differs. Empty for a change from today on.
    /// </summary>
    public async Task<IReadOnlyList<ClosedPeriodChange>> ClosedPeriodsChangedByAsync(int institutionId, string key, ProgrammeRules rules,
        DateOnly effectiveFrom, CancellationToken ct = default)
    {
        var today = clock.Today();
        if (effectiveFrom >= today) return [];
        _ = await RulesOnAsync(institutionId, key, today, ct); // loads the versions
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = RuleCache.TryGetValue((DatabaseOf(db), institutionId, key), out var cached) ? cached.Value : [];
        var defaults = catalog.Find(key)!.DefaultRules();
        ProgrammeRules Before(DateOnly day) => versions.FirstOrDefault(x => x.From <= day) is { Json: not null } v ? Deserialize(v.Json) : defaults;
        // The new version wins from its date until a later-dated saved version takes over (on the same date it is the newer).
        ProgrammeRules After(DateOnly day) =>
            effectiveFrom <= day && !versions.Any(x => x.From > effectiveFrom && x.From <= day) ? rules : Before(day);

        var result = new List<ClosedPeriodChange>();
        var (current, _) = Quotas.QuotaService.PeriodOn(Before, today);
        for (var day = current.Start.AddDays(-1); day.Year >= 2000;)
        {
            var (period, before) = Quotas.QuotaService.PeriodOn(Before, day);
            if (period.End < effectiveFrom) break;
            var (periodAfter, after) = Quotas.QuotaService.PeriodOn(After, day);
            var was = await Quotas.QuotaService.LinesUnderAsync(db, institutionId, key, period, before, _linkCounters, ct);
            var will = await Quotas.QuotaService.LinesUnderAsync(db, institutionId, key, periodAfter, after, _linkCounters, ct);
            if (periodAfter != period || Results(was) != Results(will))
                result.Add(new ClosedPeriodChange(period, was.Values.Sum(l => l.Sum(x => x.Required)), will.Values.Sum(l => l.Sum(x => x.Required)),
                    was.Count, will.Count, was.Values.Count(l => l.All(x => x.Met)), will.Values.Count(l => l.All(x => x.Met))));
            day = period.Start.AddDays(-1);
        }
        return result;

        static string Results(Dictionary<int, List<Quotas.QuotaLine>> lines) => string.Join(";", lines.OrderBy(p => p.Key)
            .Select(p => $"{p.Key}:" + string.Join(",", p.Value.Select(l => $"{l.RuleName}/{l.Required}/{l.Done}/{l.Met}"))));
    }

    /// <summary>
    /// What the admin changed from <paramref name="startedFrom"/> (the rules the editor opened with) to
    /// <paramref name="edited"/>, applied to <paramref name="target"/> (the version in force on the chosen date);
    /// everything the admin did not touch stays as the target has it. Compared setting by setting (JSON properties,
    /// lists of equal length item by item; a list that grew or shrank is taken as edited).
    /// </summary>
    public static ProgrammeRules ApplyChanges(ProgrammeRules startedFrom, ProgrammeRules edited, ProgrammeRules target)
    {
        var merged = Merge(JsonSerializer.SerializeToNode(startedFrom, Json), JsonSerializer.SerializeToNode(edited, Json),
            JsonSerializer.SerializeToNode(target, Json));
        return merged?.Deserialize<ProgrammeRules>(Json) ?? Clone(edited);

        static JsonNode? Merge(JsonNode? from, JsonNode? now, JsonNode? onto)
        {
            if (JsonNode.DeepEquals(from, now)) return onto?.DeepClone();
            if (from is JsonObject f && now is JsonObject n && onto is JsonObject o)
            {
                var result = (JsonObject)o.DeepClone();
                foreach (var (name, value) in n)
                    if (!JsonNode.DeepEquals(f[name], value)) result[name] = Merge(f[name], value, o[name]);
                foreach (var (name, _) in f)
                    if (!n.ContainsKey(name)) result.Remove(name);
                return result;
            }
            if (from is JsonArray fa && now is JsonArray na && onto is JsonArray oa && fa.Count == na.Count && oa.Count == fa.Count)
                return new JsonArray(na.Select((item, i) => Merge(fa[i], item, oa[i])).ToArray());
            return now?.DeepClone();
        }
    }

    /// <summary>Every saved version, newest first, each with the rules that were in force on its date just before it was saved.</summary>
    public async Task<IReadOnlyList<RuleHistoryEntry>> HistoryAsync(PortalUser user, string key, CancellationToken ct = default)
    {
        var module = catalog.Find(key) ?? throw new NotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ProgrammeRuleVersions.AsNoTracking()
            .Where(r => r.InstitutionId == user.InstitutionId && r.ProgrammeKey == key)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.EffectiveFrom, r.ChangedAt, r.Note, r.RulesJson, By = db.UserAccounts.Where(a => a.Id == r.ChangedByUserId).Select(a => a.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var result = new List<RuleHistoryEntry>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var before = rows.Take(i).Where(p => p.EffectiveFrom <= r.EffectiveFrom)
                .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Id).FirstOrDefault();
            result.Add(new RuleHistoryEntry(r.Id, r.EffectiveFrom, r.ChangedAt, r.By, r.Note, Deserialize(r.RulesJson),
                before is null ? module.DefaultRules() : Deserialize(before.RulesJson)));
        }
        result.Reverse();
        return result;
    }

    public static bool IsRuleAdmin(PortalUser user, IProgrammeModule module) =>
        user.IsAnyRole(module.RuleAdminRoles) && ProgrammeCatalog.MayUse(user, module);

    private static void EnsureRuleAdmin(PortalUser user, IProgrammeModule module)
    {
        if (!IsRuleAdmin(user, module)) throw new AccessDeniedException("只有项目管理员可以修改项目设置。");
    }

    public static ProgrammeRules Deserialize(string json) =>
        JsonSerializer.Deserialize<ProgrammeRules>(json, Json) ?? new ProgrammeRules();

    public static ProgrammeRules Clone(ProgrammeRules rules) => Deserialize(JsonSerializer.Serialize(rules, Json));

    /// <summary>Checks a rule set; messages in Chinese keyed by field (Quotas[1].Minimum and the like).</summary>
    public static Validator Validate(ProgrammeRules r, IProgrammeModule module)
    {
        var v = new Validator();
        // The core's roles and the ones this programme brings (IProgrammeModule.AddedRoles).
        bool Known(string role) => Roles.All.Contains(role) || module.AddedRoles.Contains(role);
        v.Check(r.VisitorRoles.Count > 0, nameof(r.VisitorRoles), "请至少选择一个可以家访的角色。");
        v.Check(r.VisitorRoles.All(Known), nameof(r.VisitorRoles), "角色不正确。");
        v.Check(r.Targets != TargetScope.None, nameof(r.Targets), "请至少选择一类家访对象。");
        v.Check(r.AllowedForms.Count > 0, nameof(r.AllowedForms), "请至少选择一种家访形式。");
        // The core's forms and the ones this programme brings (IProgrammeModule.AddedForms).
        v.Check(r.AllowedForms.All(f => VisitForms.Find(f, module) is not null), nameof(r.AllowedForms), "家访形式不正确。");
        v.Check(r.NoticeLeadDays is >= 0 and <= 60, nameof(r.NoticeLeadDays), "提前通知天数应在 0 到 60 之间。");
        v.Check(!r.NoticeInWriting || r.NoticeLeadDays > 0, nameof(r.NoticeLeadDays), "要求书面通知时，提前通知天数至少为 1 天。");
        v.Check(r.MinTeamSize is >= 1 and <= 10, nameof(r.MinTeamSize), "家访组最少人数应在 1 到 10 之间。");
        v.Check(!r.PlanNeedsApproval || (r.ApproverRole is not null && Known(r.ApproverRole)), nameof(r.ApproverRole),
            "计划需要审批时，请选择审批角色。");
        v.Check(r.ListConfirmerRole is null || Known(r.ListConfirmerRole), nameof(r.ListConfirmerRole), "名单确认角色不正确。");
        var known = new HashSet<string>(["Record", "ProblemsFound", "Resolution", "FamilyMet", .. module.RecordForm.Select(f => f.Key)]);
        v.Check(r.RequiredRecordFields.All(known.Contains), nameof(r.RequiredRecordFields), "必填字段中有不存在的字段。");
        v.Check(r.PriorityTriggers.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 200), nameof(r.PriorityTriggers), "优先家访情形不能为空，且每条不超过 200 字。");
        if (r.Period == PeriodKind.Semester)
        {
            var s = r.Semester;
            v.Check(ValidMonthDay(s.SpringMonth, s.SpringDay), "Semester.Spring", "春季学期开始日期不是有效日期（也不能设为 2 月 29 日）。");
            v.Check(ValidMonthDay(s.AutumnMonth, s.AutumnDay), "Semester.Autumn", "秋季学期开始日期不是有效日期（也不能设为 2 月 29 日）。");
            v.Check(!ValidMonthDay(s.SpringMonth, s.SpringDay) || !ValidMonthDay(s.AutumnMonth, s.AutumnDay) ||
                    (s.SpringMonth, s.SpringDay).CompareTo((s.AutumnMonth, s.AutumnDay)) < 0,
                "Semester.Autumn", "秋季学期须在春季学期之后开始。");
        }
        for (var i = 0; i < r.Quotas.Count; i++)
        {
            var q = r.Quotas[i];
            v.Check(!string.IsNullOrWhiteSpace(q.Name), $"Quotas[{i}].Name", new PortalMessage("第 {0} 条指标：请填写适用人员名称。", i + 1));
            v.Check(q.Minimum is >= 1 and <= 100, $"Quotas[{i}].Minimum", new PortalMessage("第 {0} 条指标：最低数量应在 1 到 100 之间。", i + 1));
            // A per-link quota applies to whoever has the links; the other kinds need someone named.
            v.Check(q.Per != QuotaPer.Visitor || q.LeadershipRoles.Count + q.PortalRoles.Count + q.PositionKeywords.Count > 0, $"Quotas[{i}].Name",
                new PortalMessage("第 {0} 条指标：请至少设置一种适用人员条件（领导职务、角色或职务关键词）。", i + 1));
            v.Check(q.PortalRoles.All(Known), $"Quotas[{i}].PortalRoles", new PortalMessage("第 {0} 条指标：角色不正确。", i + 1));
            v.Check(q.Forms.All(r.AllowedForms.Contains), $"Quotas[{i}].Forms", new PortalMessage("第 {0} 条指标：计数的家访形式须是本项目允许的形式。", i + 1));
        }
        return v;
    }

    // Feb 29 would make a semester start move or vanish in three years out of four.
    private static bool ValidMonthDay(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2023, month);
}
