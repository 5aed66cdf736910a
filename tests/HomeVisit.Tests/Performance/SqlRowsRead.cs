using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// Counts the rows EF Core reads from one database file (each data reader's reads, as EF reports them when the reader is
/// disposed), beside <see cref="SqlCommandCounter"/>: a query that fetches a whole table to decide one thing in memory is
/// one command but thousands of rows.
/// </summary>
public sealed class SqlRowsRead : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataSource;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<(string Command, int Rows)> _reads = [];

    public SqlRowsRead(string databasePath)
    {
        _dataSource = Path.GetFullPath(databasePath);
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Rows { get { lock (_reads) return _reads.Sum(r => r.Rows); } }

    /// <summary>Each reader's command and rows, for a failure message.</summary>
    public IReadOnlyList<(string Command, int Rows)> Reads { get { lock (_reads) return [.. _reads]; } }

    public void Reset() { lock (_reads) _reads.Clear(); }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.DataReaderDisposing.Name || value.Value is not DataReaderDisposingEventData data) return;
        if (!string.Equals(Path.GetFullPath(data.Command.Connection?.DataSource ?? "."), _dataSource, StringComparison.Ordinal)) return;
        lock (_reads) _reads.Add((data.Command.CommandText, data.ReadCount));
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
