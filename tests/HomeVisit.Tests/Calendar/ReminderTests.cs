using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Reminders;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HomeVisit.Tests.Calendar;

public sealed class ReminderTests : IDisposable
{
    private readonly Scenario _s = new();
    private SmtpOptions _smtp = new();

    public void Dispose() => _s.Dispose();

    private ReminderService Reminders()
    {
        var catalog = new ProgrammeCatalog(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);
        var quotas = new QuotaService(_s.Db.Factory, _s.Rules, catalog);
        IReminderSource[] sources =
        [
            new UpcomingVisitsSource(catalog), new NoticesDueSource(catalog, _s.Rules), new QuotaGapsSource(_s.Rules, quotas), new OverdueFollowUpsSource(),
        ];
        var mailer = new ReminderMailer(_s.Db.Factory, Options.Create(_smtp), _s.Clock, NullLogger<ReminderMailer>.Instance);
        return new ReminderService(_s.Db.Factory, sources, mailer, _s.Clock, NullLogger<ReminderService>.Instance);
    }

    private async Task<IReadOnlyList<NotificationView>> UnreadAsync(HomeVisit.Core.Accounts.PortalUser user, string kind) =>
        (await Reminders().UnreadAsync(user)).Where(n => n.Kind == kind).ToList();

    [Fact]
    public async Task Visits_within_the_next_seven_days_are_reminded_once_and_not_those_beyond()
    {
        var plan = _s.PlanForLeaderOne();
        plan.PlannedStart = _s.Clock.Today.AddDays(7).AddHours(20);
        await _s.Visits.SavePlanAsync(_s.Leader1, plan);
        plan.PlannedStart = _s.Clock.Today.AddDays(8).AddHours(9);
        await _s.Visits.SavePlanAsync(_s.Leader1, plan);

        await Reminders().GenerateAsync();
        await Reminders().GenerateAsync();

        var upcoming = await UnreadAsync(_s.Leader1, ReminderKinds.UpcomingVisit);
        var one = Assert.Single(upcoming);
        Assert.Contains("廉政家访：张老师", one.Title);
        Assert.Equal(DateOnly.FromDateTime(_s.Clock.Today.AddDays(7)), one.DueOn);
        Assert.Empty(await UnreadAsync(_s.Leader2, ReminderKinds.UpcomingVisit));
    }

    [Fact]
    public async Task A_written_notice_is_reminded_from_three_days_before_its_deadline()
    {
        var plan = _s.PlanForLeaderOne();
        plan.ProgrammeKey = "qinglian";
        plan.PlannedStart = _s.Clock.Today.AddDays(10).AddHours(19); // deadline: today + 7
        await _s.Visits.SavePlanAsync(_s.Leader1, plan);

        var deadline = DateOnly.FromDateTime(_s.Clock.Today.AddDays(7));
        // The list asks the sources again for the clock's today, so the clock moves with the run's day.
        _s.Clock.Advance(TimeSpan.FromDays(3));
        await Reminders().GenerateAsync();
        Assert.Empty(await UnreadAsync(_s.Leader1, ReminderKinds.NoticeDue));

        _s.Clock.Advance(TimeSpan.FromDays(1));
        await Reminders().GenerateAsync();
        var notice = Assert.Single(await UnreadAsync(_s.Leader1, ReminderKinds.NoticeDue));
        Assert.Equal(deadline, notice.DueOn);
        Assert.Contains("书面通知", notice.Title);
    }

