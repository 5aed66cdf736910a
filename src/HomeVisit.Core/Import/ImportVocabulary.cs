using System.Globalization;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;

namespace HomeVisit.Core.Import;

/// <summary>The Chinese words HR exports use for the roster's coded fields, and the column names of each sheet.</summary>
internal static class ImportVocabulary
{
    public const string UnitsSheet = "组织机构";
    public const string PeopleSheet = "人员";
    public const string FamilySheet = "家庭成员";

    public static string SheetName(RosterSheetKind kind) => kind switch
    {
        RosterSheetKind.OrgUnits => UnitsSheet,
        RosterSheetKind.People => PeopleSheet,
        _ => FamilySheet,
    };

    public static readonly string[] UnitColumns = ["单位编码", "单位名称", "上级单位编码", "类型", "排序"];
    public static readonly string[] PersonColumns =
        ["工号", "姓名", "性别", "出生日期", "单位编码", "单位名称", "职务", "职级", "编制状态", "政治面貌", "党支部", "联系电话", "家庭住址"];
    public static readonly string[] FamilyColumns = ["工号", "关系", "姓名", "工作单位", "职务", "联系电话", "是否本地居住"];

    public static string[] Columns(RosterSheetKind kind) => kind switch
    {
        RosterSheetKind.OrgUnits => UnitColumns,
        RosterSheetKind.People => PersonColumns,
        _ => FamilyColumns,
    };

    public static string[] Required(RosterSheetKind kind) => kind switch
    {
        RosterSheetKind.OrgUnits => ["单位编码", "单位名称"],
        RosterSheetKind.People => ["工号", "姓名"],
        _ => ["工号", "关系", "姓名"],
    };

    /// <summary>Guesses what a header row holds: 关系 means family, 工号 people, 单位编码 + 单位名称 without 工号 units.</summary>
    public static RosterSheetKind? Detect(IReadOnlyCollection<string> headers)
    {
        if (headers.Contains("工号") && headers.Contains("关系")) return RosterSheetKind.Family;
        if (headers.Contains("工号") && headers.Contains("姓名")) return RosterSheetKind.People;
        if (headers.Contains("单位编码") && headers.Contains("单位名称")) return RosterSheetKind.OrgUnits;
        return null;
    }

    public static readonly (string Word, Gender Value)[] Genders = [("男", Gender.Male), ("女", Gender.Female), ("男性", Gender.Male), ("女性", Gender.Female)];

    public static readonly (string Word, OrgUnitKind Value)[] UnitKinds =
    [
        ("学校", OrgUnitKind.School), ("学院", OrgUnitKind.College), ("部门", OrgUnitKind.Department), ("党支部", OrgUnitKind.PartyBranch),
        ("县", OrgUnitKind.County), ("乡镇（街道）", OrgUnitKind.Township), ("单位", OrgUnitKind.Unit),
        ("乡镇(街道)", OrgUnitKind.Township), ("乡镇", OrgUnitKind.Township), ("街道", OrgUnitKind.Township),
    ];

    public static readonly (string Word, EstablishmentStatus Value)[] Establishments =
    [
        ("在编在岗", EstablishmentStatus.InEstablishment), ("非实名编", EstablishmentStatus.NonNamedEstablishment),
        ("合同制", EstablishmentStatus.Contract), ("退休", EstablishmentStatus.Retired), ("其他", EstablishmentStatus.Other),
    ];

    public static readonly (string Word, PartyMembership Value)[] Parties =
    [
        ("中共党员", PartyMembership.Member), ("预备党员", PartyMembership.Probationary), ("入党积极分子", PartyMembership.Applicant),
        ("群众", PartyMembership.None), ("民主党派", PartyMembership.OtherParty),
        ("中共预备党员", PartyMembership.Probationary), ("党员", PartyMembership.Member),
    ];

    public static readonly (string Word, FamilyRelation Value)[] Relations =
    [
        ("配偶", FamilyRelation.Spouse), ("子女", FamilyRelation.Child), ("父母", FamilyRelation.Parent),
        ("岳父母", FamilyRelation.ParentInLaw), ("公婆", FamilyRelation.ParentInLaw), ("其他", FamilyRelation.Other),
        ("妻子", FamilyRelation.Spouse), ("丈夫", FamilyRelation.Spouse), ("儿子", FamilyRelation.Child), ("女儿", FamilyRelation.Child),
        ("父亲", FamilyRelation.Parent), ("母亲", FamilyRelation.Parent),
        ("岳父", FamilyRelation.ParentInLaw), ("岳母", FamilyRelation.ParentInLaw), ("公公", FamilyRelation.ParentInLaw), ("婆婆", FamilyRelation.ParentInLaw),
    ];

    /// <summary>The words listed in an error: the documented ones (aliases are accepted but not advertised).</summary>
    public static string Options<T>((string Word, T Value)[] table, int documented) => string.Join("、", table.Take(documented).Select(t => t.Word));

    public static bool TryMap<T>((string Word, T Value)[] table, string text, out T value)
    {
        foreach (var (word, v) in table)
        {
            if (word == text) { value = v; return true; }
        }
        value = default!;
        return false;
    }

    public static string Word<T>((string Word, T Value)[] table, T value) where T : struct =>
        table.FirstOrDefault(t => EqualityComparer<T>.Default.Equals(t.Value, value)).Word ?? value.ToString()!;

    public static string RelationWord(FamilyRelation r) => r == FamilyRelation.ParentInLaw ? "岳父母/公婆" : Word(Relations, r);

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>
    /// yyyy-MM-dd, yyyy/M/d, yyyyMMdd, or an Excel date serial (a number of days, as a cell without a date format
    /// keeps it) counted in the workbook's date system.
    /// </summary>
    public static bool TryDate(string text, bool date1904, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // "1990-01-05 00:00:00" from a date-time export.
        if (text.Length > 10 && text[10] == ' ' && DateOnly.TryParseExact(text[..10], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (text.Length <= 7 && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) &&
            ExcelDates.FromSerial(serial, date1904) is { } day)
        {
            date = day;
            return true;
        }
        date = default;
        return false;
    }
}
