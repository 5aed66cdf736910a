using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Content;

/// <summary>
/// A Markdown text the portal prints (a letter, a pledge, a notice). The shipped text is the file
/// <c>wwwroot-content/templates/{Key}.md</c>; an institution's admins edit it in the portal, and their edits
/// are kept as <see cref="ContentTemplateRevision"/> rows, never in the shipped file.
/// </summary>
/// <param name="Key">File name without .md (lower case, digits, dashes).</param>
/// <param name="Title">Chinese title.</param>
/// <param name="Group">Who lists it, e.g. a programme key.</param>
/// <param name="Placeholders">The {{名称}} placeholders the text may use, filled when printed.</param>
public sealed record TemplateDefinition(string Key, string Title, string Group, IReadOnlyList<string> Placeholders);

/// <summary>One saved version of a template's text for an institution; rows are only ever added.</summary>
public class ContentTemplateRevision : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string TemplateKey { get; set; }
    public required string Markdown { get; set; }
    public int SavedByUserId { get; set; }
    public string? SavedByName { get; set; }
    public DateTime SavedAt { get; set; }
    public string? Note { get; set; }
}

internal sealed class ContentTemplateRevisionConfiguration : IEntityTypeConfiguration<ContentTemplateRevision>
{
    public void Configure(EntityTypeBuilder<ContentTemplateRevision> b)
    {
        b.Property(x => x.TemplateKey).HasMaxLength(64);
        b.Property(x => x.Markdown).HasMaxLength(ContentTemplateService.MaxLength);
        b.Property(x => x.SavedByName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.SavedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.TemplateKey, x.Id });
        b.HasIndex(x => x.SavedByUserId);
    }
}

/// <summary>The text in force: the latest revision, or the shipped file (RevisionId null).</summary>
public sealed record TemplateText(
    TemplateDefinition Definition, string Markdown, int? RevisionId, string Hash, DateTime? SavedAt, string? SavedBy)
{
    public bool IsDefault => RevisionId is null;
}

public sealed record TemplateRevisionView(int Id, DateTime SavedAt, string? SavedBy, string? Note, int Length, string Hash);

