using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The intake API's JSON: reading a submission field by field (so every bad field gets its own message), the response
/// shape, and RFC 9457 problem bodies with Chinese messages keyed by the JSON field names.
/// </summary>
public static class GanbuApiJson
{
    public const int MaxBodyBytes = 64 * 1024;
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Readable Chinese in the body (no \u escapes), camelCase names.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>JSON field names of the submission, by the service's field names.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(GanbuApiSubmission.ClientRequestId)] = "clientRequestId",
        [nameof(GanbuApiSubmission.StaffNumber)] = "staffNo",
        [nameof(GanbuApiSubmission.Category)] = "category",
        [nameof(GanbuApiSubmission.Tier)] = "tier",
        [nameof(GanbuApiSubmission.Summary)] = "summary",
        [nameof(GanbuApiSubmission.Description)] = "description",
    };

    public static string JsonName(string field) =>
        FieldNames.TryGetValue(field, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(field);

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static readonly string CategoryChoices = string.Join("、", Enum.GetValues<GanbuCategory>().Select(Name));
    private static readonly string TierChoices = string.Join("、", Enum.GetValues<GanbuTier>().Select(Name));

    /// <summary>
    /// Reads the body. Errors (JSON field → message) cover a body that is not JSON or not an object, a field of the wrong
    /// type, an unknown category or tier, and, when anything is wrong, every required field that is missing too.
    /// </summary>
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(GanbuApiSubmission Submission, Dictionary<string, string> Errors)> ReadSubmissionAsync(HttpRequest request, CancellationToken ct)
    {
        var submission = new GanbuApiSubmission();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.ContentLength > MaxBodyBytes)
        {
            errors["$"] = $"请求体不能超过 {MaxBodyBytes / 1024} KB。";
            return (submission, errors);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                errors["$"] = $"请求体不能超过 {MaxBodyBytes / 1024} KB。";
                return (submission, errors);
            }
        }

        // The reader checks UTF-8 only when a string is read, deep inside the mapping: checked up front, bad bytes are
        // the client's error (400) and never a crash (docs/api.md).
        var bytes = buffer.ToArray();
        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            errors["$"] = "请求体不是有效的 UTF-8 文本。";
            return (submission, errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            errors["$"] = buffer.Length == 0
                ? "请求体为空，请以 JSON 对象提交诉求。"
                : $"请求体不是有效的 JSON（第 {(ex.LineNumber ?? 0) + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字节附近）。";
            return (submission, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["$"] = "请求体须是 JSON 对象。";
                return (submission, errors);
            }
            var root = document.RootElement;
            submission.ClientRequestId = String(root, "clientRequestId", errors);
            submission.StaffNumber = String(root, "staffNo", errors);
            submission.Summary = String(root, "summary", errors);
            submission.Description = String(root, "description", errors);
            if (String(root, "category", errors) is { } category)
            {
                submission.Category = ParseCategory(category);
                if (submission.Category is null) errors["category"] = $"无法识别的诉求类别“{category}”，可选：{CategoryChoices}（或其中文名称）。";
            }
            if (String(root, "tier", errors) is { } tier)
            {
                if (ParseTier(tier) is { } t) submission.Tier = t;
                else errors["tier"] = $"无法识别的困难程度“{tier}”，可选：{TierChoices}（或其中文名称）。";
            }
        }

        if (errors.Count > 0)
        {
            // Say everything at once: the required fields that are missing as well.
            Missing("clientRequestId", submission.ClientRequestId, "请填写客户端请求编号（clientRequestId）。");
            Missing("staffNo", submission.StaffNumber, "请填写提出诉求干部的工号。");
            Missing("summary", submission.Summary, "请填写诉求内容。");
            if (submission.Category is null) errors.TryAdd("category", "请选择诉求类别。");
        }
        return (submission, errors);

        void Missing(string field, string? value, string message)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.TryAdd(field, message);
        }
    }

    private static string? String(JsonElement root, string name, Dictionary<string, string> errors)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String: return property.Value.GetString();
                case JsonValueKind.Null: return null;
                default:
                    errors[name] = "应为字符串。";
                    return null;
            }
        }
        return null;
    }

    public static GanbuCategory? ParseCategory(string value)
    {
        var v = value.Trim();
        foreach (var c in Enum.GetValues<GanbuCategory>())
            if (string.Equals(v, c.ToString(), StringComparison.OrdinalIgnoreCase) || v == GanbuLabels.Of(c) || v == GanbuLabels.Short(c)) return c;
        return null;
    }

    public static GanbuTier? ParseTier(string value)
    {
        var v = value.Trim();
        foreach (var t in Enum.GetValues<GanbuTier>())
            if (string.Equals(v, t.ToString(), StringComparison.OrdinalIgnoreCase) || v == GanbuLabels.Of(t)) return t;
        return null;
    }

    /// <summary>The response body for a request.</summary>
    public static object View(GanbuApiRequestView r) => new
    {
        id = r.Id,
        clientRequestId = r.ClientRequestId,
        status = Name(r.Status),
        statusText = GanbuLabels.Of(r.Status),
        category = Name(r.Category),
        categoryText = GanbuLabels.Of(r.Category),
        tier = Name(r.Tier),
        tierText = GanbuLabels.Of(r.Tier),
        handlingTier = Name(r.HandlingTier),
        unit = r.UnitName,
        handler = new { name = r.HandlerName, position = r.HandlerPosition, role = GanbuLabels.HandlerOf(r.HandlingTier) },
        deadline = r.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        overdue = r.IsOverdue,
        createdAt = DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc),
        resolution = r.Resolution,
        feedback = r.Feedback,
    };

    public static IResult Problem(int status, string title, string? detail, IReadOnlyDictionary<string, string>? errors = null) =>
        Results.Json(ProblemBody(status, title, detail, errors), Options, ProblemContentType, status);

    public static Task WriteProblemAsync(HttpResponse response, int status, string title, string? detail) =>
        response.WriteAsJsonAsync(ProblemBody(status, title, detail, null), Options, ProblemContentType);

    private static Dictionary<string, object?> ProblemBody(int status, string title, string? detail, IReadOnlyDictionary<string, string>? errors)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = status switch
            {
                400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
                _ => "about:blank",
            },
            ["title"] = title,
            ["status"] = status,
        };
        if (detail is not null) body["detail"] = detail;
        if (errors is not null) body["errors"] = errors.ToDictionary(e => e.Key, e => new[] { e.Value });
        return body;
    }
}
