using HomeVisit.Core.Visits;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// The forms only 受处分人员回访关爱 uses (seed 5 第八条（三）: 现场谈话; 电话回访或者信函回访), beside the core's 谈心谈话.
/// Their values are stored on visits and in rule versions: never rename one.
/// </summary>
public static class HuifangForms
{
    public static readonly VisitForm OnSiteTalk = new("OnSiteTalk");
    public static readonly VisitForm PhoneVisit = new("PhoneVisit");
    public static readonly VisitForm LetterVisit = new("LetterVisit");

    /// <summary>The module's <see cref="HomeVisit.Core.Programmes.IProgrammeModule.AddedForms"/>; English in HuifangResources.en.resx.</summary>
    public static IReadOnlyList<VisitFormInfo> Added { get; } =
    [
        new(OnSiteTalk, "现场谈话"),
        // A call or a letter meets nobody at home: no family members met are recorded.
        new(PhoneVisit, "电话回访", MeetsNobody: true),
        new(LetterVisit, "信函回访", MeetsNobody: true),
    ];
}
