using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HomeVisit.Migrations.PostgreSQL;

// dotnet-ef builds the model here without a server: generating a migration connects to nothing, so the connection
// string only has to parse. The model is the composed one: the core and every programme module this project
// references (ProgrammeModels.BesideAssembly).
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PortalDbContext>()
            .UsePortalPostgreSql("Host=localhost;Database=homevisit_design")
            .UseProgrammeModels(ProgrammeModels.BesideAssembly(typeof(DesignTimeFactory).Assembly))
            .Options);
}
