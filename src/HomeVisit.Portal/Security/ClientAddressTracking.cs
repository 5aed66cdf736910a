using HomeVisit.Core.Audit;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HomeVisit.Portal.Security;

/// <summary>
/// Carries the client's address to the audit log (<see cref="ClientContext"/>). A circuit's events do not run inside
/// an HTTP request, so the address of the connection that opened the circuit (after forwarded headers) is kept and
/// set again around each inbound activity: a click, a form submit, a grid load.
/// </summary>
public sealed class ClientAddressCircuitHandler(IHttpContextAccessor http) : CircuitHandler
{
    private readonly string? _address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            ClientContext.Address = _address;
            return next(context);
        };
}

public static class ClientAddressTracking
{
    /// <summary>Per request, after UseForwardedHeaders, so behind a known proxy it is the browser's address.</summary>
    public static IApplicationBuilder UseClientAddressForAudit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            ClientContext.Address = context.Connection.RemoteIpAddress?.ToString();
            return next(context);
        });
}
