using System.Reflection;
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

    internal static IReadOnlyList<IProgrammeModule> Modules()
    {
        var folder = Path.GetDirectoryName(typeof(DesignTimeFactory).Assembly.Location)!;
        return Directory.EnumerateFiles(folder, "HomeVisit.Programmes.*.dll")
            .Order(StringComparer.Ordinal)
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProgrammeModule).IsAssignableFrom(t))
            .Select(t => (IProgrammeModule)Activator.CreateInstance(t)!)
            .ToList();
    }
}
