using System.Globalization;
using System.Text.RegularExpressions;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Programmes.Huifang;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using HomeVisit.Portal.Programmes;
using HomeVisit.Tests.Huifang;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Tests.Rendering;

/// <summary>
/// Validation messages with numbers or dates inside (issue 14 item 7) reach an English user in English: the service
/// gives a <see cref="PortalMessage"/> template, the form shows it through Texts like any other message.
/// </summary>
public sealed partial class ValidationMessageTextsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddLocalization()
        .AddSingleton(typeof(Texts<>))
        .AddSingleton<ProgrammeTexts>()
        .AddSingleton<IEnumerable<IProgrammeModule>>(ProgrammesServiceCollectionExtensions.Modules)
        .BuildServiceProvider();

    private readonly CultureInfo _before = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _beforeFormat = CultureInfo.CurrentCulture;

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _before;
        CultureInfo.CurrentCulture = _beforeFormat;
        _services.Dispose();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private Dictionary<string, string> Render(PortalValidationException e, string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        var texts = _services.GetRequiredService<Texts<PortalResources>>();
        return e.Messages.ToDictionary(m => m.Key, m => texts.Message(m.Value));
    }

    private static void AllEnglish(Dictionary<string, string> english)
    {
        Assert.NotEmpty(english);
        foreach (var (field, text) in english)
            Assert.False(Chinese().IsMatch(text), $"{field}: {text}");
    }

    [Fact]
    public void Per_quota_rule_messages_read_in_english_with_the_quota_number()
    {
        var module = ProgrammesServiceCollectionExtensions.Modules.First(m => m.Key == "lianzheng");
        var rules = module.DefaultRules();
        rules.Quotas[1].Name = "";
        rules.Quotas[1].Minimum = 0;
        rules.Quotas[1].PortalRoles = ["不存在"];
        rules.Quotas[1].Forms = [(VisitForm)99];
        var e = Assert.Throws<PortalValidationException>(ProgrammeRulesService.Validate(rules, module).ThrowIfInvalid);

        Assert.Equal("第 2 条指标：最低数量应在 1 到 100 之间。", e.Errors["Quotas[1].Minimum"]);
        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal("Quota 2: the minimum must be between 1 and 100.", english["Quotas[1].Minimum"]);
    }

    [Fact]
    public async Task Sanction_date_and_period_messages_read_in_english()
    {
        using var w = new HuifangWorld();
        var e = await Assert.ThrowsAsync<PortalValidationException>(() => w.Sanctions.SaveAsync(w.Anguan, new SanctionEdit
        {
            PersonId = w.S.StaffOne.Id, Reason = "x", GovernmentKind = GovernmentSanction.Demerit,
            PartyKind = PartySanction.Warning, PartyDecidedOn = new DateTime(2099, 1, 1), PartyInfluenceMonths = 6,
            RetiredOn = new DateTime(1800, 1, 1),
        }));

        Assert.Equal("请填写政务处分的决定时间。", e.Errors[nameof(SanctionEdit.GovernmentDecidedOn)]);
        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal("Please enter the decision date of the administrative sanction.", english[nameof(SanctionEdit.GovernmentDecidedOn)]);
    }

    [Fact]
    public void A_date_out_of_range_reads_in_english_with_its_limits()
    {
        var v = new Validator().DateInRange("Day", new DateOnly(1800, 1, 1), new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31), "日期");
        var e = Assert.Throws<PortalValidationException>(v.ThrowIfInvalid);

        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal("Date must be between 2000-01-01 and 2100-12-31.", english["Day"]);
    }

    [Fact]
    public async Task A_move_into_the_past_reads_in_english_with_its_time()
    {
        using var s = new HomeVisit.Tests.Services.Scenario();
        var id = await s.PlannedVisitAsync();
        var version = (await s.VisitRowAsync(id)).Version;
        var yesterday = s.Clock.Today.AddDays(-1).AddHours(19);

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => s.Visits.RescheduleAsync(s.Leader1, id, version, yesterday));

        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Equal($"A visit cannot be moved to a time that has passed ({yesterday:yyyy-MM-dd HH:mm}).", english[nameof(VisitPlan.PlannedStart)]);
    }

    [Fact]
    public async Task A_back_dated_rules_change_names_the_closed_periods_in_english()
    {
        using var s = new HomeVisit.Tests.Services.Scenario();
        using (var db = s.Context())
        {
            db.UnitLeaderships.Add(new HomeVisit.Core.Institutions.UnitLeadership
            {
                InstitutionId = s.InstitutionA, UnitId = s.CollegeJia, PersonId = s.LeaderOne.Id,
                Role = HomeVisit.Core.Institutions.LeadershipRole.Deputy, StartsOn = new DateOnly(2023, 9, 1),
            });
            db.SaveChanges();
        }
        var service = new ProgrammeRulesService(s.Db.Factory, new ProgrammeCatalog(ProgrammesServiceCollectionExtensions.Modules), s.Clock);
        var rules = ProgrammeRulesService.Clone(await service.RulesOnAsync(s.InstitutionA, "lianzheng", new DateOnly(2025, 1, 1)));
        rules.Quotas.Single(q => q.Name == "二级学院（教学部）领导").Minimum = 10;

        var e = await Assert.ThrowsAsync<PortalValidationException>(() => service.SaveAsync(s.Admin, "lianzheng", rules, new DateOnly(2025, 1, 1), null));

        Assert.Equal(e.Errors, Render(e, "zh-CN"));
        Assert.Contains("（2025年度）", e.Errors["EffectiveFrom"]);
        var english = Render(e, "en");
        AllEnglish(english);
        Assert.Contains("(2025)", english["EffectiveFrom"]);
    }

    [Fact]
    public void The_period_summary_column_headers_the_page_shows_have_english()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        var texts = _services.GetRequiredService<Texts<PortalResources>>();

        var headers = HomeVisit.Core.Exports.PeriodSummaryService.Columns.Select(c => texts[c].Value).ToList();

        Assert.All(headers, h => Assert.False(Chinese().IsMatch(h), h));
        Assert.Equal("Items open", headers[7]);
    }
}
