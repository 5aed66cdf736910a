using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HomeVisit.DataGen;

/// <summary>
/// One prepared INSERT into one table. EF change tracking costs about a millisecond per entity, which for
/// a couple of million rows is half an hour; a prepared statement inside one transaction is microseconds.
/// Values are written in the formats EF Core's SQLite provider reads back (text dates, enums as names).
/// </summary>
internal sealed class BulkTable : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkTable(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
        _command.Prepare();
    }

    public int Count { get; private set; }

    public void Insert(params object?[] values)
    {
        if (values.Length != _parameters.Length) throw new ArgumentException($"{values.Length} values for {_parameters.Length} columns.");
        for (var i = 0; i < values.Length; i++)
        {
            var (type, value) = Convert(values[i]);
            _parameters[i].SqliteType = type;
            _parameters[i].Value = value;
        }
        _command.ExecuteNonQuery();
        Count++;
    }

    private static (SqliteType, object) Convert(object? value) => value switch
    {
        null => (SqliteType.Text, DBNull.Value),
        string s => (SqliteType.Text, s),
        int i => (SqliteType.Integer, (long)i),
        long l => (SqliteType.Integer, l),
        bool b => (SqliteType.Integer, b ? 1L : 0L),
        DateTime d => (SqliteType.Text, d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        DateOnly d => (SqliteType.Text, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Enum e => (SqliteType.Text, e.ToString()),
        HomeVisit.Core.Visits.VisitForm f => (SqliteType.Text, f.Value),
        _ => throw new ArgumentException($"No SQLite format for {value.GetType().Name}."),
    };

    public void Dispose() => _command.Dispose();
}