    [Fact]
    public async Task A_quota_gap_is_reminded_per_period_so_the_new_year_brings_a_new_reminder()
    {
        await using (var db = _s.Db.CreateContext())
        {
            db.UnitLeaderships.Add(new UnitLeadership { InstitutionId = _s.InstitutionA, UnitId = _s.CollegeJia, PersonId = _s.LeaderOne.Id, Role = LeadershipRole.Deputy });
            await db.SaveChangesAsync();
        }

        _s.Clock.Advance(TimeSpan.FromDays(41)); // 2026-12-31
        await Reminders().GenerateAsync();
        var lastDay = Assert.Single(await UnreadAsync(_s.Leader1, ReminderKinds.QuotaGap), n => n.Title.Contains("廉政家访"));
        Assert.Equal(new DateOnly(2026, 12, 31), lastDay.DueOn);
        Assert.Contains("尚差 4 人", lastDay.Title);

        _s.Clock.Advance(TimeSpan.FromDays(1));
        await Reminders().GenerateAsync();
        var lianzheng = (await UnreadAsync(_s.Leader1, ReminderKinds.QuotaGap)).Where(n => n.Title.Contains("廉政家访")).ToList();
        await using (var check = _s.Db.CreateContext())
            Assert.Equal(2, await check.Notifications.CountAsync(n => n.UserId == _s.Leader1.UserId && n.Kind == ReminderKinds.QuotaGap && n.Title.Contains("廉政家访")));
        // 2026 is closed: its gap can no longer be made good, so only the new year's reminder is listed (issue 17 item 12).
        var year = Assert.Single(lianzheng);
        Assert.True(year.DueOn == new DateOnly(2027, 12, 31) && year.Detail!.StartsWith("2027年度"));
    }

    [Fact]
    public async Task Overdue_follow_up_items_are_reminded_after_their_deadline_day()
    {
        var (_, itemId) = await _s.VisitWithFollowUpAsync(deadline: _s.Clock.Today);

        await Reminders().GenerateAsync();
        Assert.Empty(await UnreadAsync(_s.Leader1, ReminderKinds.OverdueFollowUp));

        _s.Clock.Advance(TimeSpan.FromDays(1));
        await Reminders().GenerateAsync();
        var overdue = Assert.Single(await UnreadAsync(_s.Leader1, ReminderKinds.OverdueFollowUp));
        Assert.Equal($"/follow-ups?id={itemId}", overdue.Link);

        await Reminders().MarkReadAsync(_s.Leader1, overdue.Id);
        _s.Clock.Advance(TimeSpan.FromDays(1));
        await Reminders().GenerateAsync();
        Assert.Empty(await UnreadAsync(_s.Leader1, ReminderKinds.OverdueFollowUp)); // dismissed stays dismissed
    }

    [Fact]
    public async Task A_reminder_that_no_longer_applies_disappears_as_soon_as_the_work_is_recorded()
    {
        await using (var db = _s.Db.CreateContext())
        {
            db.UnitLeaderships.Add(new UnitLeadership { InstitutionId = _s.InstitutionA, UnitId = _s.CollegeJia, PersonId = _s.LeaderOne.Id, Role = LeadershipRole.Deputy });
            await db.SaveChangesAsync();
        }
        var (_, itemId) = await _s.VisitWithFollowUpAsync(deadline: _s.Clock.Today); // 张老师 visited: 1 of 4
        var plan = _s.PlanForLeaderOne();
        plan.TargetPersonIds = [_s.StaffTwo.Id];
        var visitId = await _s.Visits.SavePlanAsync(_s.Leader1, plan); // tomorrow 19:00
        _s.Clock.Advance(TimeSpan.FromDays(1)); // the item is overdue, the visit is tonight
        await Reminders().GenerateAsync();
        Assert.Single(await UnreadAsync(_s.Leader1, ReminderKinds.OverdueFollowUp));
        Assert.Contains(await UnreadAsync(_s.Leader1, ReminderKinds.UpcomingVisit), n => n.Link == $"/visits/{visitId}");
        Assert.Contains("尚差 3 人", Assert.Single(await UnreadAsync(_s.Leader1, ReminderKinds.QuotaGap), n => n.Title.Contains("廉政家访")).Title);

        // The same day, before any new daily run: the visit is recorded and the item closed.
        var detail = await _s.Visits.GetAsync(_s.Leader1, visitId);
        await _s.Visits.RecordOutcomeAsync(_s.Leader1, visitId, new VisitOutcome
        {
            Version = detail.Version, ActualStart = _s.Clock.GetLocalNow().DateTime.AddHours(-1), Record = "座谈一小时。",
        });
        var item = await _s.FollowUpRowAsync(itemId);
        await _s.FollowUps.ResolveAsync(_s.Leader1, itemId, new FollowUpClose { Version = item.Version, Resolution = "已协调", Feedback = "已告知" });

        Assert.Empty(await UnreadAsync(_s.Leader1, ReminderKinds.OverdueFollowUp));
        Assert.DoesNotContain(await UnreadAsync(_s.Leader1, ReminderKinds.UpcomingVisit), n => n.Link == $"/visits/{visitId}");
        Assert.Contains("尚差 2 人", Assert.Single(await UnreadAsync(_s.Leader1, ReminderKinds.QuotaGap), n => n.Title.Contains("廉政家访")).Title);
    }

