using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace HomeVisit.Bench;

// A named class rather than top-level statements: the portal, which this references, has a global Program.
internal static class BenchCommand
{
    private const string Usage = """
        usage (bench/run.sh runs them all in order; DB is a SQLite file or a PostgreSQL connection string, Host=…):
          queries DB RESULTS LABEL            BenchmarkDotNet over the service queries (p95 per query)
          jobs DB RESULTS LABEL [SECONDS]     the daily reminder job, and 20 writers/s (default 60 s) with readers
          browser LABEL BASEURL PID RESULTS   time to interactive, click to grid, ledger .xlsx, memory per circuit
          bare BASEURL PID RESULTS            the same for the bare Blazor page
          report RESULTS                      the table against the budgets
        """;

    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "queries" when args.Length >= 4:
                Environment.SetEnvironmentVariable("HV_BENCH_DB", PortalServices.IsPostgreSql(args[1]) ? args[1] : Path.GetFullPath(args[1]));
                // In process with a long timeout: on the untuned county some calls take tens of seconds, which the default
                // in-process toolchain refuses. HV_BENCH_ITERATIONS lowers the 20 iterations for such a run.
                var iterations = int.TryParse(Environment.GetEnvironmentVariable("HV_BENCH_ITERATIONS"), out var n) ? n : 20;
                var filter = Environment.GetEnvironmentVariable("HV_BENCH_FILTER");
                var config = ManualConfig.CreateMinimumViable()
                    .AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: false))
                        .WithWarmupCount(iterations >= 10 ? 2 : 1).WithIterationCount(iterations).WithInvocationCount(1).WithUnrollFactor(1))
                    .AddColumn(StatisticColumn.P95)
                    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
                if (!string.IsNullOrEmpty(filter)) config = config.AddFilter(new BenchmarkDotNet.Filters.GlobFilter(filter.Split(',')));
                var summary = BenchmarkRunner.Run<QueryBenchmarks>(config);
                foreach (var report in summary.Reports)
                {
                    if (report.ResultStatistics is null) continue;
                    var p95 = report.ResultStatistics.Percentiles.P95;
                    BrowserBench.Append(args[2], new(args[3], "query-p95", report.BenchmarkCase.Descriptor.WorkloadMethod.Name, Math.Round(p95 / 1e6, 1), "ms"));
                }
                return 0;
            case "jobs" when args.Length >= 4:
                var seconds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 60;
                await JobsBench.RunAsync(args[3], args[1], args[2], TimeSpan.FromSeconds(seconds));
                return 0;
            case "browser" when args.Length >= 5:
                await new BrowserBench(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4]).RunAsync(bare: false);
                return 0;
            case "bare" when args.Length >= 4:
                await new BrowserBench("bare", args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]).RunAsync(bare: true);
                return 0;
            case "report" when args.Length >= 2:
                Console.WriteLine(Report.Build(args[1]));
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
