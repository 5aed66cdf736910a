using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HomeVisit.Core;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Account;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using Radzen;

namespace HomeVisit.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>Database, core services and health checks.</summary>
    public static WebApplicationBuilder AddPortalCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddPortalCoreServices(builder.Configuration);
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return builder;
    }

    /// <summary>Blazor Server with Radzen, Chinese first and English second.</summary>
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        // Messages up to 256 KB: the template editor sends up to 20,000 Chinese characters (about 60 KB) in one event.
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);
        services.AddRadzenComponents();
        // The default HTML encoder writes every Chinese character as an entity (&#x5BB6; is 8 bytes, 家 is 3 in UTF-8),
        // which roughly triples every prerendered page; passing all of Unicode through still encodes <, >, & and quotes.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddSingleton<Texts>();
        services.AddSingleton<Exports.ExportFiles>();
        services.AddSingleton(new MarkdownContent(Path.Combine(AppContext.BaseDirectory, "wwwroot-content")));
        services.AddScoped<IdleTracker>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<IdleTracker>());
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only the user's explicit choice (the cookie) switches language; the browser's does not.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }
}
