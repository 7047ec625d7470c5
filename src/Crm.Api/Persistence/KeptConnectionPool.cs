using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.Api.Persistence;

/// <summary>
/// The pool of SQLite contexts, each with its kept-open connection (decision 0018): the context given back last is
/// handed out first, and a context nobody has rented for <c>Database:SqliteIdleConnectionSeconds</c> is dropped, which
/// closes its connection.
/// </summary>
/// <remarks>
/// EF Core's own pool is first in, first out. Every context it keeps takes its turn, so after one burst of concurrent
/// requests (16 writers waiting for their turn open 16 connections) every later request goes round all of them: each
/// connection fills its page cache (<c>Database:SqliteCacheKib</c>) and prepares every statement, and each sees only a
/// fraction of the requests, so its cache is the coldest it could be. Handed out most recent first, the few contexts that
/// the requests in flight need stay warm, the rest sink to the bottom unused, and there they are closed, which gives their
/// page cache and statements back (docs/performance.md, "Twenty-first round").
/// </remarks>
#pragma warning disable EF1001 // DbContextPool is EF Core's pool; only the order it hands contexts out in and how long it keeps them change.
internal sealed class KeptConnectionPool(DbContextOptions<SqliteCrmDbContext> options, IServiceProvider services, TimeSpan idleFor, TimeProvider clock)
    : DbContextPool<SqliteCrmDbContext>(options, services)
{
    /// <summary>
    /// Contexts kept at most, each with its open connection (its page cache and statements); past this many at once a
    /// context is dropped when given back, and its connection closed.
    /// </summary>
    public const int Size = 64;

    private readonly Lock gate = new();
    // Bottom (longest unused) first, top (given back last) at the end.
    private readonly List<(IDbContextPoolable Context, long ReturnedAt)> kept = [];
    private readonly long idleTicks = (long)(idleFor.TotalSeconds * clock.TimestampFrequency);
    // A context in the pool counts as disposed and gives out none of its services, so each one's connection is noted
    // when the context is built, to be closed when the pool drops it.
    private readonly ConditionalWeakTable<IDbContextPoolable, IRelationalConnection> connections = new();
    private bool disposed;

    /// <summary>Put in place of the pool <c>AddPooledDbContextFactory</c> registered.</summary>
    public static void Use(IServiceCollection services, TimeSpan idleFor) =>
        services.Replace(ServiceDescriptor.Singleton<IDbContextPool<SqliteCrmDbContext>>(sp => new KeptConnectionPool(
            sp.GetRequiredService<DbContextOptions<SqliteCrmDbContext>>(), sp, idleFor, sp.GetRequiredService<TimeProvider>())));

    public int Kept
    {
        get
        {
            lock (gate) return kept.Count;
        }
    }

    public override IDbContextPoolable Rent()
    {
        lock (gate)
        {
            if (kept.Count > 0)
            {
                var top = kept[^1].Context;
                kept.RemoveAt(kept.Count - 1);
                return top;
            }
        }
        // EF Core's queue is never filled here, so this builds a new context.
        var built = base.Rent();
        connections.AddOrUpdate(built, ((DbContext)built).GetService<IRelationalConnection>());
        return built;
    }

    public override void Return(IDbContextPoolable context)
    {
        context.ResetState();
        Keep(context);
    }

    public override async ValueTask ReturnAsync(IDbContextPoolable context, CancellationToken cancellationToken = default)
    {
        await context.ResetStateAsync(cancellationToken).ConfigureAwait(false);
        Keep(context);
    }

    private void Keep(IDbContextPoolable context)
    {
        var now = clock.GetTimestamp();
        List<IDbContextPoolable>? dropped = null;
        lock (gate)
        {
            if (!disposed && kept.Count < Size) kept.Add((context, now));
            else (dropped = []).Add(context);
            // Looked at on every return: a pool nobody returns to has no load to make room for.
            while (kept.Count > 0 && now - kept[0].ReturnedAt > idleTicks)
            {
                (dropped ??= []).Add(kept[0].Context);
                kept.RemoveAt(0);
            }
        }
        if (dropped is not null) foreach (var unused in dropped) Drop(unused);
    }

    // EF Core's own way of dropping a context (clear its lease, dispose it) leaves the connection open: a context that
    // was given back is already marked disposed, so disposing it again does nothing. The connection is closed here.
    private void Drop(IDbContextPoolable context)
    {
        if (connections.TryGetValue(context, out var connection))
        {
            connection.Dispose();
            connections.Remove(context);
        }
        context.ClearLease();
        context.Dispose();
    }

    public override void Dispose()
    {
        DropAll();
        base.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        DropAll();
        await base.DisposeAsync();
    }

    private void DropAll()
    {
        List<(IDbContextPoolable Context, long)> all;
        lock (gate)
        {
            disposed = true;
            all = [.. kept];
            kept.Clear();
        }
        foreach (var (context, _) in all) Drop(context);
    }
}
#pragma warning restore EF1001
