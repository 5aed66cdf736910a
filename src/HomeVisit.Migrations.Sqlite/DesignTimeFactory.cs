using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HomeVisit.Migrations.Sqlite;

// dotnet-ef builds the model here without starting the portal, so generating a migration needs no configuration. The
// model is the composed one: the core and every programme module this project references (their assemblies sit
// beside this one), found by their HomeVisit.Programmes.* file names so that no module list is kept here.
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(SqliteMigrations.AssemblyName))
            .UseProgrammeModels(Modules())
            .Options);

    internal static IReadOnlyList<IProgrammeModule> Modules() => ProgrammeModels.BesideAssembly(typeof(DesignTimeFactory).Assembly);
}
