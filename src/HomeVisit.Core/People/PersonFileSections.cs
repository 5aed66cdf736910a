using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;

namespace HomeVisit.Core.People;

/// <summary>
/// A part a programme module adds to a person's file (一人一档, <see cref="PersonFileService"/>), registered in the
/// module's <c>AddServices</c>: it reads what the viewer may see of the person, inside the file's one audited read
/// (so only once the viewer may open the file), and names the component that shows it. The file lists the sections
/// after the core's visits and before the follow-up items, in registration order.
/// </summary>
public interface IPersonFileSection
{
    /// <summary>
    /// The component the person-file page shows for the section. It gets the parameters <c>Data</c> (object, what
    /// <see cref="LoadAsync"/> returned) and <c>Number</c> (int, the section's place in the file, for its heading).
    /// </summary>
    Type Component { get; }

    /// <summary>The section's rows about <paramref name="personId"/> that <paramref name="user"/> may see, at most <paramref name="maxRows"/>.</summary>
    Task<object> LoadAsync(PortalDbContext db, PortalUser user, int personId, int maxRows, CancellationToken ct);
}

/// <summary>One module's section of a person's file, loaded.</summary>
public sealed record PersonFileSection(Type Component, object Data);
