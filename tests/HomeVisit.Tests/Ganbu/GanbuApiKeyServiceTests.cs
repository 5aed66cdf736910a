using HomeVisit.Core.Data;
using HomeVisit.Programmes.Ganbu;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Ganbu;

/// <summary>Intake API keys (stored hashed, shown once, revocable) and submissions through them (idempotent, scoped to the key's institution).</summary>
public sealed class GanbuApiKeyServiceTests : IDisposable
{
    private readonly GanbuWorld w = new();

    [Fact]
    public async Task A_key_is_shown_once_stored_only_as_a_hash_and_stops_working_when_revoked()
    {
        var created = await w.Keys.CreateAsync(w.AdminB, "乙县党建智慧平台家访小程序");

        Assert.StartsWith("hvg_" + created.Key.Prefix + "_", created.PlainKey);
        var stored = await w.S.ReadAsync(db => db.Set<GanbuApiKey>().AsNoTracking().SingleAsync());
        Assert.DoesNotContain(created.PlainKey, stored.KeyHash);
        Assert.Equal(64, stored.KeyHash.Length);
        Assert.Equal(new GanbuApiCaller(stored.Id, w.S.InstitutionB, "乙县党建智慧平台家访小程序"), await w.Keys.AuthenticateAsync(created.PlainKey));
        Assert.NotNull((await w.Keys.ListAsync(w.AdminB)).Single().LastUsedAt);

        Assert.Null(await w.Keys.AuthenticateAsync(created.PlainKey[..^1] + (created.PlainKey[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await w.Keys.AuthenticateAsync("hvg_nosuchkey0_abc"));
        Assert.Null(await w.Keys.AuthenticateAsync("not a key"));

        await w.Keys.RevokeAsync(w.AdminB, stored.Id, (await w.Keys.ListAsync(w.AdminB)).Single().Version);
        Assert.Null(await w.Keys.AuthenticateAsync(created.PlainKey));
        Assert.False((await w.Keys.ListAsync(w.AdminB)).Single().IsActive);
    }

    [Fact]
    public async Task Only_administrators_manage_keys_of_their_own_institution_and_a_name_is_required()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Keys.CreateAsync(w.OrgDept, "x"));
        Assert.Equal("请填写密钥名称。", (await Assert.ThrowsAsync<PortalValidationException>(() => w.Keys.CreateAsync(w.AdminB, " "))).Errors["Name"]);
        var b = await w.Keys.CreateAsync(w.AdminB, "小程序");
        Assert.Empty(await w.Keys.ListAsync(w.S.Admin));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Keys.RevokeAsync(w.S.Admin, b.Key.Id, b.Key.Version));
    }

    [Fact]
    public async Task The_same_client_request_id_twice_files_one_request_and_returns_the_original()
    {
        var caller = (await w.Keys.AuthenticateAsync((await w.Keys.CreateAsync(w.AdminB, "小程序")).PlainKey))!;
        var submission = new GanbuApiSubmission
        {
            ClientRequestId = "mp-0001", StaffNumber = w.Qian.StaffNumber, Category = GanbuCategory.MajorHardship, Summary = "房屋受损，生活困难",
        };

        var (first, created) = await w.Requests.SubmitAsync(caller, submission);
        w.Clock.Advance(TimeSpan.FromMinutes(5));
        var (again, createdAgain) = await w.Requests.SubmitAsync(caller, submission);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first, again);
        Assert.Equal(("郑副局长", GanbuRequestStatus.Open, new DateOnly(2026, 12, 5)), (first.HandlerName, first.Status, first.Deadline));
        var row = await w.S.ReadAsync(db => db.Set<GanbuRequest>().AsNoTracking().SingleAsync());
        Assert.Equal((GanbuRequestSource.Api, caller.KeyId, "mp-0001", (int?)null), (row.Source, row.ApiKeyId, row.ClientRequestId, row.CreatedByUserId));
        Assert.Equal("家访小程序（密钥：小程序）", await w.S.ReadAsync(db => db.Set<GanbuRequestStep>().Where(s => s.Kind == GanbuStepKind.Filed).Select(s => s.ActorName).SingleAsync()));
    }

    [Fact]
    public async Task A_submission_names_each_bad_field()
    {
        var caller = (await w.Keys.AuthenticateAsync((await w.Keys.CreateAsync(w.AdminB, "小程序")).PlainKey))!;

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.SubmitAsync(caller, new GanbuApiSubmission
        {
            StaffNumber = "NOPE", Summary = new string('长', 201), Description = "x",
        }));

        Assert.Equal(["Category", "ClientRequestId", "StaffNumber", "Summary"], ex.Errors.Keys.Order());
        Assert.Equal("本单位没有工号为“NOPE”的人员。", ex.Errors["StaffNumber"]);
        Assert.Equal("诉求内容不能超过 200 个字。", ex.Errors["Summary"]);
    }

    [Fact]
    public async Task A_key_files_only_in_its_own_institution()
    {
        // Institution A's key with a staff number that exists only in B, and one that exists in both (L001).
        var callerA = (await w.Keys.AuthenticateAsync((await w.Keys.CreateAsync(w.S.Admin, "甲小程序")).PlainKey))!;
        await using (var db = w.S.Context())
        {
            db.UnitLeaderships.Add(new HomeVisit.Core.Institutions.UnitLeadership
            {
                InstitutionId = w.S.InstitutionA, UnitId = w.S.School, PersonId = w.S.LeaderTwo.Id, Role = HomeVisit.Core.Institutions.LeadershipRole.Head,
            });
            await db.SaveChangesAsync();
        }

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => w.Requests.SubmitAsync(callerA, new GanbuApiSubmission
        {
            ClientRequestId = "a-1", StaffNumber = w.Qian.StaffNumber, Category = GanbuCategory.Other, Summary = "x",
        }));
        Assert.Contains("StaffNumber", ex.Errors.Keys);

        var (request, _) = await w.Requests.SubmitAsync(callerA, new GanbuApiSubmission
        {
            ClientRequestId = "a-2", StaffNumber = "L001", Category = GanbuCategory.Other, Tier = GanbuTier.Special, Summary = "x",
        });
        var row = await w.S.ReadAsync(db => db.Set<GanbuRequest>().AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal((w.S.InstitutionA, w.S.LeaderOne.Id), (row.InstitutionId, row.RequesterPersonId));
        Assert.Null(await w.Requests.GetForApiAsync(new GanbuApiCaller(0, w.S.InstitutionB, "乙"), request.Id));
        Assert.Empty((await w.Requests.ListAsync(w.OrgDept, new GanbuRequestQuery())).Items);
    }

    public void Dispose() => w.Dispose();
}
