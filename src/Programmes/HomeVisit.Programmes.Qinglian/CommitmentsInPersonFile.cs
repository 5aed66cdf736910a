using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>
/// The signed 家庭助廉承诺书 in a person's file (seed 3 三、5 一人一档), as far as the viewer may see them
/// (<see cref="CommitmentService"/>'s visibility).
/// </summary>
public sealed class CommitmentsInPersonFile(CommitmentService commitments) : IPersonFileSection
{
    public Type Component => typeof(PersonFileCommitments);

    public async Task<object> LoadAsync(PortalDbContext db, PortalUser user, int personId, int maxRows, CancellationToken ct)
        => await commitments.InPersonFileAsync(db, user, personId, maxRows, ct);
}

public static class PersonFileCommitmentsExtensions
{
    extension(PersonFile file)
    {
        /// <summary>The file's signed commitments (empty when the section is not in it).</summary>
        public IReadOnlyList<CommitmentView> Commitments =>
            file.Sections.Select(s => s.Data).OfType<IReadOnlyList<CommitmentView>>().FirstOrDefault() ?? [];
    }
}
