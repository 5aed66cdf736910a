using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HomeVisit.Migrations.Sqlite;

// dotnet-ef builds the model here without starting the portal, so generating a migration needs no configuration.
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(SqliteMigrations.AssemblyName))
            .Options);
}
