using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// Counts the SQL commands EF Core sends to one database file, through EF's DiagnosticListener (the portal's
/// own registration stays untouched). Other tests run in parallel on other files; filtering on the file keeps
/// their commands out of the count.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataSource;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _commands = [];
    private readonly List<CapturedCommand> _captured = [];

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

    public void Reset() { lock (_commands) { _commands.Clear(); _captured.Clear(); } }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data) return;
        if (!string.Equals(Path.GetFullPath(data.Command.Connection?.DataSource ?? "."), _dataSource, StringComparison.Ordinal)) return;
        var parameters = data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (_commands)
        {
            _commands.Add(data.Command.CommandText);
            _captured.Add(new CapturedCommand(data.Command.CommandText, parameters));
        }
    }

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