/// <summary>Editable Markdown templates per institution, with their history; rendered safely by <see cref="MarkdownContent"/>.</summary>
public sealed class ContentTemplateService(
    IDbContextFactory<PortalDbContext> dbFactory, MarkdownContent content, IEnumerable<TemplateDefinition> definitions, TimeProvider clock)
{
    public const string Folder = "templates";
    public const int MaxLength = 20000;

    private readonly IReadOnlyList<TemplateDefinition> _definitions = definitions.ToList();

    public IReadOnlyList<TemplateDefinition> Definitions(string group) => _definitions.Where(d => d.Group == group).ToList();

    public TemplateDefinition Definition(string key) =>
        _definitions.FirstOrDefault(d => d.Key == key) ?? throw new NotFoundException("模板不存在。");

    /// <summary>Editing the texts is for the system and programme administrators.</summary>
    public static bool CanEdit(PortalUser user) => user.IsAnyRole([Roles.SystemAdmin, Roles.ProgrammeAdmin]);

    /// <summary>The shipped text (wwwroot-content/templates/{key}.md).</summary>
    public string DefaultMarkdown(string key)
    {
        Definition(key);
        return content.LoadSource(Folder, key) ?? throw new NotFoundException($"缺少模板文件 {key}.md。");
    }

    public async Task<TemplateText> GetAsync(int institutionId, string key, CancellationToken ct = default)
    {
        var definition = Definition(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.Set<ContentTemplateRevision>().AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && r.TemplateKey == key)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            var markdown = DefaultMarkdown(key);
            return new TemplateText(definition, markdown, null, Hash(markdown), null, null);
        }
        return new TemplateText(definition, latest.Markdown, latest.Id, Hash(latest.Markdown), latest.SavedAt, latest.SavedByName);
    }

    /// <summary>A saved version's text (for comparing or restoring), administrators only.</summary>
    public async Task<string> GetRevisionAsync(PortalUser user, string key, int revisionId, CancellationToken ct = default)
    {
        EnsureEditor(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ContentTemplateRevision>().AsNoTracking()
            .Where(r => r.Id == revisionId && r.InstitutionId == user.InstitutionId && r.TemplateKey == key)
            .Select(r => r.Markdown).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    public async Task<IReadOnlyList<TemplateRevisionView>> HistoryAsync(PortalUser user, string key, CancellationToken ct = default)
    {
        EnsureEditor(user);
        Definition(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ContentTemplateRevision>().AsNoTracking()
            .Where(r => r.InstitutionId == user.InstitutionId && r.TemplateKey == key)
            .OrderByDescending(r => r.Id).Take(200)
            .Select(r => new { r.Id, r.SavedAt, r.SavedByName, r.Note, r.Markdown })
            .ToListAsync(ct);
        return rows.Select(r => new TemplateRevisionView(r.Id, r.SavedAt, r.SavedByName, r.Note, r.Markdown.Length, Hash(r.Markdown))).ToList();
    }

    /// <summary>
    /// Saves a new version. <paramref name="baseRevisionId"/> is the version the editor started from (null: the
    /// shipped text); if someone saved in between, <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    public async Task<int> SaveAsync(PortalUser user, string key, string? markdown, int? baseRevisionId, string? note, CancellationToken ct = default)
    {
        EnsureEditor(user);
        var definition = Definition(key);
        var v = Validate(definition, markdown);
        v.MaxLength("Note", note, 500, "修改说明");
        v.ThrowIfInvalid();

        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var latest = await db.Set<ContentTemplateRevision>()
            .Where(r => r.InstitutionId == user.InstitutionId && r.TemplateKey == key)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (latest != baseRevisionId) throw new ConcurrencyConflictException();
        var revision = new ContentTemplateRevision
        {
            InstitutionId = user.InstitutionId,
            TemplateKey = key,
            Markdown = Normalise(markdown!),
            SavedByUserId = user.UserId,
            SavedByName = user.DisplayName,
            SavedAt = clock.GetUtcNow().UtcDateTime,
            Note = TextInput.Clean(note),
        };
        db.Add(revision);
        await db.SaveChangesAsync(ct);
        return revision.Id;
    }

    /// <summary>Not empty, at most <see cref="MaxLength"/> characters, and only the template's own placeholders.</summary>
    public static Validator Validate(TemplateDefinition definition, string? markdown)
    {
        var v = new Validator();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            v.Add("Markdown", "模板内容不能为空。");
            return v;
        }
        if (markdown.Length > MaxLength)
        {
            v.Add("Markdown", new PortalMessage("模板内容过长（{0} 个字符），不能超过 {1} 个字符。", markdown.Length, MaxLength));
            return v;
        }
        if (!MarkdownContent.CanRender(markdown))
        {
            v.Add("Markdown", "模板内容嵌套过深（如大量连续的 [、> 或 * 符号），无法排版，请简化后再保存。");
            return v;
        }
        var unknown = MarkdownContent.Placeholders(markdown).Where(p => !definition.Placeholders.Contains(p)).ToList();
        if (unknown.Count > 0)
            v.Add("Markdown", new PortalMessage("模板中有无法识别的占位符：{0}。可用的占位符：{1}。",
                new TextList([.. unknown.Select(p => "{{" + p + "}}")]), new TextList([.. definition.Placeholders.Select(p => "{{" + p + "}}")])));
        return v;
    }

    /// <summary>Renders a text with its placeholders filled (HTML-encoded); safe to show as markup.</summary>
    public static string Render(string markdown, IReadOnlyDictionary<string, string?> values) =>
        MarkdownContent.RenderTemplate(markdown, values);

    /// <summary>A short fingerprint of a text, recorded with what was signed or sent on it.</summary>
    public static string Hash(string markdown) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Normalise(markdown)))).ToLowerInvariant();

    private static string Normalise(string markdown) => markdown.Replace("\r\n", "\n");

    private static void EnsureEditor(PortalUser user)
    {
        if (!CanEdit(user)) throw new AccessDeniedException("只有系统管理员和项目管理员可以修改模板。");
    }
}
