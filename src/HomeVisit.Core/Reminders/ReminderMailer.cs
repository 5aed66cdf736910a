using System.Net;
using System.Net.Mail;
using System.Text;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HomeVisit.Core.Reminders;

public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";
    /// <summary>Off by default: reminders are always shown in the portal; email is an addition.</summary>
    public bool Enabled { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "homevisit@localhost";
    public string PortalUrl { get; set; } = "http://localhost:5080";
}

/// <summary>Emails each user one digest of their new reminders, when SMTP is configured and on.</summary>
public sealed class ReminderMailer(IDbContextFactory<PortalDbContext> dbFactory, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<ReminderMailer> logger)
{
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Enabled || string.IsNullOrWhiteSpace(o.Host)) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Set<Notification>().Where(n => n.EmailedAt == null && n.ReadAt == null).ToListAsync(ct);
        var emails = await db.UserAccounts.Where(a => a.Email != null && !a.IsDisabled)
            .Select(a => new { a.Id, a.Email, a.DisplayName }).ToDictionaryAsync(a => a.Id, ct);
        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.UseSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        var sent = 0;
        foreach (var group in pending.GroupBy(n => n.UserId))
        {
            if (!emails.TryGetValue(group.Key, out var to)) continue;
            var body = new StringBuilder($"{to.DisplayName}，您好：\n\n家访工作平台提醒您：\n\n");
            foreach (var n in group.OrderBy(n => n.DueOn)) body.Append("· ").Append(n.Title).Append('\n');
            body.Append($"\n请登录 {o.PortalUrl.TrimEnd('/')}/ 查看详情。\n");
            using var message = new MailMessage(o.From, to.Email!, $"家访工作平台：{group.Count()} 项待办提醒", body.ToString())
            {
                BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8,
            };
            try
            {
                await client.SendMailAsync(message, ct);
                foreach (var n in group) n.EmailedAt = clock.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (SmtpException e)
            {
                // Mail is a convenience: the reminders stay in the portal and are tried again tomorrow.
                logger.LogWarning(e, "Reminder email to user {UserId} failed.", group.Key);
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
