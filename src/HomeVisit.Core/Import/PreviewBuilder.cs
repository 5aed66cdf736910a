using System.Globalization;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using static HomeVisit.Core.Import.ImportVocabulary;
using static HomeVisit.Core.Import.RosterImportService;

namespace HomeVisit.Core.Import;

/// <summary>
/// Checks a parsed file row by row against the institution's data and works out what each row does. Units first
/// (people refer to them), then people (families refer to them), then families. Pure: no database access.
/// </summary>
internal sealed class PreviewBuilder(RosterFile file, DatabaseState db, DateOnly today, int institutionId)
{
    private readonly List<ImportError> _errors = [.. file.Errors];
    private readonly List<UnitPlan> _units = [];
    private readonly List<PersonPlan> _people = [];
    private readonly List<FamilyPlan> _family = [];
    private readonly Dictionary<int, long> _unitVersions = [];
    private readonly Dictionary<int, long> _personVersions = [];
    private readonly Dictionary<int, long> _familyVersions = [];

    // Units after the import: existing ones by id, the file's by code.
    private readonly Dictionary<int, UnitSnapshot> _dbUnits = db.Units.ToDictionary(u => u.Id);
    private readonly Dictionary<string, UnitSnapshot> _dbUnitsByCode =
        db.Units.Where(u => u.Code != null).GroupBy(u => u.Code!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    private readonly Dictionary<string, UnitPlan> _fileUnits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fileStaffNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _invalidUnitCodes = new(StringComparer.Ordinal);

    public RosterImportPreview Build()
    {
        var sheets = file.Sheets.ToDictionary(s => s.Kind);
        if (sheets.TryGetValue(RosterSheetKind.OrgUnits, out var units)) CheckUnits(units);
        if (sheets.TryGetValue(RosterSheetKind.People, out var people)) CheckPeople(people);
        if (sheets.TryGetValue(RosterSheetKind.Family, out var family)) CheckFamily(family);

        var sheetOrder = file.Sheets.Select((s, i) => (s.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var changes = new List<ImportChange>();
        changes.AddRange(_units.Where(u => u.Action != ImportAction.Unchanged)
            .Select(u => new ImportChange(RosterSheetKind.OrgUnits, SheetOf(RosterSheetKind.OrgUnits), u.Row, u.Action, u.Code, u.Name, u.Details)));
        changes.AddRange(_people.Where(p => p.Action != ImportAction.Unchanged)
            .Select(p => new ImportChange(RosterSheetKind.People, SheetOf(RosterSheetKind.People), p.Row, p.Action, p.StaffNumber, p.Name, p.Details)));
        changes.AddRange(_family.Where(f => f.Action != ImportAction.Unchanged)
            .Select(f => new ImportChange(RosterSheetKind.Family, SheetOf(RosterSheetKind.Family), f.Row, f.Action,
                $"{f.StaffNumber} {RelationWord(f.Relation)}", f.Name, f.Details)));

        return new RosterImportPreview
        {
            FileName = file.FileName,
            Counts = new Dictionary<RosterSheetKind, ImportCounts>
            {
                [RosterSheetKind.OrgUnits] = Count(_units.Select(u => u.Action)),
                [RosterSheetKind.People] = Count(_people.Select(p => p.Action)),
                [RosterSheetKind.Family] = Count(_family.Select(f => f.Action)),
            },
            Changes = changes,
            Errors = _errors.OrderBy(e => sheetOrder.GetValueOrDefault(e.Sheet, -1)).ThenBy(e => e.Row).ToList(),
            Notes = file.Notes,
            SheetsFound = file.Sheets.Select(s => s.Kind).ToList(),
            Plan = new ImportPlan
            {
                InstitutionId = institutionId, FileName = file.FileName, Units = _units, People = _people, Family = _family,
                UnitVersions = _unitVersions, PersonVersions = _personVersions, FamilyVersions = _familyVersions,
            },
        };
    }

    private string SheetOf(RosterSheetKind kind) => file.Sheets.FirstOrDefault(s => s.Kind == kind)?.Name ?? SheetName(kind);

    private static ImportCounts Count(IEnumerable<ImportAction> actions)
    {
        var list = actions.ToList();
        return new ImportCounts(list.Count(a => a == ImportAction.New), list.Count(a => a == ImportAction.Updated), list.Count(a => a == ImportAction.Unchanged));
    }

    // ---- cell helpers: each adds its error and returns whether the value is usable

    private sealed class RowCheck(PreviewBuilder owner, RosterSheet sheet, RawRow row)
    {
        public bool Ok { get; private set; } = true;

        public string? Get(string column) => sheet.Get(row, column);

        public void Error(string? column, string message)
        {
            Ok = false;
            owner._errors.Add(new ImportError(sheet.Name, row.Number, column, message));
        }

        public string? Text(string column, int max, bool required = false)
        {
            var v = Get(column);
            if (v is null)
            {
                if (required) Error(column, "必须填写。");
                return null;
            }
            if (v.Length > max)
            {
                Error(column, $"不能超过 {max} 个字（现有 {v.Length} 个）。");
                return null;
            }
            return v;
        }

        public T? Choice<T>(string column, (string Word, T Value)[] table, int documented) where T : struct
        {
            var v = Get(column);
            if (v is null) return null;
            if (TryMap(table, v, out var value)) return value;
            Error(column, $"无法识别“{v}”，可填：{Options(table, documented)}。");
            return null;
        }

        public string? Phone(string column)
        {
            var v = Get(column);
            if (v is null) return null;
            if (!PhonePattern().IsMatch(v))
            {
                Error(column, $"“{v}”不是有效的电话号码（7–20 位数字，可含 +、- 和空格）。");
                return null;
            }
            return v;
        }
    }

    // ---- units

    private void CheckUnits(RosterSheet sheet)
    {
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(UnitPlan Plan, string? ParentCode, RowCheck Check)>();
        var invalid = new List<(string? ParentCode, RowCheck Check)>();
        foreach (var row in sheet.Rows)
        {
            var c = new RowCheck(this, sheet, row);
            var code = c.Text("单位编码", 50, required: true);
            var name = c.Text("单位名称", 200, required: true);
            var parentCode = c.Text("上级单位编码", 50);
            var kind = c.Choice("类型", UnitKinds, 7);
            int? sort = null;
            if (c.Get("排序") is { } sortText)
            {
                if (int.TryParse(sortText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) sort = s;
                else c.Error("排序", $"“{sortText}”不是整数。");
            }
            if (code is not null)
            {
                if (firstRowOfCode.TryGetValue(code, out var first)) c.Error("单位编码", $"“{code}”与第 {first} 行重复。");
                else firstRowOfCode[code] = row.Number;
            }
            if (parentCode is not null && parentCode == code) c.Error("上级单位编码", "上级单位不能是本单位。");
            if (!c.Ok || code is null || name is null)
            {
                invalid.Add((parentCode, c));
                continue;
            }

            _dbUnitsByCode.TryGetValue(code, out var existing);
            var plan = new UnitPlan
            {
                Row = row.Number, Code = code, Name = name, ExistingId = existing?.Id, ExistingVersion = existing?.Version ?? 0,
                Kind = kind ?? existing?.Kind ?? OrgUnitKind.Unit,
                SortOrder = sort ?? existing?.SortOrder ?? 0,
                Parent = existing?.ParentId is int p ? new UnitKey(p, null) : null,
            };
            _fileUnits[code] = plan;
            pending.Add((plan, parentCode, c));
        }

        // Parents may refer to rows further down, so they are resolved once every code is known.
        bool Known(string parentCode) => _dbUnitsByCode.ContainsKey(parentCode) || firstRowOfCode.ContainsKey(parentCode);
        foreach (var (parentCode, c) in invalid)
        {
            if (parentCode is not null && parentCode != c.Get("单位编码") && !Known(parentCode))
                c.Error("上级单位编码", $"找不到上级单位编码“{parentCode}”（文件和系统中都没有）。");
        }
        foreach (var (plan, parentCode, c) in pending)
        {
            if (parentCode is null) continue;
            if (!Known(parentCode)) c.Error("上级单位编码", $"找不到上级单位编码“{parentCode}”（文件和系统中都没有）。");
            else plan.Parent = _dbUnitsByCode.TryGetValue(parentCode, out var dbParent) ? new UnitKey(dbParent.Id, null) : new UnitKey(null, parentCode);
        }
        foreach (var (plan, parentCode, c) in pending)
        {
            if (c.Ok && parentCode is not null && FormsCycle(plan)) c.Error("上级单位编码", "上级单位关系形成了循环。");
        }

        // A unit under an invalid row cannot be placed either (repeated for chains).
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (plan, parentCode, c) in pending)
            {
                if (!c.Ok || plan.Parent?.NewCode is not { } parent || pending.Any(x => x.Plan.Code == parent && x.Check.Ok)) continue;
                c.Error("上级单位编码", $"上级单位“{parentCode}”所在的行有错误。");
                changed = true;
            }
        }

        foreach (var (plan, _, c) in pending)
        {
            if (!c.Ok)
            {
                _fileUnits.Remove(plan.Code);
                _invalidUnitCodes.Add(plan.Code);
                continue;
            }
            if (plan.ExistingId is int id)
            {
                var before = _dbUnits[id];
                _unitVersions[id] = before.Version;
                var diff = new List<string>();
                if (before.Name != plan.Name) diff.Add($"单位名称：{before.Name} → {plan.Name}");
                if (before.Kind != plan.Kind) diff.Add($"类型：{Word(UnitKinds, before.Kind)} → {Word(UnitKinds, plan.Kind)}");
                if (before.SortOrder != plan.SortOrder) diff.Add($"排序：{before.SortOrder} → {plan.SortOrder}");
                if (before.ParentId != plan.Parent?.Id || plan.Parent?.NewCode is not null)
                    diff.Add($"上级单位：{UnitName(before.ParentId is int bp ? new UnitKey(bp, null) : null)} → {UnitName(plan.Parent)}");
                plan.Action = diff.Count == 0 ? ImportAction.Unchanged : ImportAction.Updated;
                plan.Details = string.Join("；", diff);
            }
            else
            {
                plan.Action = ImportAction.New;
                plan.Details = $"类型：{Word(UnitKinds, plan.Kind)}；上级单位：{UnitName(plan.Parent)}";
            }
            _units.Add(plan);
        }
    }

    /// <summary>A unit in the file keeps its key: an existing unit (updated by the file) by id, a new one by code.</summary>
    private UnitKey? KeyOfCode(string code)
    {
        if (_dbUnitsByCode.TryGetValue(code, out var existing)) return new UnitKey(existing.Id, null);
        if (_fileUnits.ContainsKey(code)) return new UnitKey(null, code);
        return null;
    }

    private UnitKey? ParentOf(UnitKey key)
    {
        if (key.NewCode is { } code) return _fileUnits.TryGetValue(code, out var plan) ? plan.Parent : null;
        var unit = _dbUnits[key.Id!.Value];
        if (unit.Code is not null && _fileUnits.TryGetValue(unit.Code, out var updated)) return updated.Parent;
        return unit.ParentId is int p ? new UnitKey(p, null) : null;
    }

    private bool FormsCycle(UnitPlan plan)
    {
        var self = plan.ExistingId is int id ? new UnitKey(id, null) : new UnitKey(null, plan.Code);
        var seen = new HashSet<UnitKey>();
        for (var key = plan.Parent; key is { } k; key = ParentOf(k))
        {
            if (k == self) return true;
            if (!seen.Add(k)) return false; // a loop elsewhere, reported on its own rows
        }
        return false;
    }

    private string FinalName(UnitKey key)
    {
        if (key.NewCode is { } code) return _fileUnits[code].Name;
        var unit = _dbUnits[key.Id!.Value];
        return unit.Code is not null && _fileUnits.TryGetValue(unit.Code, out var plan) ? plan.Name : unit.Name;
    }

    private OrgUnitKind FinalKind(UnitKey key)
    {
        if (key.NewCode is { } code) return _fileUnits[code].Kind;
        var unit = _dbUnits[key.Id!.Value];
        return unit.Code is not null && _fileUnits.TryGetValue(unit.Code, out var plan) ? plan.Kind : unit.Kind;
    }

    private string UnitName(UnitKey? key) => key is { } k ? FinalName(k) : "（无）";

    private Dictionary<string, List<UnitKey>>? _unitsByName;

    /// <summary>Every unit after the import by its name (the file's name wins for a unit it updates).</summary>
    private Dictionary<string, List<UnitKey>> UnitsByName()
    {
        if (_unitsByName is not null) return _unitsByName;
        var keys = _dbUnits.Keys.Select(id => new UnitKey(id, null))
            .Concat(_fileUnits.Values.Where(p => p.ExistingId is null).Select(p => new UnitKey(null, p.Code)));
        return _unitsByName = keys.GroupBy(FinalName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>A unit named by code or name: the code must exist, the name must be unambiguous.</summary>
    private UnitKey? ResolveUnit(RowCheck c, string? code, string? name)
    {
        if (code is not null)
        {
            if (KeyOfCode(code) is { } key) return key;
            c.Error("单位编码", _invalidUnitCodes.Contains(code)
                ? $"单位编码“{code}”在组织机构中所在的行有错误。"
                : $"找不到单位编码“{code}”（文件和系统中都没有）。");
            return null;
        }
        if (name is null) return null;
        if (!UnitsByName().TryGetValue(name, out var matches))
        {
            c.Error("单位名称", $"找不到单位“{name}”（文件和系统中都没有）。");
            return null;
        }
        if (matches.Count > 1)
        {
            c.Error("单位名称", $"有 {matches.Count} 个单位名为“{name}”，请改填单位编码。");
            return null;
        }
        return matches[0];
    }

    private UnitKey? ResolveBranch(RowCheck c, string value)
    {
        if (KeyOfCode(value) is { } byCode && FinalKind(byCode) == OrgUnitKind.PartyBranch) return byCode;
        var branches = UnitsByName().GetValueOrDefault(value)?.Where(k => FinalKind(k) == OrgUnitKind.PartyBranch).ToList() ?? [];
        if (branches.Count == 1) return branches[0];
        c.Error("党支部", branches.Count == 0
            ? $"找不到党支部“{value}”（请填写类型为党支部的单位的名称或编码）。"
            : $"有 {branches.Count} 个党支部名为“{value}”，请改填党支部的单位编码。");
        return null;
    }

    // ---- people

    private void CheckPeople(RosterSheet sheet)
    {
        var firstRowOfNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var c = new RowCheck(this, sheet, row);
            var number = c.Text("工号", 50, required: true);
            var name = c.Text("姓名", 50, required: true);
            var gender = c.Choice("性别", Genders, 2);
            DateOnly? birth = null;
            if (c.Get("出生日期") is { } birthText)
            {
                if (!TryDate(birthText, sheet.Date1904, out var d)) c.Error("出生日期", $"无法识别的日期“{birthText}”。");
                else if (d.Year < 1900 || d > today) c.Error("出生日期", $"“{birthText}”不在 1900 年至今天之间。");
                else birth = d;
            }
            var unit = ResolveUnit(c, c.Text("单位编码", 50), c.Text("单位名称", 200));
            var position = c.Text("职务", 100);
            var rank = c.Text("职级", 50);
            var establishment = c.Choice("编制状态", Establishments, 5);
            var party = c.Choice("政治面貌", Parties, 5);
            var branch = c.Get("党支部") is { } branchText ? ResolveBranch(c, branchText) : null;
            var phone = c.Phone("联系电话");
            var address = c.Text("家庭住址", 300);

            if (number is not null)
            {
                _fileStaffNumbers.Add(number);
                if (firstRowOfNumber.TryGetValue(number, out var first)) c.Error("工号", $"“{number}”与第 {first} 行重复。");
                else firstRowOfNumber[number] = row.Number;
            }
            if (!c.Ok || number is null || name is null) continue;

            db.PeopleByNumber.TryGetValue(number, out var existing);
            var finalParty = party ?? existing?.Party ?? PartyMembership.None;
            var plan = new PersonPlan
            {
                Row = row.Number, StaffNumber = number, ExistingId = existing?.Id, ExistingVersion = existing?.Version ?? 0,
                Name = name,
                Gender = gender ?? existing?.Gender ?? Gender.Unknown,
                BirthDate = birth ?? existing?.BirthDate,
                Unit = unit ?? Key(existing?.UnitId),
                Position = position ?? existing?.Position,
                Rank = rank ?? existing?.Rank,
                Establishment = establishment ?? existing?.Establishment ?? EstablishmentStatus.InEstablishment,
                Party = finalParty,
                PartyBranch = finalParty == PartyMembership.None ? null : branch ?? Key(existing?.PartyBranchId),
                Phone = phone ?? existing?.Phone,
                HomeAddress = address ?? existing?.HomeAddress,
            };
            Reference(plan.Unit);
            Reference(plan.PartyBranch);
            if (existing is null)
            {
                plan.Action = ImportAction.New;
                plan.Details = $"单位：{UnitName(plan.Unit)}；职务：{Show(plan.Position)}";
            }
            else
            {
                _personVersions[existing.Id] = existing.Version;
                var diff = PersonDiff(existing, plan);
                plan.Action = diff.Count == 0 ? ImportAction.Unchanged : ImportAction.Updated;
                plan.Details = string.Join("；", diff);
            }
            _people.Add(plan);
        }
    }

    private static UnitKey? Key(int? id) => id is int i ? new UnitKey(i, null) : null;

    /// <summary>An existing unit the plan points at must still be there at apply.</summary>
    private void Reference(UnitKey? key)
    {
        if (key?.Id is int id && _dbUnits.TryGetValue(id, out var unit)) _unitVersions.TryAdd(id, unit.Version);
    }

    private List<string> PersonDiff(Person before, PersonPlan after)
    {
        var diff = new List<string>();
        void Add(string label, string? was, string? now)
        {
            if (was != now) diff.Add($"{label}：{Show(was)} → {Show(now)}");
        }
        Add("姓名", before.Name, after.Name);
        Add("性别", before.Gender == Gender.Unknown ? null : Word(Genders, before.Gender), after.Gender == Gender.Unknown ? null : Word(Genders, after.Gender));
        Add("出生日期", Show(before.BirthDate), Show(after.BirthDate));
        if (before.UnitId != after.Unit?.Id || after.Unit?.NewCode is not null) Add("单位", UnitName(Key(before.UnitId)), UnitName(after.Unit));
        Add("职务", before.Position, after.Position);
        Add("职级", before.Rank, after.Rank);
        Add("编制状态", Word(Establishments, before.Establishment), Word(Establishments, after.Establishment));
        Add("政治面貌", Word(Parties, before.Party), Word(Parties, after.Party));
        if (before.PartyBranchId != after.PartyBranch?.Id || after.PartyBranch?.NewCode is not null)
            Add("党支部", before.PartyBranchId is null ? null : UnitName(Key(before.PartyBranchId)), after.PartyBranch is null ? null : UnitName(after.PartyBranch));
        Add("联系电话", before.Phone, after.Phone);
        Add("家庭住址", before.HomeAddress, after.HomeAddress);
        return diff;
    }

    // ---- family

    private void CheckFamily(RosterSheet sheet)
    {
        var firstRowOfKey = new Dictionary<(string, FamilyRelation, string), int>();
        foreach (var row in sheet.Rows)
        {
            var c = new RowCheck(this, sheet, row);
            var number = c.Text("工号", 50, required: true);
            FamilyRelation? relation = null;
            if (c.Get("关系") is null) c.Error("关系", "必须填写。");
            else relation = c.Choice("关系", Relations, 6);
            var name = c.Text("姓名", 50, required: true);
            var workplace = c.Text("工作单位", 200);
            var position = c.Text("职务", 100);
            var phone = c.Phone("联系电话");
            bool? local = null;
            if (c.Get("是否本地居住") is { } localText)
            {
                if (localText is "是" or "Y" or "y") local = true;
                else if (localText is "否" or "N" or "n") local = false;
                else c.Error("是否本地居住", $"无法识别“{localText}”，请填“是”或“否”。");
            }

            Person? person = null;
            if (number is not null)
            {
                db.PeopleByNumber.TryGetValue(number, out person);
                if (person is null && !_fileStaffNumbers.Contains(number))
                    c.Error("工号", $"找不到工号为“{number}”的人员（文件和系统中都没有）。");
            }
            if (number is not null && relation is { } r && name is not null)
            {
                if (firstRowOfKey.TryGetValue((number, r, name), out var first))
                    c.Error("姓名", $"与第 {first} 行重复（工号、关系和姓名都相同）。");
                else firstRowOfKey[(number, r, name)] = row.Number;
            }
            if (!c.Ok || number is null || relation is null || name is null) continue;

            FamilyMember? existing = null;
            if (person is not null) db.Family.TryGetValue((person.Id, relation.Value, name), out existing);
            var plan = new FamilyPlan
            {
                Row = row.Number, StaffNumber = number, Relation = relation.Value, Name = name,
                ExistingId = existing?.Id, ExistingVersion = existing?.Version ?? 0,
                Workplace = workplace ?? existing?.Workplace,
                Position = position ?? existing?.Position,
                Phone = phone ?? existing?.Phone,
                LivesLocally = local ?? existing?.LivesLocally ?? false,
            };
            if (person is not null) _personVersions.TryAdd(person.Id, person.Version);
            if (existing is null)
            {
                plan.Action = ImportAction.New;
                plan.Details = $"工作单位：{Show(plan.Workplace)}；本地居住：{(plan.LivesLocally ? "是" : "否")}";
            }
            else
            {
                _familyVersions[existing.Id] = existing.Version;
                var diff = new List<string>();
                void Add(string label, string? was, string? now)
                {
                    if (was != now) diff.Add($"{label}：{Show(was)} → {Show(now)}");
                }
                Add("工作单位", existing.Workplace, plan.Workplace);
                Add("职务", existing.Position, plan.Position);
                Add("联系电话", existing.Phone, plan.Phone);
                Add("是否本地居住", existing.LivesLocally ? "是" : "否", plan.LivesLocally ? "是" : "否");
                plan.Action = diff.Count == 0 ? ImportAction.Unchanged : ImportAction.Updated;
                plan.Details = string.Join("；", diff);
            }
            _family.Add(plan);
        }
    }
}
