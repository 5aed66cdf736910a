using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Data;

/// <summary>What the model does differently on SQLite.</summary>
internal static class SqliteModel
{
    internal const string ProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Computed columns are VIRTUAL on SQLite: it refuses to add a STORED generated column to a table that exists
    /// (only a rebuild could), while a virtual one is added in place and still indexable; its index keeps the values,
    /// so a query on the column reads them from the index. PostgreSQL keeps them stored.
    /// </summary>
    internal static void ConfigureModel(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
            if (property.GetComputedColumnSql() is not null && property.GetIsStored() == true)
                property.SetIsStored(false);
    }
}
