using System.Text.RegularExpressions;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Reminders;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task A_users_unread_reminders_are_checked_against_that_users_own_quota_counts_and_items_not_the_institutions()
    {
        var leader = await AddUnreadReminderOfLeaderAsync();

        portal.Commands.Reset();
        await portal.Services.GetRequiredService<ReminderService>().UnreadAsync(leader);
        var commands = portal.Commands.Commands;

        // The quota counts (visits grouped by visitor) narrowed to the leader in the database...
        var quotaCounts = commands.Where(c => c.Contains("FROM \"VisitVisitors\"", StringComparison.Ordinal) && c.Contains("GROUP BY", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(quotaCounts);
        Assert.All(quotaCounts, c => Assert.Matches(new Regex("WHERE[\\s\\S]*\"PersonId\" = @"), c));
        // ...and the overdue items to those the leader owns or raised, not every overdue item of the institution.
        var overdue = commands.Where(c => c.Contains("FROM \"FollowUpItems\"", StringComparison.Ordinal) && c.Contains("\"Deadline\" <", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(overdue);
        Assert.All(overdue, c => Assert.Contains("\"CreatedByUserId\"", c[c.IndexOf("WHERE", StringComparison.Ordinal)..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_users_unread_reminders_reach_their_lianxi_visits_through_their_own_visitor_rows_not_the_whole_semester()
    {
        await AddUnreadReminderOfLeaderAsync();
        var plans = await QueryPlans.OfAsync(portal, DemoAccounts.Leader,
            user => portal.Services.GetRequiredService<ReminderService>().UnreadAsync(user),
            sql => sql.Contains("\"ProgrammeKey\" = 'lianxi'", StringComparison.Ordinal) && sql.Contains("FROM \"Visits\"", StringComparison.Ordinal));

        // The leader's visits of the semester, then their visitors and targets (the split query): each statement
        // starts from the leader's visitor rows and looks the visits up by id. With a correlated EXISTS per visit each
        // one walked every 联系师生 visit of the semester: 1.2-1.7 s per start page on the county database.
        Assert.NotEmpty(plans);
        Assert.All(plans, plan =>
        {
            Assert.Contains("IX_VisitVisitors_PersonId", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("CORRELATED", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("IX_Visits_InstitutionId_ProgrammeKey_EffectiveStart", plan, StringComparison.Ordinal);
        });
    }

    /// <summary>An unread reminder of the leader's, so the list asks the sources whether it still applies.</summary>
    private async Task<PortalUser> AddUnreadReminderOfLeaderAsync()
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var leader = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader));
        db.Set<Notification>().Add(new Notification
        {
            InstitutionId = leader.InstitutionId, UserId = leader.UserId, Kind = ReminderKinds.QuotaGap, Title = "测试提醒",
            DedupKey = "test-unread-" + Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return leader;
    }
}
