using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Programmes;

public sealed record RuleHistoryEntry(int Id, DateOnly EffectiveFrom, DateTime ChangedAt, string? ChangedBy, string? Note,
    ProgrammeRules Rules, ProgrammeRules Before);

public sealed record ProgrammeState(IProgrammeModule Module, bool Enabled);

/// <summary>
/// Per-institution programme settings: which programmes are on, and their rules over time. Rules are
/// read for a day, so each period is judged by the rules in force at its start.
/// </summary>
public sealed class ProgrammeRulesService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog catalog, TimeProvider clock)
{
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

    /// <summary>Saves a new version of the rules from a date on. Earlier periods keep the rules they had.</summary>
    public async Task SaveAsync(PortalUser user, string key, ProgrammeRules rules, DateOnly? effectiveFrom, string? note, CancellationToken ct = default)
    {
        var module = catalog.Find(key) ?? throw new NotFoundException();
        EnsureRuleAdmin(user, module);
        var v = Validate(rules, module);
        v.Check(effectiveFrom is not null, "EffectiveFrom", "请填写生效日期。");
        v.Check(effectiveFrom is null || effectiveFrom.Value.Year >= 2000, "EffectiveFrom", "生效日期不能早于 2000 年。");
        v.MaxLength("Note", note, 500, "修改说明");
        v.ThrowIfInvalid();

        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
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
        v.Check(r.VisitorRoles.Count > 0, nameof(r.VisitorRoles), "请至少选择一个可以家访的角色。");
        v.Check(r.VisitorRoles.All(Roles.All.Contains), nameof(r.VisitorRoles), "角色不正确。");
        v.Check(r.Targets != TargetScope.None, nameof(r.Targets), "请至少选择一类家访对象。");
        v.Check(r.AllowedForms.Count > 0, nameof(r.AllowedForms), "请至少选择一种家访形式。");
        v.Check(r.NoticeLeadDays is >= 0 and <= 60, nameof(r.NoticeLeadDays), "提前通知天数应在 0 到 60 之间。");
        v.Check(!r.NoticeInWriting || r.NoticeLeadDays > 0, nameof(r.NoticeLeadDays), "要求书面通知时，提前通知天数至少为 1 天。");
        v.Check(r.MinTeamSize is >= 1 and <= 10, nameof(r.MinTeamSize), "家访组最少人数应在 1 到 10 之间。");
        v.Check(!r.PlanNeedsApproval || (r.ApproverRole is not null && Roles.All.Contains(r.ApproverRole)), nameof(r.ApproverRole),
            "计划需要审批时，请选择审批角色。");
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
            v.Check(!string.IsNullOrWhiteSpace(q.Name), $"Quotas[{i}].Name", $"第 {i + 1} 条指标：请填写适用人员名称。");
            v.Check(q.Minimum is >= 1 and <= 100, $"Quotas[{i}].Minimum", $"第 {i + 1} 条指标：最低数量应在 1 到 100 之间。");
            // A per-link quota applies to whoever has the links; the other kinds need someone named.
            v.Check(q.Per != QuotaPer.Visitor || q.LeadershipRoles.Count + q.PortalRoles.Count + q.PositionKeywords.Count > 0, $"Quotas[{i}].Name",
                $"第 {i + 1} 条指标：请至少设置一种适用人员条件（领导职务、角色或职务关键词）。");
            v.Check(q.PortalRoles.All(Roles.All.Contains), $"Quotas[{i}].PortalRoles", $"第 {i + 1} 条指标：角色不正确。");
            v.Check(q.Forms.All(r.AllowedForms.Contains), $"Quotas[{i}].Forms", $"第 {i + 1} 条指标：计数的家访形式须是本项目允许的形式。");
        }
        return v;
    }

    // Feb 29 would make a semester start move or vanish in three years out of four.
    private static bool ValidMonthDay(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2023, month);
}
