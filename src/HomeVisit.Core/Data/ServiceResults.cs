namespace HomeVisit.Core.Data;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Bad input: messages in Chinese keyed by the field they belong beside.</summary>
public sealed class PortalValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join("；", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    public PortalValidationException(string field, string message)
        : this(new Dictionary<string, string> { [field] = message }) { }
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
    private readonly Dictionary<string, string> _errors = [];

    public Validator Require(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"请填写{label}。");
        return this;
    }

    public Validator MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max) Add(field, $"{label}不能超过 {max} 个字。");
        return this;
    }

    public Validator Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    public void Add(string field, string message) => _errors.TryAdd(field, message);

    public bool HasErrors => _errors.Count > 0;

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new PortalValidationException(_errors);
    }
}
