using HomeVisit.Core.Access;
using HomeVisit.Core.Import;

namespace HomeVisit.Portal.Import;

public static class ImportEndpoints
{
    /// <summary>The roster import template (/admin/import/template.xlsx), for the same roles as the import page.</summary>
    public static IEndpointRouteBuilder MapRosterImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/import/template.xlsx", () => Results.File(RosterTemplate.Build(), RosterTemplate.ContentType, RosterTemplate.FileName))
            .RequireAuthorization(PortalPolicies.RosterManagers);
        return app;
    }
}
