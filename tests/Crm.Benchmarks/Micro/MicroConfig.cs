using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Crm.Benchmarks.Micro;

/// <summary>
/// A short job run in this process: three warm-up and three measured iterations instead of BenchmarkDotNet's
/// statistical default, and no generated project to build, so the whole set finishes in a few minutes.
/// Good enough to compare hot paths and see allocations; not for claims about single-digit percentages.
/// </summary>
internal static class MicroConfig
{
    public static IConfig Short() => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator)
        .WithArtifactsPath(Path.Combine(BenchOptions.RepositoryRoot(), ".artifacts", "bench", "micro"));
}
