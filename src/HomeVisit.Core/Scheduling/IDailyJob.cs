namespace HomeVisit.Core.Scheduling;

/// <summary>
/// Work done once a day at a Beijing wall-clock time by <see cref="DailyJobScheduler"/>, on one portal instance only.
/// Register with <c>services.AddDailyJob&lt;T&gt;()</c>.
/// </summary>
public interface IDailyJob
{
    /// <summary>The stable key of the job's row in the database; never rename a job that has run.</summary>
    string Name { get; }

    /// <summary>The job's name for the admins, in Chinese.</summary>
    string Title { get; }

    /// <summary>When it is due each day, Beijing time.</summary>
    TimeOnly At { get; }

    /// <summary>Off by configuration: the scheduler neither runs nor records it.</summary>
    bool Enabled { get; }

    /// <summary>Does the work; returns a short Chinese summary for the admins.</summary>
    Task<string> RunAsync(CancellationToken ct);
}
