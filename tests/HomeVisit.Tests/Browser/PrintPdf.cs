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
        // A print view overflows when any printed block is wider than the A4 content box it sits in.
        var overflows = await page.EvaluateAsync<bool>("""
            () => [...document.querySelectorAll('.hv-print-page, .hv-print-page table, .hv-print-page td')]
                .some(e => e.scrollWidth > e.clientWidth + 2)
            """);
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        return new Result(CountPages(pdf), overflows, pdf);
    }

    /// <summary>Page objects in the PDF (Chromium writes them uncompressed as "/Type /Page").</summary>
    public static int CountPages(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}
