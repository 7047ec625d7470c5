using System.Globalization;
using BenchmarkDotNet.Running;
using Crm.Benchmarks;
using Crm.Benchmarks.Generate;
using Crm.Benchmarks.Load;
using Crm.Benchmarks.Micro;
using Crm.Benchmarks.Sql;

// dotnet run -c Release --project tests/Crm.Benchmarks -- generate|load|micro|smoke|sql [options]
var command = args.FirstOrDefault() ?? "help";
var options = BenchOptions.Parse(args.Skip(1).ToArray());
var root = BenchOptions.RepositoryRoot();

// An option the command does not take (a typo, or --help) stops it before it starts: `load --help` once ran the whole
// table, the import included, on the real file.
string[] loadOptions = ["customers", "db", "api", "seconds", "warmup-ms", "concurrency", "max-requests", "scenarios", "out", "log-sql", "import-rows", "appointments", "client"];
string[]? takes = command switch
{
    "generate" => ["customers", "db", "analyze"],
    "upgrade" => ["customers", "db"],
    "load" => loadOptions,
    "smoke" => [.. loadOptions, "totals"],
    "sql" => ["customers", "db", "file", "runs", "cache-kib"],
    _ => null,
};
if (takes is not null && options.Names.FirstOrDefault(name => !takes.Contains(name, StringComparer.OrdinalIgnoreCase)) is { } unknown)
{
    Console.Error.WriteLine($"{command} does not take --{unknown}.");
    command = "unknown option";
}

switch (command)
{
    case "generate":
    {
        var customers = options.Int("customers", 1_000_000);
        return await new DatasetGenerator(new GenerateOptions(options.Path("db", DefaultDatabase(customers)), customers, options.Has("analyze")), Console.Out).RunAsync();
    }
    case "upgrade":
    {
        // After a rebase brings new migrations: no need to generate again, the derived tables are recomputed in SQL.
        var customers = options.Int("customers", 1_000_000);
        return await DatasetGenerator.UpgradeAsync(options.Path("db", DefaultDatabase(customers)), Console.Out);
    }
    case "load":
    {
        var customers = options.Int("customers", 1_000_000);
        var settings = LoadSettings.From(options, root, options.Path("db", DefaultDatabase(customers)), defaultSeconds: 12);
        var report = await new LoadRun(settings, Console.Out).RunAsync();
        return report.Failed == 0 ? 0 : 1;
    }
    case "smoke":
    {
        // Small and short, run by scripts/test.sh so that the generator and every scenario keep working.
        var customers = options.Int("customers", 10_000);
        var database = options.Path("db", Path.Combine(root, ".artifacts", "bench", "smoke.db"));
        var generated = await new DatasetGenerator(new GenerateOptions(database, customers, Analyze: false), Console.Out).RunAsync();
        if (generated != 0) return generated;
        var settings = LoadSettings.From(options, root, database, defaultSeconds: 2) with { MaxRequestsPerScenario = options.Int("max-requests", 4_000), Concurrency = options.Int("concurrency", 4) };
        var report = await new LoadRun(settings, Console.Out).RunAsync();
        var totals = options.Path("totals", Path.Combine(root, ".artifacts", "bench-totals"));
        await File.WriteAllTextAsync(totals, string.Create(CultureInfo.InvariantCulture, $"{report.Passed} {report.Failed} 0\n"));
        Console.WriteLine($"smoke: {report.Passed} passed, {report.Failed} failed");
        return report.Failed == 0 ? 0 : 1;
    }
    case "sql":
    {
        var customers = options.Int("customers", 1_000_000);
        var file = options.String("file") ?? throw new ArgumentException("sql needs --file: statements separated by a line holding only ;;");
        return StatementTimer.Run(options.Path("db", DefaultDatabase(customers)), file, options.Int("runs", 20),
            options.Has("cache-kib") ? options.Int("cache-kib", 2048) : null, Console.Out);
    }
    case "micro":
    {
        // Without a filter BenchmarkDotNet asks interactively which benchmarks to run; run them all instead.
        var micro = args.Skip(1).ToArray();
        if (!micro.Contains("--filter")) micro = [.. micro, "--filter", "*"];
        BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(micro, MicroConfig.Short());
        return 0;
    }
    default:
        Console.WriteLine("""
            usage: dotnet run -c Release --project tests/Crm.Benchmarks -- <command> [options]
              generate [--customers 1000000] [--db PATH] [--analyze]     build a benchmark database with the API's migrations
              load     [--customers 1000000] [--db PATH] [--seconds 12] [--concurrency 32] [--max-requests N] [--scenarios a,b]
                                                                         start the API (Release) on the database and measure each scenario
                       [--api PATH]                                      another build: a Crm.Api.dll, or the apphost of a self-contained publish
                       [--client lean|httpclient]                        the measured requests' client (lean: raw HTTP/1.1, the default)
                       [--out FILE] [--log-sql] [--import-rows N] [--appointments N] [--warmup-ms N]   (docs/performance.md, "Reproduce")
              upgrade  [--customers 1000000] [--db PATH]                 apply new migrations to a generated database, recompute derived tables
              smoke    [--customers 10000]                               generate a small database and run every scenario briefly
              sql      --file F [--db PATH] [--runs 20] [--cache-kib N]  plan and time statements (separated by ";;" lines) with the API's SQLite
              micro    [--filter *]                                      BenchmarkDotNet micro-benchmarks (short job)
            """);
        return command == "help" ? 0 : 2;
}

string DefaultDatabase(int customers) => Path.Combine(root, ".artifacts", "bench", $"crm-{customers}.db");
