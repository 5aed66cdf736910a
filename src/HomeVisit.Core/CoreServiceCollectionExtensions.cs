using HomeVisit.Core.Accounts;
using HomeVisit.Core.Audit;
using HomeVisit.Core.Calendar;
using HomeVisit.Core.Data;
using HomeVisit.Core.Reminders;
using HomeVisit.Core.Scheduling;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HomeVisit.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The shared core's services: people, organisation, visits, follow-ups, accounts.</summary>
    public static IServiceCollection AddPortalCoreServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        InstitutionTime.Configure(configuration[$"{InstitutionTime.Section}:TimeZone"]);
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.Configure<SsoOptions>(configuration.GetSection(SsoOptions.Section));
        services.Configure<EntraOptions>(configuration.GetSection(EntraOptions.Section));
        services.PostConfigure<SsoOptions>(o => o.EntraEnabled = configuration.GetSection(EntraOptions.Section).Get<EntraOptions>()?.Enabled == true);
        services.Configure<LocalSignInOptions>(configuration.GetSection(LocalSignInOptions.Section));
        services.AddSingleton<ProgrammeCatalog>();
        services.AddSingleton<AccountRoles>();
        services.AddSingleton<ProgrammeRulesService>();
        services.AddSingleton<OrgService>();
        services.AddSingleton<InstitutionService>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<VisitService>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<Quotas.QuotaService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<DisciplineRoleService>();
        services.AddSingleton<PasswordPolicyService>();
        services.AddSingleton<SsoAccountService>();
        services.AddSingleton<SsoRoleMappingService>();
        services.AddSingleton<SsoLocalSignIn>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<Import.RosterImportService>();
        services.Configure<FollowUpReportOptions>(configuration.GetSection(FollowUpReportOptions.Section));
        services.AddSingleton<FollowUpReportService>();
        services.AddSingleton<Content.ContentTemplateService>();
        services.AddSingleton<PersonFileService>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<Exports.CommonLedger>();
        services.AddSingleton<Exports.ExportService>();
        services.AddSingleton<Archives.RecordArchiveService>();
        services.AddSingleton<Dashboards.DashboardService>();
        services.AddSingleton<Exports.PeriodSummaryService>();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<ReminderMailer>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IReminderSource, UpcomingVisitsSource>();
        services.AddSingleton<IReminderSource, NoticesDueSource>();
        services.AddSingleton<IReminderSource, QuotaGapsSource>();
        services.AddSingleton<IReminderSource, OverdueFollowUpsSource>();
        services.AddDailyJob<ReminderJob>();
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection(Retention.RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Retention.RetentionOptions>, Retention.RetentionOptionsValidator>();
        services.AddDailyJob<Retention.RetentionJob>();
        // One scheduler for every daily job (modules add theirs with AddDailyJob); admins read its status from it.
        services.AddSingleton<DailyJobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyJobScheduler>());
        return services;
    }
}
