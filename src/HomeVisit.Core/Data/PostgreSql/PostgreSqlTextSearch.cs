using System.Linq.Expressions;
using HomeVisit.Core.People;
using HomeVisit.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Data;

/// <summary>
/// <see cref="TextSearch"/> on PostgreSQL: ILIKE '%…%', which the pg_trgm GIN indexes of <see cref="ConfigureModel"/>
/// serve for three characters or more (shorter texts scan, as on SQLite).
/// </summary>
internal static class PostgreSqlTextSearch
{
    internal static IQueryable<int> Matching(PortalDbContext db, SearchField field, string text)
    {
        var pattern = TextSearch.ContainsPattern(text);
        return field switch
        {
            SearchField.PersonName => db.People.Where(p => EF.Functions.ILike(p.Name, pattern, "\\")).Select(p => p.Id),
            SearchField.VisitPlace => db.Visits.Where(v => v.Place != null && EF.Functions.ILike(v.Place, pattern, "\\")).Select(v => v.Id),
            SearchField.FollowUpSummary => db.FollowUpItems.Where(f => EF.Functions.ILike(f.Summary, pattern, "\\")).Select(f => f.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    /// <summary>A programme module's column (<see cref="TextSearch.Searched"/>).</summary>
    internal static IQueryable<int> Matching<T>(PortalDbContext db, Expression<Func<T, string>> column, string text) where T : class
    {
        var pattern = TextSearch.ContainsPattern(text);
        // The pattern from a closure, so EF sends it as a parameter rather than a literal in the SQL.
        Expression<Func<string>> value = () => pattern;
        var ilike = Expression.Call(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), null,
            Expression.Constant(EF.Functions), column.Body, value.Body, Expression.Constant("\\"));
        return db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(ilike, column.Parameters)).Select(x => EF.Property<int>(x, "Id"));
    }

    /// <summary>
    /// The pg_trgm extension and a trigram GIN index on each searched column (created by the PostgreSQL migrations):
    /// the core's, and the modules' columns marked <see cref="TextSearch.Searched"/>.
    /// </summary>
    internal static void ConfigureModel(ModelBuilder modelBuilder)
    {
        foreach (var property in TextSearch.SearchedColumns(modelBuilder.Model))
        {
            var entity = property.DeclaringType.ContainingEntityType;
            var index = entity.AddIndex(property, $"IX_{entity.GetTableName()}_{property.GetColumnName()}_Trgm");
            index.SetMethod("gin");
            index.SetOperators(new[] { "gin_trgm_ops" });
        }
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<Person>().HasIndex(p => p.Name, "IX_People_Name_Trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        modelBuilder.Entity<Visits.Visit>().HasIndex(v => v.Place, "IX_Visits_Place_Trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        modelBuilder.Entity<FollowUps.FollowUpItem>().HasIndex(f => f.Summary, "IX_FollowUpItems_Summary_Trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
