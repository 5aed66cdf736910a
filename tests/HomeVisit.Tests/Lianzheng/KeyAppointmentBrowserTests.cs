using HomeVisit.Core.Accounts;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HomeVisit.Tests.Lianzheng;

/// <summary>A leader records a 重点约访, schedules a 定期回访 from it, records that and then the person's recovery.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class KeyAppointmentBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_leader_records_a_key_appointment_schedules_a_revisit_from_it_and_closes_the_chain_when_the_person_recovered()
    {
        // Arranged: the 重点约访 the leader planned for last night, to a teacher of their college no other test uses.
        var yesterday = DateTime.UtcNow.AddHours(8).Date.AddDays(-1);
        PortalUser leader;
        int targetId;
        await using (var db = app.Portal.OpenDatabase())
        {
            leader = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader));
            var unit = await db.People.Where(p => p.Id == leader.PersonId).Select(p => p.UnitId).SingleAsync();
            targetId = await db.People.Where(p => p.UnitId == unit && p.Position == "教师" && !db.VisitTargets.Any(t => t.PersonId == p.Id))
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        var visits = app.Portal.Services.GetRequiredService<VisitService>();
        var root = await visits.SavePlanAsync(leader, new VisitPlan
        {
            ProgrammeKey = "lianzheng", Form = VisitForm.KeyAppointment, PlannedStart = yesterday.AddHours(19).AddMinutes(30), DurationMinutes = 90,
            VisitorIds = [leader.PersonId!.Value], TargetPersonIds = [targetId], Trigger = "思想认识出现偏差或工作上受到挫折的",
        });

        await using var session = await app.SignInAsync(DemoAccounts.Leader);
        var page = session.Page;

        // 1. The 重点约访's outcome; the chain card then offers 安排回访.
        await page.GotoAsync($"/visits/{root}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("chain-not-started")).ToBeVisibleAsync();
        await page.GetByTestId("visit-record-open").ClickAsync();
        await page.GetByTestId("outcome-record").FillAsync("评优落选后情绪低落，与配偶一起谈心，帮助其正确看待得失。");
        await page.GetByTestId("outcome-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveAttributeAsync("data-status", nameof(VisitStatus.Done));
        await Assertions.Expect(page.GetByTestId("chain-open")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("visit-chain")).ToHaveAttributeAsync("data-chain-closed", "false");

        // 2. 安排回访: the plan form comes prefilled as a 定期回访 of the same person.
        await page.GetByTestId("chain-schedule").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/visits/new?followOn={root}", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("plan-follow-on")).ToBeVisibleAsync();
        await Assertions.Expect(HomeVisit.Tests.Browser.VisitFlowBrowserTests.SelectInput(page, "plan-form")).ToHaveValueAsync("定期回访");
        await Assertions.Expect(page.Locator($"[data-testid=plan-targets-selected][data-person-id='{targetId}']")).ToBeVisibleAsync();
        await HomeVisit.Tests.Browser.VisitFlowBrowserTests.FillStartAsync(page, yesterday.AddHours(21));
        await page.GetByTestId("plan-save").ClickAsync();
        await BrowserFixture.ExpectNavigatedAsync(page, new System.Text.RegularExpressions.Regex(@"/visits/\d+$"));
        var followOn = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        Assert.NotEqual(root, followOn);

        // The chain shows both visits; it cannot be closed while the 回访 is only planned.
        await Assertions.Expect(page.GetByTestId("chain-member")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("chain-close-blocked")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("chain-close")).ToHaveCountAsync(0);

        // 3. The 回访's outcome, then 记录为已好转 with a note.
        await page.GetByTestId("visit-record-open").ClickAsync();
        await page.GetByTestId("outcome-record").FillAsync("回访了解到本人已调整心态，积极参加教研活动，家属反映在家情绪稳定。");
        await page.GetByTestId("outcome-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visit-status")).ToHaveAttributeAsync("data-status", nameof(VisitStatus.Done));
        await page.GetByTestId("chain-close").ClickAsync();
        await page.GetByTestId("reason-confirm").ClickAsync();
        await Assertions.Expect(BrowserFixture.FieldError(page, "reason-text")).ToContainTextAsync("请填写转变情况说明");
        await page.GetByTestId("reason-text").FillAsync("本人思想转变明显，工作状态恢复正常，结束跟踪。");
        await page.GetByTestId("reason-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chain-closed")).ToContainTextAsync("本人思想转变明显");
        await Assertions.Expect(page.GetByTestId("visit-chain")).ToHaveAttributeAsync("data-chain-closed", "true");
        await Assertions.Expect(page.GetByTestId("chain-schedule")).ToHaveCountAsync(0);

        // No longer among the tracked 重点约访 on the programme page.
        await page.GotoAsync("/programmes/lianzheng");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("lz-open-chains")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-testid=lz-open-chain][data-visit-id='{root}']")).ToHaveCountAsync(0);

        await using var check = app.Portal.OpenDatabase();
        var rootRow = await check.Visits.SingleAsync(v => v.Id == root);
        var followOnRow = await check.Visits.Include(v => v.Targets).SingleAsync(v => v.Id == followOn);
        Assert.NotNull(rootRow.ChainClosedAt);
        Assert.Equal(leader.UserId, rootRow.ChainClosedByUserId);
        Assert.Equal("本人思想转变明显，工作状态恢复正常，结束跟踪。", rootRow.ChainCloseNote);
        Assert.Equal(root, followOnRow.ParentVisitId);
        Assert.Equal(VisitForm.RegularRevisit, followOnRow.Form);
        Assert.Equal(VisitStatus.Done, followOnRow.Status);
        Assert.Equal([targetId], followOnRow.Targets.Select(t => t.PersonId));
    }

    [Fact]
    public async Task The_liaison_records_the_signatures_and_sends_the_record_form_which_the_discipline_office_then_finds_in_its_archive()
    {
        // Arranged: a done 廉政家访 of the leader, with the liaison keeping the record.
        var yesterday = DateTime.UtcNow.AddHours(8).Date.AddDays(-1);
        PortalUser leader;
        int liaisonPerson, targetId;
        await using (var db = app.Portal.OpenDatabase())
        {
            leader = PortalUser.From(await db.UserAccounts.SingleAsync(a => a.UserName == DemoAccounts.Leader));
            liaisonPerson = await db.UserAccounts.Where(a => a.UserName == DemoAccounts.Liaison).Select(a => a.PersonId!.Value).SingleAsync();
            var unit = await db.People.Where(p => p.Id == leader.PersonId).Select(p => p.UnitId).SingleAsync();
            targetId = await db.People.Where(p => p.UnitId == unit && p.Position == "教师" && !db.VisitTargets.Any(t => t.PersonId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }
        var visits = app.Portal.Services.GetRequiredService<VisitService>();
        var visit = await visits.SavePlanAsync(leader, new VisitPlan
        {
            ProgrammeKey = "lianzheng", Form = VisitForm.HomeVisit, PlannedStart = yesterday.AddHours(19), DurationMinutes = 60,
            VisitorIds = [leader.PersonId!.Value, liaisonPerson], RecorderId = liaisonPerson, TargetPersonIds = [targetId],
        });
        var detail = await visits.GetAsync(leader, visit);
        await visits.RecordOutcomeAsync(leader, visit, new VisitOutcome
        {
            Version = detail.Version, ActualStart = yesterday.AddHours(19), Record = "与家属座谈，宣讲廉洁家风。",
        });

        await using (var session = await app.SignInAsync(DemoAccounts.Liaison))
        {
            var page = session.Page;
            await page.GotoAsync($"/visits/{visit}");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("lz-archive-blocked")).ToContainTextAsync("家访领导和记录人签名并登记后才能报送");
            await Assertions.Expect(page.GetByTestId("lz-archive")).ToHaveCountAsync(0);

            await page.GetByTestId("lz-sign-leader").CheckAsync();
            await page.GetByTestId("lz-sign-recorder").CheckAsync();
            // Saving reloads the page: the outcome's record-form fields show the signatures too.
            await page.EvaluateAsync("() => window.lzBeforeReload = true");
            await page.GetByTestId("lz-sign-save").ClickAsync();
            await page.WaitForFunctionAsync("() => window.lzBeforeReload === undefined");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("lz-leader-signed")).ToHaveTextAsync("已签名");
            await Assertions.Expect(page.GetByTestId("visit-form-LeaderSigned")).ToHaveTextAsync("是");

            await page.GetByTestId("lz-archive").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "确定报送" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("lz-archived")).ToContainTextAsync("报送纪检监察室备存");
            await Assertions.Expect(page.GetByTestId("lz-signatures")).ToHaveCountAsync(0);
        }

        await using (var session = await app.SignInAsync(DemoAccounts.DisciplineOffice))
        {
            var page = session.Page;
            await page.GotoAsync("/programmes/lianzheng/records");
            await BrowserFixture.WaitForInteractiveAsync(page);
            var row = page.Locator($"[data-testid=lz-archive-row][data-visit-id='{visit}']");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await row.GetByTestId("lz-archive-open").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith($"/programmes/lianzheng/visits/{visit}/record", StringComparison.Ordinal));
            await Assertions.Expect(page.GetByTestId("lz-record-archived")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("lz-record")).ToHaveTextAsync("与家属座谈，宣讲廉洁家风。");
        }
    }
}