    [Fact]
    public async Task With_smtp_configured_each_user_gets_one_digest_mail_in_chinese()
    {
        await using (var db = _s.Db.CreateContext())
        {
            var account = await db.UserAccounts.SingleAsync(a => a.Id == _s.Leader1.UserId);
            account.Email = "lee@example.edu.cn";
            await db.SaveChangesAsync();
        }
        await _s.PlannedVisitAsync();
        await _s.VisitWithFollowUpAsync(deadline: _s.Clock.Today);
        using var server = new TinySmtpServer();
        _smtp = new SmtpOptions { Enabled = true, Host = "127.0.0.1", Port = server.Port, From = "portal@example.edu.cn" };

        await Reminders().GenerateAsync();

        var mail = Assert.Single(server.Messages);
        Assert.Equal("lee@example.edu.cn", mail.To);
        Assert.Contains("待办提醒", mail.Subject);
        Assert.Contains("张老师", mail.Body);
        await using var check = _s.Db.CreateContext();
        Assert.DoesNotContain(await check.Notifications.Where(n => n.UserId == _s.Leader1.UserId).ToListAsync(), n => n.EmailedAt == null);
    }

    /// <summary>Enough of SMTP (RFC 5321) to receive what SmtpClient sends, on a loopback port.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        public sealed record Mail(string To, string Subject, string Body);

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _loop;
        public List<Mail> Messages { get; } = [];
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public TinySmtpServer()
        {
            _listener.Start();
            _loop = Task.Run(AcceptAsync);
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    using var stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII);
                    await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                    await writer.WriteLineAsync("220 localhost ready");
                    string? to = null;
                    while (await reader.ReadLineAsync() is { } line)
                    {
                        if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) || line.StartsWith("HELO", StringComparison.OrdinalIgnoreCase)) await writer.WriteLineAsync("250 localhost");
                        else if (line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase)) { to = line[8..].Trim('<', '>', ' '); await writer.WriteLineAsync("250 OK"); }
                        else if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync("354 go ahead");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync() is { } d && d != ".") data.Append(d).Append('\n');
                            lock (Messages) Messages.Add(Decode(to!, data.ToString()));
                            await writer.WriteLineAsync("250 OK");
                        }
                        else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase)) { await writer.WriteLineAsync("221 bye"); break; }
                        else await writer.WriteLineAsync("250 OK");
                    }
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or InvalidOperationException)
            {
            }
        }

        private static Mail Decode(string to, string raw)
        {
            var headerEnd = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var headers = raw[..headerEnd].Replace("\n ", " ");
            var subject = Regex.Match(headers, @"^Subject: (.*)$", RegexOptions.Multiline).Groups[1].Value;
            subject = Regex.Replace(subject, @"=\?utf-8\?B\?([^?]*)\?=\s*", m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)), RegexOptions.IgnoreCase);
            var body = raw[(headerEnd + 2)..];
            if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
                body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "")));
            return new Mail(to, subject, body);
        }

        public void Dispose()
        {
            _listener.Stop();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
