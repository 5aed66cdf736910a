using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Reminders;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Performance;

/// <summary>
/// 清廉家访's household list at scale (seed 3 三、1): whether the half year's confirmed list still matches the staff is
/// decided in the database, for the household page and for the 综合部's reminder, reading a handful of rows however
/// many staff the institution has (it used to read every person id on each status call: 20,000 for a county).
/// </summary>
[Collection(LargeDatabaseCollection.Name)]
public sealed class QinglianListScaleTests(LargeDatabaseFixture portal)
{
    [Fact]
    public async Task The_lists_status_and_the_general_affairs_reminder_read_a_handful_of_rows_not_the_staff()
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var lists = portal.Services.GetRequiredService<QinglianListService>();
        var reminders = portal.Services.GetRequiredService<ReminderService>();
        PortalUser zonghe;
        int staff;
        int? unit;
        await using (var db = await factory.CreateDbContextAsync())
        {
            unit = await db.People.Where(p => p.InstitutionId == 1).Select(p => p.UnitId).FirstAsync();
            var account = new UserAccount
            {
                InstitutionId = 1, UserName = "zonghe-scale", DisplayName = "综合部干事",
                Person = new Person { InstitutionId = 1, Name = "综合部干事", StaffNumber = "ZH-SCALE-1", UnitId = unit },
                Roles = [QinglianProgramme.GeneralAffairsRole],
            };
            db.UserAccounts.Add(account);
            await db.SaveChangesAsync();
            zonghe = PortalUser.From(account);
            staff = await db.People.CountAsync(p => p.InstitutionId == 1);
        }
        await lists.ConfirmAsync(zonghe);
        await using (var db = await factory.CreateDbContextAsync())
        {
            for (var i = 1; i <= 7; i++)
                db.People.Add(new Person { InstitutionId = 1, Name = $"新入职{i}", StaffNumber = $"ZH-SCALE-N{i}", UnitId = unit });
            await db.SaveChangesAsync();
        }
        portal.Commands.Reset();
        var status = await lists.StatusAsync(zonghe);
        var next = await lists.NextStatusAsync(zonghe);

        Assert.True(status.Changed);
        Assert.Equal(staff + 7, status.Households);
        Assert.Equal("新增 7 人：新入职1、新入职2、新入职3、新入职4、新入职5等", status.Change!.Message().ToString());
        Assert.False(next.Confirmed);
        Assert.Equal(staff + 7, next.Households);
        // Both cards of the household page: a few statements, a few rows, with 1,000 staff here (20,000 in a county).
        Assert.True(portal.Commands.Count <= 8, $"{portal.Commands.Count} commands:\n" + string.Join("\n---\n", portal.Commands.Commands));
        Assert.True(portal.Commands.Rows <= 20, $"{portal.Commands.Rows} rows read:\n" + string.Join("\n---\n", portal.Commands.Reads.Select(r => $"{r.Rows}: {r.Command}")));

        // The daily run: one comparison for the institution however many accounts (and the names of the one changed
        // list), and the 综合部 is told.
        portal.Commands.Reset();
        await reminders.GenerateAsync();
        var compared = portal.Commands.Commands.Where(c => c.Contains("\"QinglianListMembers\"", StringComparison.Ordinal)).ToList();
        Assert.True(compared.Count == 2, string.Join("\n---\n", compared));
        // EF counts each Read(), the last one that finds no more rows too: 1 + 1 for the comparison, 5 + 1 for the names.
        var read = portal.Commands.Reads.Where(r => r.Command.Contains("\"QinglianListMembers\"", StringComparison.Ordinal)).ToList();
        Assert.True(read.Sum(r => r.Rows) <= 10, string.Join("\n---\n", read.Select(r => $"{r.Rows}: {r.Command}")));
        var reminder = Assert.Single(await reminders.UnreadAsync(zonghe), n => n.Kind == QinglianListReminders.Kind);
        Assert.Equal("新增 7 人：新入职1、新入职2、新入职3、新入职4、新入职5等", reminder.Detail);

        // Confirmed again, the reminder is gone, as it would be for the county.
        await lists.ConfirmAsync(zonghe);
        Assert.DoesNotContain((await reminders.UnreadAsync(zonghe)), n => n.Kind == QinglianListReminders.Kind);
    }
}
