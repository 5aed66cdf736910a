using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Reminders;
using HomeVisit.Programmes.Qinglian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Qinglian;

/// <summary>
/// Seed 3 三、1: when a confirmed household list no longer matches the staff (a new hire waits for it), the 综合部 (the
/// role the rules name) is reminded through the portal's daily reminders, once, until it confirms again. On both
/// providers: the comparison is SQL of its own.
/// </summary>
public abstract class ListReminderTests : IDisposable
{
    private readonly QinglianWorld _w;
    private readonly PortalUser _zonghe;

    protected ListReminderTests(PortalDatabaseProvider provider)
    {
        _w = new(listCheck: true, provider);
        using var db = _w.S.Context();
        var person = new Person { InstitutionId = _w.S.InstitutionA, Name = "综合部干事", StaffNumber = "Z-0001", UnitId = _w.S.StaffOne.UnitId };
        var account = new UserAccount
        {
            InstitutionId = _w.S.InstitutionA, UserName = "zonghe", DisplayName = "综合部干事", Person = person,
            Roles = [QinglianProgramme.GeneralAffairsRole],
        };
        db.UserAccounts.Add(account);
        db.SaveChanges();
        _zonghe = PortalUser.From(account);
    }

    public void Dispose() => _w.Dispose();

    private ReminderService Reminders() => new(_w.S.Db.Factory, [new QinglianListReminders(_w.S.Rules)],
        new ReminderMailer(_w.S.Db.Factory, Options.Create(new SmtpOptions()), _w.S.Clock, NullLogger<ReminderMailer>.Instance),
        _w.S.Clock, NullLogger<ReminderService>.Instance);

    private async Task<List<NotificationView>> UnreadAsync(PortalUser user) =>
        (await Reminders().UnreadAsync(user)).Where(n => n.Kind == QinglianListReminders.Kind).ToList();

    private Task<int> StoredAsync(PortalUser user) =>
        _w.S.ReadAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == user.UserId && n.Kind == QinglianListReminders.Kind));

    private async Task HireAsync(string name)
    {
        await using var db = _w.S.Context();
        db.People.Add(new Person { InstitutionId = _w.S.InstitutionA, Name = name, StaffNumber = "N-" + name, UnitId = _w.S.StaffOne.UnitId });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_new_hire_after_confirmation_reminds_the_general_affairs_office_only_once_and_confirming_again_ends_it()
    {
        await _w.Lists.ConfirmAsync(_zonghe);
        await Reminders().GenerateAsync();
        Assert.Equal(0, await StoredAsync(_zonghe));

        await HireAsync("新同事");
        Assert.Equal(1, await Reminders().GenerateAsync());

        var reminder = Assert.Single(await UnreadAsync(_zonghe));
        Assert.Equal("2026年下半年的家访名单确认后人员有变动，请重新确认", reminder.Title);
        Assert.Equal("新增 1 人：新同事", reminder.Detail);
        Assert.Equal("/programmes/qinglian/households", reminder.Link);
        // Not the leaders', nor anyone else's: only the role that confirms.
        Assert.Empty(await UnreadAsync(_w.S.Leader1));
        Assert.Equal(0, await _w.S.ReadAsync(db => db.Set<Notification>().CountAsync(n => n.UserId != _zonghe.UserId)));

        // Unchanged the next morning: no second unread item.
        _w.S.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Reminders().GenerateAsync());
        Assert.Single(await UnreadAsync(_zonghe));

        // A further hire: the one reminder now says what the list lacks.
        await HireAsync("又一位");
        await Reminders().GenerateAsync();
        Assert.Equal("新增 2 人：新同事、又一位", Assert.Single(await UnreadAsync(_zonghe)).Detail);

        await _w.Lists.ConfirmAsync(_zonghe);
        Assert.Empty(await UnreadAsync(_zonghe));
        Assert.Equal(0, await Reminders().GenerateAsync());
        Assert.Empty(await UnreadAsync(_zonghe));
    }

    [Fact]
    public async Task The_coming_half_years_list_confirmed_ahead_is_reminded_on_its_own()
    {
        _w.SetBeijing(new DateTime(2026, 12, 29, 9, 0, 0));
        await _w.Lists.ConfirmAsync(_zonghe);
        await _w.Lists.ConfirmAsync(_zonghe, next: true);

        await HireAsync("新同事");
        await Reminders().GenerateAsync();

        Assert.Equal(["2026年下半年的家访名单确认后人员有变动，请重新确认", "2027年上半年的家访名单确认后人员有变动，请重新确认"],
            (await UnreadAsync(_zonghe)).Select(r => r.Title).Order());
        await _w.Lists.ConfirmAsync(_zonghe, next: true);
        Assert.Equal("2026年下半年的家访名单确认后人员有变动，请重新确认", Assert.Single(await UnreadAsync(_zonghe)).Title);
    }
}

public sealed class ListReminderTestsOnSqlite() : ListReminderTests(PortalDatabaseProvider.Sqlite);

public sealed class ListReminderTestsOnPostgreSql() : ListReminderTests(PortalDatabaseProvider.PostgreSQL);
