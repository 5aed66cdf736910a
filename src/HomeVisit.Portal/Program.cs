using HomeVisit.Portal;
using HomeVisit.Portal.Components;
using HomeVisit.Portal.Account;
using HomeVisit.Portal.Calendar;
using HomeVisit.Portal.Exports;
using HomeVisit.Portal.Import;
using HomeVisit.Portal.Programmes;
using HomeVisit.Portal.Programmes.Qinglian;
using HomeVisit.Core.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalCore();
builder.Services.AddProgrammes();
builder.AddPortalAuthentication();
builder.Services.AddPortalUi();

var app = builder.Build();

await app.Services.InitialisePortalDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<ProgrammeGate>();
app.UseAntiforgery();

app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapAccountEndpoints();
app.MapCalendarEndpoints();
app.MapExportEndpoints();
app.MapRosterImportEndpoints();
app.MapQinglianEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
