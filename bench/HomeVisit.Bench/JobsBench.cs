using System.Collections.Concurrent;
using System.Diagnostics;
using HomeVisit.Core.Data;
using HomeVisit.Core.Reminders;
using HomeVisit.Core.Visits;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Bench;

/// <summary>
/// The daily reminder job, and 20 writers a second against readers with no SQLITE_BUSY seen. On PostgreSQL the same
/// run counts lock and serialisation failures (SQLSTATE 40001, 40P01, 55P03) in the busy column.
/// </summary>
internal static class JobsBench
{
    public static async Task RunAsync(string label, string databasePath, string resultsFile, TimeSpan writersFor)
    {
        await using var portal = await PortalServices.OpenAsync(databasePath);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var stopwatch = Stopwatch.StartNew();
        var added = await portal.Get<ReminderService>().GenerateAsync(today);
        BrowserBench.Append(resultsFile, new(label, "reminder-job", $"daily run ({added} new reminders)", Math.Round(stopwatch.Elapsed.TotalSeconds, 2), "s"));

        var (writes, busy, errors) = await WritersAsync(portal, writersFor);
        BrowserBench.Append(resultsFile, new(label, "writers-busy", $"20 writers/s for {writersFor.TotalSeconds:F0} s ({writes} writes, {errors} other errors)", busy, "errors"));
    }

    /// <summary>
    /// Each tick starts one write in its own unit of work (an audited update of a visit's place, so the write
    /// takes the same path as an edit in the portal) while four readers page through the visit list.
    /// </summary>
    private static async Task<(int Writes, int Busy, int Errors)> WritersAsync(PortalServices portal, TimeSpan duration)
    {
        var factory = portal.Get<IDbContextFactory<PortalDbContext>>();
        var overseer = await portal.UserAsync("jiwei");
        var visits = portal.Get<VisitService>();
        int writes = 0, busy = 0, errors = 0;
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(duration);
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            var page = 1 + r * 50;
            while (!stop.IsCancellationRequested)
            {
                try { await visits.ListAsync(overseer, new VisitQuery(Page: page++ % 500 + 1)); }
                catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) { Interlocked.Increment(ref busy); }
                catch (Npgsql.PostgresException e) when (e.SqlState is "40001" or "40P01" or "55P03") { Interlocked.Increment(ref busy); }
            }
        })).ToList();
        var pending = new List<Task>();
        var random = new Random(1);
        var maxVisit = 1000;
        await using (var db = await factory.CreateDbContextAsync()) maxVisit = await db.Visits.MaxAsync(v => v.Id);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await timer.WaitForNextTickAsync() && !stop.IsCancellationRequested)
        {
            var id = random.Next(1, maxVisit + 1);
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    await using var db = await factory.CreateDbContextAsync();
                    var visit = await db.Visits.FindAsync(id);
                    if (visit is null) return;
                    visit.Place = $"会议室{DateTime.UtcNow.Ticks % 100}";
                    await db.SaveChangesAsync();
                    Interlocked.Increment(ref writes);
                }
                catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) { Interlocked.Increment(ref busy); }
                catch (Npgsql.PostgresException e) when (e.SqlState is "40001" or "40P01" or "55P03") { Interlocked.Increment(ref busy); }
                catch (Exception e) { Interlocked.Increment(ref errors); failures.Add(e.Message); }
            }));
        }
        await Task.WhenAll(pending);
        await Task.WhenAll(readers);
        foreach (var f in failures.Distinct().Take(5)) Console.Error.WriteLine(f);
        return (writes, busy, errors);
    }
}
