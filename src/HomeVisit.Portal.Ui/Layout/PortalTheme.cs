using MudBlazor;

namespace HomeVisit.Portal.Layout;

/// <summary>
/// The portal's look: the party-and-government red of Chinese institutions' portals as the primary colour, a calm
/// blue for secondary actions, and a Chinese font stack first (Noto Sans SC on Linux, PingFang on Apple devices,
/// Microsoft YaHei on Windows) so characters are not drawn by a Latin font's fallback.
/// </summary>
public static class PortalTheme
{
    public static readonly string[] FontFamily =
        ["Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#B71C1C",
            Secondary = "#1565C0",
            AppbarBackground = "#B71C1C",
            Background = "#F6F7F9",
            DrawerBackground = "#FFFFFF",
            DrawerText = "rgba(0,0,0,0.8)",
            TextPrimary = "rgba(0,0,0,0.87)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily, FontSize = "0.9375rem", LineHeight = "1.6" },
            H4 = new H4Typography { FontFamily = FontFamily, FontSize = "1.5rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = FontFamily, FontSize = "1.25rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontFamily, FontSize = "1.0625rem", FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontFamily, TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
