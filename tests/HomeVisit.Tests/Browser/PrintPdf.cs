using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Browser;

/// <summary>Renders a print view to an A4 PDF in Chromium and reads back what a printer would get.</summary>
public static partial class PrintPdf
{
    public sealed record Result(int Pages, bool Overflows, byte[] Pdf);

    public static async Task<Result> RenderAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // A print view overflows when the page, or any table or cell of it, is wider than the box it sits in.
        var overflows = await page.EvaluateAsync<bool>("""
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 2 ||
                  [...document.querySelectorAll('table, th, td')].some(e => e.scrollWidth > e.clientWidth + 2)
            """);
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        // Set HV_PDF_DIR to keep the PDFs and look at them (pdftoppm) when a print test fails.
        if (Environment.GetEnvironmentVariable("HV_PDF_DIR") is { } dir)
        {
            var name = $"{Path.GetFileName(path.Split('?')[0])}-{Guid.NewGuid():N}"[..20];
            await File.WriteAllBytesAsync(Path.Combine(dir, name + ".pdf"), pdf);
        }
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        return new Result(CountPages(pdf), overflows, pdf);
    }

    /// <summary>Page objects in the PDF (Chromium writes them uncompressed as "/Type /Page").</summary>
    public static int CountPages(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}
