using System.Reflection;
using HomeVisit.Core.Accounts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HomeVisit.Core.Programmes;

/// <summary>A navigation entry a module adds under its programme in the menu.</summary>
/// <param name="Text">Chinese text (translated by the portal's texts).</param>
/// <param name="Path">Where it leads, under /programmes/{key}.</param>
/// <param name="Roles">Roles that see it; empty means everyone who may use the programme.</param>
public sealed record ProgrammeNavEntry(string Text, string Path, string Icon, IReadOnlyList<string>? Roles = null);

public enum RecordFieldKind
{
    Text,
    LongText,
    Date,
    YesNo,
    Choice,
    Checklist,
}

/// <summary>A field of the programme's annexed record form (记录单 / 登记表 / 工作记录表) beyond the core visit fields.</summary>
public sealed record RecordField(string Key, string Label, RecordFieldKind Kind, IReadOnlyList<string>? Choices = null, string? Hint = null);

/// <summary>
/// The module contract. One class per programme implements it, in the programme's own project
/// (src/Programmes/HomeVisit.Programmes.&lt;Name&gt;); the host lists the modules once
/// (ProgrammesServiceCollectionExtensions.Modules), and nothing outside the module's project names its key, types,
/// roles or pages. A module depends on the core and the shared UI library only: it never references another module
/// (docs/decisions/0013-programme-modules.md).
/// </summary>
public interface IProgrammeModule
{
    /// <summary>Stable key used in URLs (/programmes/{key}) and stored on visits and follow-up items.</summary>
    string Key { get; }

    /// <summary>Chinese display name.</summary>
    string Name { get; }

    string EnglishName { get; }

    /// <summary>Calendar and chart colour.</summary>
    string Colour { get; }

    /// <summary>The seed document the defaults come from.</summary>
    string Source { get; }

    /// <summary>The rules an institution starts with, from the seed; an admin changes them in the portal.</summary>
    ProgrammeRules DefaultRules();

    /// <summary>Fields of the programme's own record form, stored with the visit.</summary>
    IReadOnlyList<RecordField> RecordForm { get; }

    /// <summary>Menu entries under the programme.</summary>
    IReadOnlyList<ProgrammeNavEntry> Navigation { get; }

    /// <summary>Roles that see every record of the programme in their institution (others see their own).</summary>
    IReadOnlyList<string> OverseerRoles { get; }

    /// <summary>
    /// Roles that may see the programme at all — its menu entry, pages, visits and follow-up items, even as a
    /// participant; null means everyone in the institution. For a secret programme every other role gets
    /// 404 under /programmes/{key}, so not even its records' existence shows.
    /// </summary>
    IReadOnlyList<string>? AccessRoles => null;

    /// <summary>
    /// Whether the programme's records are confidential: outside the portal (calendar feeds, reminders by email) they
    /// appear only as a bare work appointment, without names or programme.
    /// </summary>
    bool IsConfidential => false;

    /// <summary>
    /// The entity types (as written to the audit log's <c>EntityType</c>) of the module's own records. With
    /// <see cref="AccessRoles"/> set, every audit entry of these types is left out of the log for anyone who may not
    /// use the programme, as are the entries of its visits and follow-up items.
    /// </summary>
    IReadOnlyList<string> AuditEntityTypes => [];

    /// <summary>
    /// The Chinese names of what the module writes to the audit log's <c>EntityType</c> (its record types and the
    /// exports or reads it names itself), e.g. <c>Commitment</c> → 承诺书; English in <see cref="TextResources"/>. The
    /// audit page shows these names instead of the stored codes; a code without a name is shown as stored.
    /// </summary>
    IReadOnlyDictionary<string, string> AuditEntityNames => new Dictionary<string, string>();

    /// <summary>
    /// Whether a visit of the programme belongs to the visited person's unit rather than the visitors' wherever figures
    /// are counted per unit (period summary, dashboard unit filter, ledger of a unit), e.g. a programme whose visitors
    /// all come from one office that visits people of every unit. See <see cref="Visits.VisitUnits"/>.
    /// </summary>
    bool CountsUnderVisitedUnit => false;

    /// <summary>Roles that may change the programme's rules.</summary>
    IReadOnlyList<string> RuleAdminRoles => [Roles.SystemAdmin, Roles.ProgrammeAdmin];

    /// <summary>
    /// A component the visit page (/visits/{id}) shows for the module's visits, under the plan: it gets the parameters
    /// <c>VisitId</c> (int), <c>Version</c> (long, changes whenever the visit does) and <c>User</c> (PortalUser). Null: none.
    /// </summary>
    Type? VisitSection => null;

