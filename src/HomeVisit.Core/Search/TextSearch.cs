using System.Linq.Expressions;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    /// <summary>
    /// Ids of the rows of a programme module's table whose <paramref name="column"/> (marked <see cref="Searched"/>)
    /// contains <paramref name="text"/> (trimmed), with the same matching as the core's fields. The entity's key is
    /// its <c>Id</c> (an int).
    /// </summary>
    public static IQueryable<int> Matching<T>(PortalDbContext db, Expression<Func<T, string>> column, string text) where T : class
    {
        text = text.Trim();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not in the model.", nameof(column));
        var property = column.Body is MemberExpression { Member.Name: var name } ? entity.FindProperty(name) : null;
        if (property is null) throw new ArgumentException("The column must be a property of the entity.", nameof(column));
        return db.Database.ProviderName == PostgreSqlDatabase.ProviderName
            ? PostgreSqlTextSearch.Matching(db, column, text)
            : SqliteTextSearch.Matching(db, column, FtsTable(entity, property), text);
    }

    /// <summary>
    /// Marks a text column of a programme module's entity as searched through an index (<see cref="Matching{T}"/>). On
    /// PostgreSQL the mark becomes a pg_trgm GIN index <c>IX_{table}_{column}_Trgm</c> in the model, so the module's
    /// migration creates it; on SQLite the module's migration creates the FTS5 table <c>Search_{table}{column}</c> and its
    /// triggers by hand, as the core's migration <c>TextSearch</c> does for the core's columns.
    /// </summary>
    public static PropertyBuilder<string> Searched(this PropertyBuilder<string> property) => property.HasAnnotation(SearchedMark, true);

    internal const string SearchedMark = "HomeVisit:Searched";

    /// <summary>The columns marked <see cref="Searched"/> (while the model is being built).</summary>
    internal static IEnumerable<IMutableProperty> SearchedColumns(IMutableModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.FindAnnotation(SearchedMark) is not null).ToList();

    /// <summary>Drops the marks once the provider has turned them into indexes (they are not part of any schema).</summary>
    internal static void ClearMarks(IMutableModel model)
    {
        foreach (var property in SearchedColumns(model)) property.RemoveAnnotation(SearchedMark);
    }

    private static string FtsTable(IEntityType entity, IProperty property)
    {
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
        return $"Search_{table}{property.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))}";
    }

    /// <summary>A LIKE pattern for "contains", with the wildcards in the text escaped by <c>\</c>.</summary>
    internal static string ContainsPattern(string text)
        => "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
