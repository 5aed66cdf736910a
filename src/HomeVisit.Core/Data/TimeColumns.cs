using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Data;

/// <summary>What a stored <see cref="DateTime"/> means, which decides its column type on a provider that knows the difference.</summary>
public enum TimeColumnKind
{
    /// <summary>An instant, stored as UTC: when something happened (created, audited, signed in, leases).</summary>
    UtcInstant,

    /// <summary>A Beijing wall-clock time as the user typed it (a visit's planned and actual times); no offset.</summary>
    WallClock,
}

/// <summary>
/// Every <see cref="DateTime"/> column is one of two things (docs/decisions/0014-postgresql.md). SQLite stores both as
/// text and cannot tell them apart; PostgreSQL keeps wall-clock times as <c>timestamp without time zone</c> and instants
/// as <c>timestamptz</c>, and refuses a value of the wrong kind. The core's wall-clock columns are listed here by name, and
/// a programme module declares its own in its entity configuration (<see cref="IsWallClock"/>), so a new one is a
/// deliberate choice; every other <see cref="DateTime"/> is a UTC instant.
/// </summary>
public static class TimeColumns
{
    private static readonly HashSet<(Type Entity, string Property)> WallClockColumns =
    [
        (typeof(Visit), nameof(Visit.PlannedStart)),
        (typeof(Visit), nameof(Visit.PlannedEnd)),
        (typeof(Visit), nameof(Visit.ActualStart)),
        (typeof(Visit), nameof(Visit.EffectiveStart)),
    ];

    // A mark read while the model is built and removed before it is finished, so it never reaches a migration's snapshot.
    private const string WallClockMark = "HomeVisit:WallClock";

    /// <summary>
    /// Declares a module's <see cref="DateTime"/> property a Beijing wall-clock time (<see cref="TimeColumnKind.WallClock"/>):
    /// <c>timestamp without time zone</c> on PostgreSQL, as the visit times it copies are.
    /// </summary>
    public static PropertyBuilder<TProperty> IsWallClock<TProperty>(this PropertyBuilder<TProperty> property)
    {
        property.HasAnnotation(WallClockMark, true);
        return property;
    }

    /// <summary>Drops the modules' wall-clock marks once the provider's column types are set (the end of model building).</summary>
    internal static void ClearMarks(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
            property.RemoveAnnotation(WallClockMark);
    }

    /// <summary>Every DateTime property of the model with its kind.</summary>
    public static IEnumerable<(IMutableProperty Property, TimeColumnKind Kind)> Of(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type != typeof(DateTime)) continue;
            yield return (property, property.FindAnnotation(WallClockMark)?.Value is true ? TimeColumnKind.WallClock : KindOf(entity.ClrType, property.Name));
        }
    }

    public static TimeColumnKind KindOf(Type entity, string property)
        => WallClockColumns.Contains((entity, property)) ? TimeColumnKind.WallClock : TimeColumnKind.UtcInstant;
}