    /// <summary>
    /// What the programme calls the people who visit, on the visit page and the plan form (e.g. 回访人员 where the
    /// visitors are not leaders; by default 家访人员). A Chinese key of the module's text set.
    /// </summary>
    string VisitorsLabel => "家访人员";

    /// <summary>
    /// Why a family member may not be removed from the roster because the module's records name them (a signed pledge),
    /// as a Chinese message naming them; null when nothing of the module does. Asked by <c>PeopleService</c> through the
    /// context's modules before it removes the member.
    /// </summary>
    Task<Data.PortalMessage?> FamilyMemberInUseAsync(Data.PortalDbContext db, People.FamilyMember member, CancellationToken ct) => Task.FromResult<Data.PortalMessage?>(null);

    /// <summary>
    /// The module's string columns that name a file under <c>Uploads:Root</c>, as a '/'-separated path relative to it
    /// (a signed pledge's scan). Moving the portal to another database (<c>--migrate-to-postgres</c>) copies the uploads
    /// folder and checks that every file these columns name arrived unchanged; a file stored without being declared here
    /// is copied but not checked.
    /// </summary>
    IReadOnlyList<Data.UploadColumn> UploadColumns => [];

    /// <summary>
    /// Registers the module's own services, including what it contributes to core extension points: reminder sources
    /// (<c>IReminderSource</c>), ledger and summary providers (<c>ILedgerProvider</c>), plan checks (<c>IVisitPlanCheck</c>),
    /// daily jobs (<c>AddDailyJob</c>) and authentication schemes of its own.
    /// </summary>
    void AddServices(IServiceCollection services) { }

    /// <summary>
    /// Adds the module's entities to the one <c>PortalDbContext</c>; services reach them with <c>db.Set&lt;T&gt;()</c>.
    /// By default every <see cref="IEntityTypeConfiguration{TEntity}"/> in the module's assembly. Table names are the
    /// module's to keep: the one generated set of migrations is built from the model composed of all modules.
    /// </summary>
    void ConfigureModel(ModelBuilder modelBuilder)
    {
        if (GetType().Assembly != typeof(IProgrammeModule).Assembly)
            modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
    }

    /// <summary>
    /// Adds the programme's part of the demo institution (<c>Demo:Seed</c>, never in production): visits and follow-up
    /// items through <paramref name="demo"/>'s helpers, its own entities through <c>demo.Db</c>. Called once, after the
    /// core's roster is saved, in module order; the seeder saves everything in one transaction.
    /// </summary>
    void AddDemoData(Demo.DemoData demo) { }

    /// <summary>Maps the module's HTTP endpoints (APIs, downloads); they sit under /programmes/{key} or /api/{key}.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    /// <summary>The assembly holding the module's routable pages, added to the router; null when it has none.</summary>
    Assembly? RoutableAssembly => GetType().Assembly;

    /// <summary>
    /// The marker type of the module's resource set (its <c>&lt;Name&gt;Resources.en.resx</c>): the English of its pages,
    /// and of its record form, menu entries and priority situations wherever core pages show them. Null: the core's.
    /// </summary>
    Type? TextResources => null;

    /// <summary>
    /// A component the programme's home page (/programmes/{key}) shows under the rules in force; it gets the parameter
    /// <c>User</c> (PortalUser). Null: the home page shows the core's parts only.
    /// </summary>
    Type? HomeSection => null;

    /// <summary>Entries the module adds to the main menu, beside the core's (e.g. 干部诉求 for everyone who may use it).</summary>
    IReadOnlyList<ProgrammeNavEntry> MainMenu => [];

    /// <summary>
    /// Portal roles the module brings, beyond the core's (Roles.All): they can be granted to accounts (账号管理) and mapped
    /// from SSO groups, and only mean something inside the module; their holders work in the programme, so they may plan
    /// visits (<see cref="Accounts.PortalUser.CanVisit"/>; where, the programme's rules decide). A role in
    /// <see cref="AccessRoles"/> of a confidential programme is granted by the discipline office only
    /// (<see cref="Accounts.AccountRoles.DisciplineReserved"/>). The names are stored on accounts: never rename one.
    /// </summary>
    IReadOnlyList<string> AddedRoles => [];

    /// <summary>The Chinese name of one of <see cref="AddedRoles"/>, as account administration shows it (a key of the portal's texts).</summary>
    string AddedRoleName(string role) => role;

    /// <summary>
    /// Visit forms only this programme uses, beyond the core's (<see cref="Visits.VisitForms.Core"/>): its rules may allow
    /// them, and pages, ledgers and summaries show their names (Chinese here, English in <see cref="TextResources"/>).
    /// A form's value is stored on visits and in rule versions: never rename one.
    /// </summary>
    IReadOnlyList<Visits.VisitFormInfo> AddedForms => [];
}
