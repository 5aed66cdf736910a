using System.Text.RegularExpressions;
using Markdig;
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
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public string Root { get; } = root;

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !IsSafeUrl(url)) link.Url = "#";
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
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

    /// <summary>The pages of a folder, in file-name order, titled by their first heading.</summary>
    public IReadOnlyList<ContentPage> List(string folder)
    {
        var dir = FolderPath(folder);
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(slug => Load(folder, slug)!)
            .ToList();
    }

    public ContentPage? Load(string folder, string slug)
    {
        if (!SlugPattern().IsMatch(slug)) return null;
        var path = Path.Combine(FolderPath(folder), slug + ".md");
        if (!File.Exists(path)) return null;
        var markdown = File.ReadAllText(path);
        var title = markdown.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? slug;
        return new ContentPage(slug, title, Render(markdown));
    }

    private string FolderPath(string folder)
    {
        if (!SlugPattern().IsMatch(folder)) throw new ArgumentException("Bad content folder.", nameof(folder));
        return Path.Combine(Root, folder);
    }

    // Slugs name files under the content root; nothing else (no dots, no slashes) can reach the disk.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SlugPattern();
}
