using System.Globalization;

namespace HomeVisit.Core.Data;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// A message as its Chinese template and arguments (<c>请填写{0}。</c>, <c>姓名</c>), so the UI can show it in the
/// user's language: the template is the key of its translation. <see cref="ToString"/> is the Chinese text.
/// </summary>
public sealed record PortalMessage(string Template, params object?[] Args)
{
    public override string ToString() =>
        Args.Length == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, Args);
}

/// <summary>
/// Several texts as one argument of a <see cref="PortalMessage"/> (role names, form names, placeholders), so each item is
/// translated on its own and joined in the reader's language; <see cref="ToString"/> joins them with 、 for Chinese.
/// </summary>
public sealed record TextList(IReadOnlyList<object?> Items)
{
    public override string ToString() => string.Join("、", Items);
}

/// <summary>Bad input: messages in Chinese keyed by the field they belong beside.</summary>
public sealed class PortalValidationException : Exception
{
    public PortalValidationException(IReadOnlyDictionary<string, PortalMessage> messages)
        : base(string.Join("；", messages.Values))
    {
        Messages = messages;
        Errors = messages.ToDictionary(m => m.Key, m => m.Value.ToString());
    }

    public PortalValidationException(IReadOnlyDictionary<string, string> errors)
        : this(errors.ToDictionary(e => e.Key, e => new PortalMessage(e.Value))) { }

    public PortalValidationException(string field, string message)
        : this(new Dictionary<string, string> { [field] = message }) { }

    public PortalValidationException(string field, PortalMessage message)
        : this(new Dictionary<string, PortalMessage> { [field] = message }) { }

    /// <summary>The Chinese text of each field's message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>
    /// The messages are warnings, not errors (e.g. seed 1: a 上门家访 in working hours): the same input is accepted once
    /// the user confirms (the form sends it again with its “accept warnings” flag). A page that offers no confirmation
    /// simply shows them like errors.
    /// </summary>
    public bool IsWarning { get; init; }

    /// <summary>The same messages as template and arguments, for showing them translated.</summary>
    public IReadOnlyDictionary<string, PortalMessage> Messages { get; }
}

/// <summary>Someone else saved the record since it was loaded; the caller should reload.</summary>
public sealed class ConcurrencyConflictException()
    : Exception("该记录已被他人修改，请重新加载后再编辑。");

/// <summary>The user may not see or change this record. Pages show 404/403; nothing is leaked.</summary>
public sealed class AccessDeniedException(string message = "无权访问该记录。") : Exception(message);

public sealed class NotFoundException(string message = "记录不存在或无权查看。") : Exception(message);

/// <summary>Collects field errors, then throws them together so the form shows all of them at once.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, PortalMessage> _errors = [];

    public Validator Require(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, new PortalMessage("请填写{0}。", label));
        return this;
    }

    public Validator MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max) Add(field, new PortalMessage("{0}不能超过 {1} 个字。", label, max));
        return this;
    }

    /// <summary>
    /// A date a person could mean: 9999-12-31 would overflow the arithmetic after it (an end time, a reminder) and
    /// 0001-01-01 or 1900-01-01 are slips. <see cref="DateLimits"/> holds the ranges the services use.
    /// </summary>
    public Validator DateInRange(string field, DateTime? value, DateTime min, DateTime max, string label)
    {
        if (value is { } d && (d < min || d > max))
            Add(field, new PortalMessage("{0}应在 {1:yyyy-MM-dd} 至 {2:yyyy-MM-dd} 之间。", label, min, max));
        return this;
    }

    public Validator DateInRange(string field, DateOnly? value, DateOnly min, DateOnly max, string label) =>
        DateInRange(field, value?.ToDateTime(TimeOnly.MinValue), min.ToDateTime(TimeOnly.MinValue), max.ToDateTime(TimeOnly.MaxValue), label);

    public Validator Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    /// <summary>A check whose message has data inside (a number, a date, a label), kept as template and arguments.</summary>
    public Validator Check(bool ok, string field, PortalMessage message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    public void Add(string field, string message) => Add(field, new PortalMessage(message));

    public void Add(string field, PortalMessage message) => _errors.TryAdd(field, message);

    public bool HasErrors => _errors.Count > 0;

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new PortalValidationException(_errors);
    }

    private readonly Dictionary<string, PortalMessage> _warnings = [];

    /// <summary>Something the user should confirm rather than correct (see <see cref="PortalValidationException.IsWarning"/>).</summary>
    public void Warn(string field, string message) => Warn(field, new PortalMessage(message));

    public void Warn(string field, PortalMessage message) => _warnings.TryAdd(field, message);

    /// <summary>Errors first; then, unless the user already confirmed them, the warnings.</summary>
    public void ThrowIfInvalidOrUnconfirmed(bool warningsAccepted)
    {
        ThrowIfInvalid();
        if (_warnings.Count > 0 && !warningsAccepted) throw new PortalValidationException(_warnings) { IsWarning = true };
    }
}

/// <summary>The date ranges the services accept (issue 13 item 13): wide enough for any real entry, narrow enough to catch slips.</summary>
public static class DateLimits
{
    /// <summary>The earliest day of any visit, plan, deadline or record: the programmes' documents are all later.</summary>
    public static readonly DateOnly EarliestRecord = new(2000, 1, 1);

    /// <summary>The earliest birth date.</summary>
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>How far ahead anything may be planned.</summary>
    public const int YearsAhead = 5;

    public static DateOnly LatestPlanned(DateOnly today) => today.AddYears(YearsAhead);
}
