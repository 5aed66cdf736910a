using HomeVisit.Core.Calendar;

namespace HomeVisit.Portal.Calendar;

public static class CalendarEndpoints
{
    /// <summary>
    /// The private feed URL that calendar apps subscribe to. Anonymous by design (apps cannot sign in): the
    /// unguessable token is the credential; unknown or revoked tokens get 404 so they reveal nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, CalendarService calendar) =>
        {
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var ics = await calendar.RenderFeedAsync(token, baseUrl, http.RequestAborted);
            if (ics is null)
            {
                // A plain 404 for calendar apps, not the sign-in redirect the status-code page would give.
                if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
