using HomeVisit.Core.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Performance;

/// <summary>The daily reminder job asks each source once per institution, not once per account.</summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class ReminderQueryBudgetTests(LargeDatabaseFixture portal)
{
    [Fact]
    public async Task The_daily_reminder_job_sends_a_bounded_number_of_queries_however_many_accounts_there_are()
    {
        var reminders = portal.Services.GetRequiredService<ReminderService>();

        portal.Commands.Reset();
        var added = await reminders.GenerateAsync();
        // The new reminders are inserted a row each (EF on SQLite does not batch); what must not grow with the
        // number of accounts is the reading.
        var queries = portal.Commands.Commands.Where(c => !c.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.True(added > 0, "The generated database should give some reminders.");
        // ~350 accounts here: a query per account and programme would be thousands.
        Assert.True(queries.Count <= 60, $"The reminder job sent {queries.Count} queries:\n" + string.Join("\n---\n", queries.Take(60)));
    }
}
