using System.Diagnostics;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Demo;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace HomeVisit.Tests.Data;

public sealed class DemoSeederTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Seeds_the_demo_university_with_accounts_whose_password_verifies()
    {
        using var database = TestDatabase.Create(new FixedTimeProvider(Now));
        await using (var db = database.CreateContext())
        {
            var stopwatch = Stopwatch.StartNew();
            Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
            output.WriteLine($"Seeded in {stopwatch.ElapsedMilliseconds} ms");
        }

        await using var check = database.CreateContext();
        var institution = Assert.Single(await check.Institutions.ToListAsync());
        Assert.Equal(DemoAccounts.InstitutionName, institution.Name);
        Assert.Equal(InstitutionKind.University, institution.Kind);

        var accounts = await check.UserAccounts.ToListAsync();
        Assert.Equal(DemoAccounts.All.Order(), accounts.Select(a => a.UserName).Order());
        var hasher = new PasswordHasher<UserAccount>();
        foreach (var account in accounts)
        {
            Assert.Equal(institution.Id, account.InstitutionId);
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(account, account.PasswordHash!, DemoAccounts.Password));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(account, account.PasswordHash!, "wrong"));
            if (account.UserName != DemoAccounts.Admin) Assert.NotNull(account.PersonId);
        }
        Assert.Equal([Roles.SystemAdmin, Roles.ProgrammeAdmin], accounts.Single(a => a.UserName == DemoAccounts.Admin).Roles);
        // 清廉家访's 综合部, who confirms the household list (seed 3 三、1): the module's role, named by the module.
        var generalAffairs = accounts.Single(a => a.UserName == DemoAccounts.GeneralAffairs);
        Assert.Equal(["综合部"], generalAffairs.Roles.Select(new AccountRoles(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules).Name));

        var leader = await check.UserAccounts.Include(a => a.Person!).ThenInclude(p => p.Unit).SingleAsync(a => a.UserName == DemoAccounts.Leader);
        Assert.Equal([Roles.Leader], leader.Roles);
        Assert.Equal("副院长", leader.Person!.Position);
        Assert.Equal(OrgUnitKind.College, leader.Person.Unit!.Kind);
        Assert.Equal(leader.Person.Name, leader.DisplayName);

        var people = await check.People.ToListAsync();
        Assert.InRange(people.Count, 140, 160);
        Assert.Equal(people.Count, people.Select(p => p.StaffNumber).Distinct().Count());
        Assert.True(await check.FamilyMembers.CountAsync() > people.Count);
        Assert.True(await check.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.PartyBranch) >= 6);

        var visits = await check.Visits.Include(v => v.Visitors).Include(v => v.Targets).ToListAsync();
        var beijingNow = Now.ToOffset(TimeSpan.FromHours(8)).DateTime;
        Assert.Contains(visits, v => v.Status == VisitStatus.Done && !string.IsNullOrEmpty(v.Record) && v.PlannedStart < beijingNow);
        Assert.Contains(visits, v => v.Status == VisitStatus.Planned && v.PlannedStart > beijingNow);
        Assert.All(visits, v => Assert.Single(v.Visitors, x => x.IsRecorder));
        Assert.All(visits, v => Assert.NotEmpty(v.Targets));
        Assert.Contains(visits, v => v.Visitors.Any(x => x.PersonId == leader.PersonId));
        Assert.DoesNotContain(visits, v => v.ProgrammeKey == "huifang");
        Assert.Equal(["ganbu", "lianxi", "lianzheng", "qinglian"], visits.Select(v => v.ProgrammeKey).Distinct().Order());

        var followUps = await check.FollowUpItems.ToListAsync();
        Assert.Contains(followUps, f => f.Status == Core.FollowUps.FollowUpStatus.Open && f.Deadline is not null);
        Assert.Contains(followUps, f => f.Status == Core.FollowUps.FollowUpStatus.Resolved && f.Resolution is not null && f.Feedback is not null);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        using var database = TestDatabase.Create();
        await using (var db = database.CreateContext()) Assert.True(await DemoSeeder.SeedAsync(db, database.Clock));
        var before = await Counts(database);

        await using (var db = database.CreateContext()) Assert.False(await DemoSeeder.SeedAsync(db, database.Clock));

        Assert.Equal(before, await Counts(database));
    }

    [Fact]
    public async Task The_roster_is_the_same_on_every_run()
    {
        using var first = TestDatabase.Create();
        using var second = TestDatabase.Create();
        foreach (var database in new[] { first, second })
        {
            await using var db = database.CreateContext();
            await DemoSeeder.SeedAsync(db, database.Clock);
        }

        Assert.Equal(await Roster(first), await Roster(second));

        static async Task<List<string>> Roster(TestDatabase database)
        {
            await using var db = database.CreateContext();
            return await db.People.OrderBy(p => p.StaffNumber).Select(p => p.StaffNumber + p.Name + p.Position).ToListAsync();
        }
    }

    [Theory]
    [InlineData("Development", true, true)]
    [InlineData("Staging", true, true)]
    [InlineData("Development", false, false)]
    [InlineData("Production", true, false)]
    public async Task Start_up_migrates_and_seeds_only_when_asked_and_never_in_production(string environment, bool seed, bool expectSeeded)
    {
        using var database = TestDatabase.CreateEmpty();
        await using var services = Services(database, environment, seed);

        await services.InitialisePortalDatabaseAsync();

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(expectSeeded, await db.Institutions.AnyAsync());
    }

    [Fact]
    public async Task Start_up_switches_the_file_to_write_ahead_logging()
    {
        using var database = TestDatabase.CreateEmpty();
        await using var services = Services(database, Environments.Development, seed: false);

        await services.InitialisePortalDatabaseAsync();

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Without_a_connection_string_the_database_lives_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "homevisit-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var env = Environment(Environments.Development, root);
            var configuration = new ConfigurationBuilder().Build();
            var services = new ServiceCollection();

            services.AddPortalDatabase(configuration, env);

            var expected = Path.Combine(root, "data", "homevisit.db");
            Assert.Equal(expected, new SqliteConnectionStringBuilder(DatabaseServiceCollectionExtensions.ResolveConnectionString(configuration, env)).DataSource);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
            using var provider = services.BuildServiceProvider();
            Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
            Assert.NotNull(provider.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static ServiceProvider Services(TestDatabase database, string environment, bool seed)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Portal"] = database.ConnectionString,
                ["Demo:Seed"] = seed ? "true" : "false",
            })
            .Build();
        var env = Environment(environment, database.Folder);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(env);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        services.AddPortalDatabase(configuration, env);
        return services.BuildServiceProvider();
    }

    private static IHostEnvironment Environment(string name, string contentRoot) => new TestHostEnvironment
    {
        EnvironmentName = name,
        ContentRootPath = contentRoot,
    };

    private static async Task<(int, int, int, int, int, int)> Counts(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Institutions.CountAsync(), await db.OrgUnits.CountAsync(), await db.People.CountAsync(),
            await db.FamilyMembers.CountAsync(), await db.UserAccounts.CountAsync(), await db.Visits.CountAsync());
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "HomeVisit.Tests";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
