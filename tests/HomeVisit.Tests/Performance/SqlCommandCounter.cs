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

    public SqlCommandCounter(string databasePath)
    {
        _dataSource = Path.GetFullPath(databasePath);
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count { get { lock (_commands) return _commands.Count; } }

    /// <summary>The commands since the last reset, for a failure message that shows where the queries went.</summary>
    public IReadOnlyList<string> Commands { get { lock (_commands) return [.. _commands]; } }

    public void Reset() { lock (_commands) _commands.Clear(); }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data) return;
        if (!string.Equals(Path.GetFullPath(data.Command.Connection?.DataSource ?? "."), _dataSource, StringComparison.Ordinal)) return;
        lock (_commands) _commands.Add(data.Command.CommandText);
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
