using BenchmarkDotNet.Attributes;
using Crm.Api.Common;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Benchmarks.Micro;

/// <summary>
/// The mediator pipeline as the API wires it (logging → validation → transaction, MediatR 5.1), around a handler
/// that does nothing, so what is measured is the pipeline: resolving the behaviours, the validator and the
/// DbContext they need from a fresh request scope, and the async hops between them.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private ServiceProvider _services = null!;
    private readonly BenchPingQuery _query = new("ping");

    [GlobalSetup]
    public void Setup()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = "Data Source=:memory:" }).Build();
        _services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddScoped<Caller>()
            .AddCrmDatabase(config)
            .AddCrmMediator(typeof(PipelineBenchmarks).Assembly)
            .BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "handler called directly")]
    public Task<int> Direct() => new BenchPingHandler().Handle(_query, CancellationToken.None);

    [Benchmark(Description = "mediator.Send in a new scope (query)")]
    public async Task<int> ThroughPipeline()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(_query);
    }

    [Benchmark(Description = "scope + DbContext only")]
    public async Task<int> ScopeAndContext()
    {
        await using var scope = _services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CrmDbContext>().GetHashCode() & 1;
    }
}

public sealed record BenchPingQuery(string Text) : IRequest<int>;

public sealed class BenchPingValidator : AbstractValidator<BenchPingQuery>
{
    public BenchPingValidator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(100);
}

public sealed class BenchPingHandler : IRequestHandler<BenchPingQuery, int>
{
    public Task<int> Handle(BenchPingQuery request, CancellationToken cancellationToken) => Task.FromResult(request.Text.Length);
}
