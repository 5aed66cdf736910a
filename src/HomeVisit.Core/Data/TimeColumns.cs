using HomeVisit.Core.Qinglian;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore.Metadata;

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
/// as <c>timestamptz</c>, and refuses a value of the wrong kind. The wall-clock columns are listed here by name so a new
/// one is a deliberate choice; every other <see cref="DateTime"/> is a UTC instant.
/// </summary>
public static class TimeColumns
{
    private static readonly HashSet<(Type Entity, string Property)> WallClockColumns =
    [
        (typeof(Visit), nameof(Visit.PlannedStart)),
        (typeof(Visit), nameof(Visit.PlannedEnd)),
        (typeof(Visit), nameof(Visit.ActualStart)),
        (typeof(Visit), nameof(Visit.EffectiveStart)),
        (typeof(QinglianNotice), nameof(QinglianNotice.VisitTime)),
    ];

    /// <summary>Every DateTime property of the model with its kind.</summary>
    public static IEnumerable<(IMutableProperty Property, TimeColumnKind Kind)> Of(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type != typeof(DateTime)) continue;
            yield return (property, KindOf(entity.ClrType, property.Name));
        }
    }

    public static TimeColumnKind KindOf(Type entity, string property)
        => WallClockColumns.Contains((entity, property)) ? TimeColumnKind.WallClock : TimeColumnKind.UtcInstant;
}
