using System.Globalization;

namespace HomeVisit.DataGen;

// A named class, not top-level statements: the test project references this and the portal, and both
// would otherwise bring a global Program.
internal static class DataGenCommand
{
    private const string Usage = "usage: HomeVisit.DataGen --out FILE.db [--seed N] [--scale 1.0] [--today yyyy-MM-dd] [--postgres \"CONNECTION STRING\"]";

    // dotnet run --project tools/HomeVisit.DataGen -c Release -- --out data/county.db [--seed N] [--scale 1.0] [--today yyyy-MM-dd]
    //   [--postgres "Host=…;Database=…"]   also copy it into that empty PostgreSQL database (docs/performance.md)
    public static async Task<int> Main(string[] args)
    {
        string? output = null;
        var seed = 20261207;
        var scale = 1.0;
        DateOnly? today = null;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--out": output = Value(); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--scale": scale = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--today": today = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = Value(); break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        if (output is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var result = await LargeInstitutionGenerator.GenerateAsync(new GeneratorOptions(output, seed, scale, today));
        foreach (var (table, rows) in result.Rows) Console.WriteLine($"{table,-22} {rows,10:N0}");
        // CPU time beside wall time: on a shared build machine the wall time says more about the neighbours.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"{result.DatabasePath}: {new FileInfo(result.DatabasePath).Length / 1024 / 1024} MB in {result.Elapsed.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s CPU)");
        if (postgres is not null)
        {
            // The same rows on PostgreSQL, so the two providers are measured on one database.
            var copied = await PostgreSqlTarget.CopyAsync(result.DatabasePath, postgres);
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"PostgreSQL {Core.Data.PostgreSqlDatabase.Describe(postgres)}: copied and verified in {copied.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s CPU in all)");
        }
        return 0;
    }
}
