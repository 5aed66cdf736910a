using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using Microsoft.Net.Http.Headers;

namespace HomeVisit.Programmes.Qinglian;

public static class QinglianEndpoints
{
    /// <summary>
    /// GET /programmes/qinglian/commitments/{id}/scan: a signed commitment's scan, for those who may see the commitment
    /// (CommitmentService decides and audits the read); 404 for everyone else, and for everyone when the programme is
    /// off for the institution (its policy).
    /// </summary>
    public static IEndpointRouteBuilder MapQinglianEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/programmes/qinglian/commitments/{id:int}/scan", async (int id, HttpContext http, CommitmentService commitments, CancellationToken ct) =>
        {
            if (PortalUser.FromPrincipal(http.User) is not { } user) return Results.Unauthorized();
            ScanFile scan;
            try
            {
                scan = await commitments.OpenScanAsync(user, id, ct);
            }
            catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
            {
                return Results.NotFound();
            }
            // Shown in the browser, never sniffed into something else, never able to run script in the portal's origin.
            http.Response.Headers[HeaderNames.ContentDisposition] =
                new ContentDispositionHeaderValue("inline") { FileNameStar = scan.FileName }.ToString();
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
            http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            return Results.Stream(scan.Content, scan.ContentType);
        }).RequireAuthorization(QinglianProgramme.Policy);
        return app;
    }
}
