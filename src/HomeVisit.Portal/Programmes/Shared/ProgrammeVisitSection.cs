namespace HomeVisit.Portal.Programmes.Shared;

/// <summary>
/// A section a programme module adds to the page of its visits (/visits/{id}), below the visit's record and
/// follow-up items. A module registers one in its <c>AddServices</c>:
/// <code>services.AddSingleton(new ProgrammeVisitSection(Key, typeof(MyVisitSection)));</code>
/// The component gets the parameters <c>Visit</c> (<see cref="Core.Visits.VisitDetail"/>), <c>User</c>
/// (<see cref="Core.Accounts.PortalUser"/>) and <c>Changed</c> (an <see cref="Microsoft.AspNetCore.Components.EventCallback"/>
/// that reloads the visit page after the section changed the visit).
/// </summary>
public sealed record ProgrammeVisitSection(string ProgrammeKey, Type Component);
