using System.Linq.Expressions;
using HomeVisit.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Data;

/// <summary>
/// <see cref="TextSearch"/> on SQLite: one FTS5 table per searched column, external-content over the column's own table
/// with the trigram tokenizer (SQLite 3.34 or later; the default tokenizer would take a whole run of Chinese characters as
/// one word), kept in step by triggers. Both are created by the SQLite migration <c>TextSearch</c>. A trigram index
/// cannot find text shorter than three characters, and two-character Chinese names are common, so shorter searches use
/// LIKE on the column (a scan, of the one institution's rows).
/// </summary>
internal static class SqliteTextSearch
{
    internal static IQueryable<int> Matching(PortalDbContext db, SearchField field, string text)
    {
        if (text.Length < 3) return Like(db, field, TextSearch.ContainsPattern(text));
        // A quoted FTS5 string: the text's own quotes doubled, so nothing typed is read as query syntax.
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return field switch
        {
            SearchField.PersonName => db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM \"Search_PeopleName\" WHERE \"Search_PeopleName\" MATCH {0}", phrase),
            SearchField.VisitPlace => db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM \"Search_VisitsPlace\" WHERE \"Search_VisitsPlace\" MATCH {0}", phrase),
            SearchField.FollowUpSummary => db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM \"Search_FollowUpItemsSummary\" WHERE \"Search_FollowUpItemsSummary\" MATCH {0}", phrase),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    /// <summary>A programme module's column (<see cref="TextSearch.Searched"/>), from its FTS5 table <paramref name="ftsTable"/>.</summary>
    internal static IQueryable<int> Matching<T>(PortalDbContext db, Expression<Func<T, string>> column, string ftsTable, string text) where T : class
    {
        if (text.Length < 3)
        {
            var pattern = TextSearch.ContainsPattern(text);
            // The pattern from a closure, so EF sends it as a parameter rather than a literal in the SQL.
            Expression<Func<string>> value = () => pattern;
            var like = Expression.Call(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), null,
                Expression.Constant(EF.Functions), column.Body, value.Body, Expression.Constant("\\"));
            return db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(like, column.Parameters)).Select(x => EF.Property<int>(x, "Id"));
        }
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        // The table name comes from the model, never from what was typed; the phrase is a parameter.
        var sql = "SELECT rowid AS \"Value\" FROM \"" + ftsTable + "\" WHERE \"" + ftsTable + "\" MATCH {0}";
        return db.Database.SqlQueryRaw<int>(sql, phrase);
    }

    private static IQueryable<int> Like(PortalDbContext db, SearchField field, string pattern) => field switch
    {
        SearchField.PersonName => db.People.Where(p => EF.Functions.Like(p.Name, pattern, "\\")).Select(p => p.Id),
        SearchField.VisitPlace => db.Visits.Where(v => v.Place != null && EF.Functions.Like(v.Place, pattern, "\\")).Select(v => v.Id),
        SearchField.FollowUpSummary => db.FollowUpItems.Where(f => EF.Functions.Like(f.Summary, pattern, "\\")).Select(f => f.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
