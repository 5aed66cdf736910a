using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HomeVisit.Core;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Account;
using HomeVisit.Portal.Localization;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

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

    /// <summary>Blazor Server with MudBlazor, Chinese first and English second.</summary>
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        // Messages up to 512 KB. The largest field (a template, 20,000 characters) is about 120 KB once SignalR's JSON
        // escapes Chinese as \uXXXX; every field has a maxlength and portal.js caps pastes into any other at 20,000, so
        // no change event comes near this and a too-long paste never drops the circuit (docs/security.md).
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 512 * 1024);
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        // The default HTML encoder writes every Chinese character as an entity (&#x5BB6; is 8 bytes, 家 is 3 in UTF-8),
        // which roughly triples every prerendered page; passing all of Unicode through still encodes <, >, & and quotes.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        // Texts<TResources> wraps the framework's resx localizers (decision 0011); they read the culture per call.
        services.AddLocalization();
        services.AddSingleton(typeof(Texts<>));
        services.AddSingleton<ProgrammeTexts>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingPortalAuthenticationStateProvider>();
        services.AddSingleton<Exports.ExportFiles>();
        services.AddSingleton(new MarkdownContent(Path.Combine(AppContext.BaseDirectory, "wwwroot-content")));
        services.AddScoped<IdleTracker>();
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
