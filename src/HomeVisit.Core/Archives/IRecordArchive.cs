using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;

namespace HomeVisit.Core.Archives;

/// <summary>
/// What a programme contributes to the record archive (<see cref="RecordArchiveService"/>): which of its visits have a
/// record filed away, who may open the archive, and how each record reads. Registered by a module in
/// <c>AddServices</c> (<c>services.AddSingleton&lt;IRecordArchive, …&gt;()</c>), at most one per programme. The module keeps
/// its own rows (when, by whom, a snapshot or a filing note) and its own rule for when a record may be filed; the
/// core lists, pages, checks ownership, exports and audits.
/// </summary>
public interface IRecordArchive
{
    /// <summary>The programme whose records these are.</summary>
    string ProgrammeKey { get; }

    /// <summary>The archive's Chinese name, e.g. 记录单存档; it names the downloaded file and the index's title.</summary>
    string Title { get; }

    /// <summary>
    /// The module's own page listing the archive, or null (the default) for the core's <c>/programmes/{key}/archive</c>,
    /// which the programme's home page then links to. With an own page the core's address redirects to it, passing its
    /// <c>?year=</c> on, so the page takes the same query. Either way the list and the export are this service's.
    /// </summary>
    string? OwnPage => null;

    /// <summary>
    /// Null when the user may open the programme's archive at all; otherwise the message they are refused with
    /// (<see cref="AccessDeniedException"/>). Each record is further limited to visits the user may see.
    /// </summary>
    string? Refusal(PortalUser user);

    /// <summary>
    /// Every filed record of the programme as a query the core filters (institution, year, the user's visits), orders
    /// and pages in the database: a projection of the module's own rows.
    /// </summary>
    IQueryable<ArchiveEntry> Entries(PortalDbContext db);

    /// <summary>Who was visited and by whom, for the listed records (one query for the page, not one per row).</summary>
    Task<IReadOnlyDictionary<int, ArchiveSummary>> SummariesAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct);

    /// <summary>
    /// The filed records as they read on paper, one document per visit id given (in any order); the core writes each
    /// as a workbook in the archive's zip. Called in batches; reads are audited by the core.
    /// </summary>
    Task<IReadOnlyList<ArchiveDocument>> RenderAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct);
}

/// <summary>One filed record as the core queries it. <see cref="ArchivedAt"/> is a UTC instant.</summary>
public sealed class ArchiveEntry
{
    public int VisitId { get; init; }
    public int InstitutionId { get; init; }
    /// <summary>When the visit took place (the visit's actual start, wall-clock); the year filter uses it.</summary>
    public DateTime? VisitStart { get; init; }
    public DateTime ArchivedAt { get; init; }
    public string ArchivedBy { get; init; } = "";
}

/// <summary>The people a filed record is about and the visiting leaders, as the archive list shows them.</summary>
public sealed record ArchiveSummary(string Subject, string Leaders);

/// <summary>A filed record: a name for its file (who was visited) and one sheet per paper form (e.g. one per person).</summary>
public sealed record ArchiveDocument(int VisitId, string Subject, IReadOnlyList<ArchiveSheet> Sheets);

/// <summary>One paper form: its title and its fields in the form's order.</summary>
public sealed record ArchiveSheet(string Title, IReadOnlyList<ArchiveField> Fields);

/// <summary>A field of a paper form (label as printed, value as filed).</summary>
public sealed record ArchiveField(string Label, string? Value);

/// <summary>A filed record in the archive list, newest first.</summary>
public sealed record ArchivedRecordRow(int VisitId, DateOnly? VisitDate, string Targets, string Leaders, DateTime ArchivedAt, string ArchivedBy);

/// <summary>What an export wrote: the file's name and how many records it holds.</summary>
public sealed record ArchiveExportResult(string FileName, int Records);
