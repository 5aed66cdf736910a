using System.Linq.Expressions;

namespace HomeVisit.Core.Visits;

/// <summary>
/// The one definition of the unit a visit belongs to when figures are counted per unit: the visitors' unit, or for a
/// programme that counts under the visited unit (<see cref="Programmes.IProgrammeModule.CountsUnderVisitedUnit"/>)
/// the visited person's. Period summary, dashboard and ledger all filter through
/// it; the period summary groups the same way (the first visitor who is not the recorder, or the first person visited,
/// stored on the visit as <see cref="Visit.LeadVisitorPersonId"/> and <see cref="Visit.FirstTargetPersonId"/>).
/// </summary>
public static class VisitUnits
{
    /// <summary>Visits that belong to one of <paramref name="units"/> (a unit and the units below it).</summary>
    public static Expression<Func<Visit, bool>> In(IReadOnlyCollection<int> units, IReadOnlyCollection<string> countedUnderVisitedUnit) =>
        v => countedUnderVisitedUnit.Contains(v.ProgrammeKey)
            ? v.Targets.Any(t => t.Person != null && t.Person.UnitId != null && units.Contains(t.Person.UnitId.Value))
            : v.Visitors.Any(x => x.Person!.UnitId != null && units.Contains(x.Person.UnitId.Value));
}
