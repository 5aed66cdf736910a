using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Extensions.MediaLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HomeVisit.Core.Content;

public sealed record ContentPage(string Slug, string Title, string Html);

/// <summary>
/// Markdown pages from wwwroot-content/, rendered with Markdig. Raw HTML is not passed through and
/// script-bearing links are neutralised, so content an admin edits can never run script in the portal.
/// </summary>
public sealed partial class MarkdownContent(string root)
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    // The advanced extensions, less two that let an author put markup of their choosing into the page:
    // generic attributes ("# 标题 {onclick=alert(1)}" becomes an onclick attribute) and media links (iframes).
    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml();
        builder.Extensions.RemoveAll(e => e is GenericAttributesExtension or MediaLinkExtension);
        return builder.Build();
    }

    public string Root { get; } = root;

    public static string Render(string markdown) => Render(markdown, _ => false);

    /// <summary>Whether Markdig can lay the text out; it refuses absurdly deep nesting (thousands of "[" or "*").</summary>
    public static bool CanRender(string markdown)
    {
        try
        {
            RenderOrThrow(markdown, _ => false);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Renders with links neutralised: those that could run script, and those <paramref name="refuse"/> names. Text
    /// Markdig cannot lay out is shown as it was written, escaped, rather than breaking the page.
    /// </summary>
    private static string Render(string markdown, Func<string, bool> refuse)
    {
        try
        {
            return RenderOrThrow(markdown, refuse);
        }
        catch (ArgumentException)
        {
            return $"<pre class=\"hv-unrendered\">{WebUtility.HtmlEncode(markdown)}</pre>\n";
        }
    }

    private static string RenderOrThrow(string markdown, Func<string, bool> refuse)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            // An image loads by itself whenever the page is shown, so one from another site would tell that site who
            // read a printed letter and when: only the portal's own images (relative URLs) are shown, others become
            // their description (issue 13 item 17). A link is followed only when clicked and may lead anywhere safe.
            if (link.IsImage && !IsOwnImage(link.Url, refuse))
            {
                var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                link.ReplaceBy(new LiteralInline(alt.Length > 0 ? $"[{alt}]" : ""));
                continue;
            }
            if (link.Url is { } url && (!IsSafeUrl(url) || refuse(url))) link.Url = "#";
        }
        // "<javascript:alert(1)>" is a CommonMark autolink, not a LinkInline: shown as plain text instead.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!refuse(autolink.Url) && (autolink.IsEmail || IsSafeUrl(autolink.Url))) continue;
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>A path on the portal itself ("/img/logo.png", "img/logo.png"): no scheme, no other host ("//host").</summary>
    public static bool IsOwnImage(string? url, Func<string, bool>? refuse = null)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith(@"\", StringComparison.Ordinal) ||
            trimmed.StartsWith(@"/\", StringComparison.Ordinal) || trimmed.StartsWith(@"\/", StringComparison.Ordinal)) return false;
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon >= 0 && (slash < 0 || colon < slash)) return false;
        return refuse is null || !refuse(url);
    }

    public static bool IsSafeUrl(string url)
    {
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        if (colon < 0) return true;
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true;
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    /// <summary>The placeholders a template uses, such as {{家访对象}}, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string markdown) =>
        PlaceholderPattern().Matches(markdown).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Renders a template and fills its placeholders. The placeholders are swapped for inert tokens before
    /// Markdown is parsed and the values, HTML-encoded, are put in afterwards: a value can neither carry
    /// markup nor change how the template's Markdown is read. A link whose target holds a placeholder leads
    /// nowhere (a value must never become a URL). A placeholder without a value stays visible.
    /// </summary>
    public static string RenderTemplate(string markdown, IReadOnlyDictionary<string, string?> values)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var salt = Guid.NewGuid().ToString("N")[..8];
        var prepared = PlaceholderPattern().Replace(markdown, m =>
        {
            var name = m.Groups[1].Value;
            if (!tokens.TryGetValue(name, out var token))
            {
                token = $"hvph{salt}x{tokens.Count}x";
                tokens[name] = token;
            }
            return token;
        });
        var html = new StringBuilder(Render(prepared, url => tokens.Values.Any(t => url.Contains(t, StringComparison.Ordinal))));
        foreach (var (name, token) in tokens)
        {
            var value = values.TryGetValue(name, out var v) && v is not null ? v : "{{" + name + "}}";
            html.Replace(token, WebUtility.HtmlEncode(value));
        }
        return html.ToString();
    }

    /// <summary>The Markdown source of a shipped page, or null.</summary>
    public string? LoadSource(string folder, string slug) => LoadSource(folder, slug, null);

    /// <summary>
    /// The source in a language ("en": <c>slug.en.md</c> beside <c>slug.md</c>), or the Chinese page when there is no
    /// translation: an English reader should not meet a Chinese help page where an English one ships.
    /// </summary>
    public string? LoadSource(string folder, string slug, string? language)
    {
        if (!SlugPattern().IsMatch(slug)) return null;
        if (language is not null && LanguagePattern().IsMatch(language))
        {
            var translated = Path.Combine(FolderPath(folder), $"{slug}.{language}.md");
            if (File.Exists(translated)) return File.ReadAllText(translated);
        }
        var path = Path.Combine(FolderPath(folder), slug + ".md");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>The pages of a folder, in file-name order, titled by their first heading.</summary>
    public IReadOnlyList<ContentPage> List(string folder)
    {
        var dir = FolderPath(folder);
        if (!Directory.Exists(dir)) return [];
        // Translations (slug.en.md) are versions of a page, not pages of their own.
        return Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(slug => SlugPattern().IsMatch(slug))
            .Select(slug => Load(folder, slug)!)
            .ToList();
    }

    public ContentPage? Load(string folder, string slug) => Load(folder, slug, []);

    /// <summary>
    /// A page for a reader who may not know of some programmes (<paramref name="unnamed"/>: their names): they are
    /// taken out of enumerations ("甲项目、乙项目") and any other line naming one is left out, so the help
    /// pages do not tell that a secret programme exists (issue 13 item 7).
    /// </summary>
    public ContentPage? Load(string folder, string slug, IReadOnlyCollection<string> unnamed) => Load(folder, slug, unnamed, null);

    /// <summary>As <see cref="Load(string, string, IReadOnlyCollection{string})"/>, in a language where the page is translated.</summary>
    public ContentPage? Load(string folder, string slug, IReadOnlyCollection<string> unnamed, string? language)
    {
        var markdown = LoadSource(folder, slug, language);
        if (markdown is null) return null;
        if (unnamed.Count > 0) markdown = Unname(markdown, unnamed);
        var title = markdown.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? slug;
        return new ContentPage(slug, title, Render(markdown));
    }

    public static string Unname(string markdown, IReadOnlyCollection<string> names)
    {
        var lines = new List<string>();
        foreach (var original in markdown.Split('\n'))
        {
            var line = original;
            foreach (var name in names.Where(n => n.Length > 0))
                line = line.Replace("、" + name, "", StringComparison.Ordinal).Replace(name + "、", "", StringComparison.Ordinal);
            if (!names.Any(n => n.Length > 0 && line.Contains(n, StringComparison.Ordinal))) lines.Add(line);
        }
        return string.Join('\n', lines);
    }

    /// <summary>The pages of a folder for a reader who may not know of some programmes (see <see cref="Load(string, string, IReadOnlyCollection{string})"/>).</summary>
    public IReadOnlyList<ContentPage> List(string folder, IReadOnlyCollection<string> unnamed) => List(folder, unnamed, null);

    /// <summary>The pages of a folder in a language where they are translated (see <see cref="LoadSource(string, string, string?)"/>).</summary>
    public IReadOnlyList<ContentPage> List(string folder, IReadOnlyCollection<string> unnamed, string? language) =>
        List(folder).Select(p => Load(folder, p.Slug, unnamed, language)!).ToList();

    private string FolderPath(string folder)
    {
        if (!SlugPattern().IsMatch(folder)) throw new ArgumentException("Bad content folder.", nameof(folder));
        return Path.Combine(Root, folder);
    }

    // Slugs name files under the content root; nothing else (no dots, no slashes) can reach the disk.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"\{\{\s*([^{}\s]{1,30})\s*\}\}")]
    private static partial Regex PlaceholderPattern();
}
