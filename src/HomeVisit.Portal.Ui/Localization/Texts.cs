using System.Globalization;
using Microsoft.Extensions.Localization;
using HomeVisit.Core.Visits;

namespace HomeVisit.Portal.Localization;

/// <summary>
/// The localizer pages inject as <c>T</c> (<c>@inject Texts&lt;&lt;Name&gt;Resources&gt; T</c> in a folder's _Imports.razor):
/// the framework's resx localizer of one resource set, keyed by the Chinese text. A text the set does not translate
/// is looked up in the core set (<see cref="PortalResources"/>), because modules build on the core's words
/// (保存, 取消, period and role names); the core never looks into a module, and no module into another, so one
/// module's English cannot change another's. A missing translation shows the Chinese key.
/// </summary>
public sealed class Texts<TResources> : IStringLocalizer<TResources>
{
    private readonly IStringLocalizer _texts;
    private readonly IStringLocalizer _enums;
    private readonly IStringLocalizerFactory _factory;
    private readonly HomeVisit.Core.Programmes.ProgrammeCatalog? _programmes;

    /// <param name="programmes">The registered modules, whose visit forms <see cref="Enum(VisitForm)"/> names; without
    /// it, only the core's forms have names.</param>
    public Texts(IStringLocalizerFactory factory, HomeVisit.Core.Programmes.ProgrammeCatalog? programmes = null)
    {
        _texts = ResourceChain.Create(factory, typeof(TResources));
        _enums = factory.Create(typeof(EnumResources));
        _factory = factory;
        _programmes = programmes;
    }

    public LocalizedString this[string name] => _texts[name];

    public LocalizedString this[string name, params object[] arguments] => _texts[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _texts.GetAllStrings(includeParentCultures);

    /// <summary>The translated format string filled in; the same as <c>T[zh, args]</c>, but gives a string.</summary>
    public string Format(string zh, params object?[] args) => _texts[zh, args!].Value;

    private static readonly string[] ChineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>
    /// A numbered heading of a printed record (三、跟踪事项; in English 3. Follow-up items), for a record whose parts are
    /// counted as they come (the person's file, where modules add parts).
    /// </summary>
    public string Numbered(int number, string title) =>
        Format("{0}、{1}", number is >= 1 and <= 10 ? _texts[ChineseNumerals[number - 1]].Value : number.ToString(CultureInfo.InvariantCulture), _texts[title].Value);

    /// <summary>An enum value's name: Chinese from <see cref="EnumNames"/>, English from the enum resource set.</summary>
    public string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum => _enums[EnumNames.Of(value)].Value;

    public IEnumerable<(TEnum Value, string Text)> Options<TEnum>() where TEnum : struct, System.Enum =>
        System.Enum.GetValues<TEnum>().Select(v => (v, Enum(v)));

    /// <summary>
    /// A visit form's name: a core form's from <see cref="VisitForms.Core"/> (English in the enum resource set), a module's
    /// from its <see cref="HomeVisit.Core.Programmes.IProgrammeModule.AddedForms"/> (English in the module's set).
    /// </summary>
    public string Enum(VisitForm form)
    {
        if (VisitForms.Find(form, null) is { } core) return _enums[core.Name].Value;
        var module = _programmes?.All.FirstOrDefault(m => m.AddedForms.Any(f => f.Form == form));
        if (module is null) return form.Value;
        var name = VisitForms.NameOf(form, module);
        return module.TextResources is { } set ? _factory.Create(set)[name].Value : name;
    }

    /// <summary>The given forms with their names, in the order given (a programme's allowed forms for a choice list).</summary>
    public IEnumerable<(VisitForm Value, string Text)> FormOptions(IEnumerable<VisitForm> forms) => forms.Select(f => (f, Enum(f)));

    /// <summary>
    /// A core message in the user's language: its template translated, and its text arguments too (they are field
    /// labels such as 姓名); a name or number that is no key stays as it is.
    /// </summary>
    public string Message(HomeVisit.Core.Data.PortalMessage message) => MessageTexts.Message(_texts, message);

    /// <summary>Every message of a refusal, each in the user's language, joined as the service joins them in Chinese.</summary>
    public string Messages(HomeVisit.Core.Data.PortalValidationException error) => MessageTexts.Messages(_texts, error);

    /// <summary>What a refused action shows: a refusal's messages, or a fixed Chinese message (not found, conflict) as a key.</summary>
    public string Error(Exception error) => MessageTexts.Error(_texts, error);

    /// <summary>A reporting period's name in the user's language (the core names it in Chinese only).</summary>
    public string Period(HomeVisit.Core.Programmes.Period period) => PeriodTexts.Label(period, this);
}

/// <summary>A resource set with the core set behind it (see <see cref="Texts{TResources}"/>; the core set has none behind it).</summary>
public sealed class ResourceChain(IStringLocalizer own, IStringLocalizer? core) : IStringLocalizer
{
    public static IStringLocalizer Create(IStringLocalizerFactory factory, Type resources) =>
        new ResourceChain(factory.Create(resources), resources == typeof(PortalResources) ? null : factory.Create(typeof(PortalResources)));

    public LocalizedString this[string name]
    {
        get
        {
            var found = own[name];
            return found.ResourceNotFound && core is not null ? core[name] : found;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            // English counts: "1 visit", not "1 visits" (EnglishPlurals).
            var template = EnglishPlurals.Adjust(format.Value, arguments);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => own.GetAllStrings(includeParentCultures);
}

/// <summary>
/// Renders core messages through any resource chain: a page's <see cref="Texts{TResources}"/>, or a module's set from
/// <see cref="ProgrammeTexts.For"/> when a core page shows a module's message.
/// </summary>
public static class MessageTexts
{
    public static string Message(this IStringLocalizer texts, HomeVisit.Core.Data.PortalMessage message) =>
        message.Args.Length == 0
            ? texts[message.Template].Value
            : texts[message.Template, message.Args.Select(a => Text(texts, a)).ToArray()!].Value;

    public static string Messages(this IStringLocalizer texts, HomeVisit.Core.Data.PortalValidationException error) =>
        string.Join(texts["；"].Value, error.Messages.Values.Select(m => Message(texts, m)));

    /// <summary>Items of a list joined with the reader's list mark: 、 in Chinese, a comma in English.</summary>
    public static string JoinList<TItem>(this IStringLocalizer texts, IEnumerable<TItem> items) => string.Join(texts["、"].Value, items);

    public static string Error(this IStringLocalizer texts, Exception error) =>
        error is HomeVisit.Core.Data.PortalValidationException v ? Messages(texts, v) : texts[error.Message].Value;

    /// <summary>One argument of a message in the user's language: a key, a message, a period or a list of them; data as it is.</summary>
    public static object? Text(this IStringLocalizer texts, object? a) => a switch
    {
        // A message inside a message (a quota reason's "依据…，") and a period are translated as themselves.
        HomeVisit.Core.Data.PortalMessage { Template: "" } => "",
        HomeVisit.Core.Data.PortalMessage m => Message(texts, m),
        HomeVisit.Core.Programmes.Period p => PeriodTexts.Label(p, texts),
        HomeVisit.Core.Programmes.PeriodList l => JoinList(texts, l.Periods.Select(p => PeriodTexts.Label(p, texts))),
        HomeVisit.Core.Data.TextList l => JoinList(texts, l.Items.Select(i => Text(texts, i))),
        "" => "",
        string s => texts[s].Value,
        _ => a,
    };
}
