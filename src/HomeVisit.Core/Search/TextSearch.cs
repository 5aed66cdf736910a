using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Search;

/// <summary>The texts the portal searches by substring (what a user types into a list's search box).</summary>
public enum SearchField
{
    /// <summary><c>People.Name</c>: staff and visited persons, the visitors and targets of visits, who raised an item.</summary>
    PersonName,

    /// <summary><c>Visits.Place</c>.</summary>
    VisitPlace,

    /// <summary><c>FollowUpItems.Summary</c>: a follow-up item's title.</summary>
    FollowUpSummary,
}

/// <summary>
/// Substring search that an index serves, on either provider: the ids of the rows whose text contains what was typed,
/// as a query to compose into a list's query (<c>ids.Contains(row.Id)</c>), so filtering and paging stay in the database.
/// SQLite answers from FTS5 tables with the trigram tokenizer (which splits Chinese as well as Latin text), PostgreSQL
/// from pg_trgm GIN indexes; each provider's SQL lives in its own folder (Data/Sqlite, Data/PostgreSql). Matching
/// ignores the case of Latin letters on both.
/// </summary>
public static class TextSearch
{
    /// <summary>Ids of the rows of <paramref name="field"/>'s table whose text contains <paramref name="text"/> (trimmed).</summary>
    public static IQueryable<int> Matching(PortalDbContext db, SearchField field, string text)
    {
        text = text.Trim();
        return db.Database.ProviderName == PostgreSqlDatabase.ProviderName
            ? PostgreSqlTextSearch.Matching(db, field, text)
            : SqliteTextSearch.Matching(db, field, text);
    }

    /// <summary>A LIKE pattern for "contains", with the wildcards in the text escaped by <c>\</c>.</summary>
    internal static string ContainsPattern(string text)
        => "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
