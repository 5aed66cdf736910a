using HomeVisit.Core.Content;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// The intake API's documentation (docs/api.md), built into the module so that the admins who create the keys can read
/// it in the portal: the repository's docs folder is not served, and the text stays the one the developers keep.
/// </summary>
public static class GanbuApiDocs
{
    private const string ResourceName = "HomeVisit.Programmes.Ganbu.api.md";

    private static readonly Lazy<string> RenderedHtml = new(() =>
    {
        using var stream = typeof(GanbuApiDocs).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The module was built without {ResourceName}.");
        using var reader = new StreamReader(stream);
        return MarkdownContent.Render(reader.ReadToEnd());
    });

    public static string Html => RenderedHtml.Value;
}
