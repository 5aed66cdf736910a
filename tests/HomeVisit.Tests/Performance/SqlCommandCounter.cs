using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// Counts the SQL commands EF Core sends to one database file, and the rows each reader read, through EF's
/// DiagnosticListener (the portal's own registration stays untouched). Other tests run in parallel on other files;
/// filtering on the file keeps their commands out of the count. Rows matter beside commands: a query that fetches a
/// whole table to decide one thing in memory is one command but thousands of rows.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataSource;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _commands = [];
    private readonly List<CapturedCommand> _captured = [];
    private readonly List<(string Command, int Rows)> _reads = [];

    public SqlCommandCounter(string databasePath)
    {
        _dataSource = Path.GetFullPath(databasePath);
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count { get { lock (_commands) return _commands.Count; } }

    /// <summary>The commands since the last reset, for a failure message that shows where the queries went.</summary>
    public IReadOnlyList<string> Commands { get { lock (_commands) return [.. _commands]; } }

    /// <summary>The commands since the last reset with their parameter values, to ask SQLite for their query plans.</summary>
    public IReadOnlyList<CapturedCommand> Captured { get { lock (_commands) return [.. _captured]; } }

    /// <summary>The rows read since the last reset (EF counts each Read(), the last one that finds no more rows too).</summary>
    public int Rows { get { lock (_commands) return _reads.Sum(r => r.Rows); } }

    /// <summary>Each reader's command and rows since the last reset, for a failure message.</summary>
    public IReadOnlyList<(string Command, int Rows)> Reads { get { lock (_commands) return [.. _reads]; } }

    public void Reset() { lock (_commands) { _commands.Clear(); _captured.Clear(); _reads.Clear(); } }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.DataReaderDisposing.Name && value.Value is DataReaderDisposingEventData read && Mine(read.Command))
        {
            lock (_commands) _reads.Add((read.Command.CommandText, read.ReadCount));
            return;
        }
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data || !Mine(data.Command)) return;
        var parameters = data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (_commands)
        {
            _commands.Add(data.Command.CommandText);
            _captured.Add(new CapturedCommand(data.Command.CommandText, parameters));
        }
    }

    private bool Mine(System.Data.Common.DbCommand command) =>
        string.Equals(Path.GetFullPath(command.Connection?.DataSource ?? "."), _dataSource, StringComparison.Ordinal);

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}

public sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);
