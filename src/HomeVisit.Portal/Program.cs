using HomeVisit.Portal;
using HomeVisit.Portal.Components;
using HomeVisit.Portal.Account;
using HomeVisit.Portal.Calendar;
using HomeVisit.Portal.Exports;
using HomeVisit.Portal.Import;
using HomeVisit.Portal.Programmes;
using HomeVisit.Core.Data;
using HomeVisit.Portal.Security;
using HomeVisit.Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);

// scripts/backup.sh and scripts/restore.sh: the same configuration, no web server.
if (DataVerbs.IsVerb(args))
{
    Environment.ExitCode = await DataVerbs.RunAsync(builder, args);
    return;
}

builder.AddPortalCore();
builder.Services.AddProgrammes();
builder.AddPortalAuthentication();
builder.Services.AddPortalUi();
builder.AddPortalSecurity();
builder.AddPortalInstances();

var app = builder.Build();

await app.Services.InitialisePortalDatabaseAsync();

// First, so the client address and scheme behind a known reverse proxy are what the rest sees (docs/security.md).
app.UseForwardedHeaders();
app.UseClientAddressForAudit();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseMiddleware<ApiResponses>();
app.UseRateLimiter();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapPortalHealth();
app.MapAccountEndpoints();
app.MapCalendarEndpoints();
app.MapExportEndpoints();
app.MapRosterImportEndpoints();
app.MapProgrammeEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies([.. ProgrammesServiceCollectionExtensions.PageAssemblies(app.Services.GetServices<HomeVisit.Core.Programmes.IProgrammeModule>())]);

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
