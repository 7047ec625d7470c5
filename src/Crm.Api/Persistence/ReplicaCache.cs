using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Api.Persistence;

/// <summary>
/// A short-lived copy, in this replica's memory, of rows that nearly every request reads and that rarely change. It is
/// also an EF Core interceptor: a save on this replica that touches one of the watched entity types empties it at once
/// (after the save, and again when the surrounding transaction commits, so a read racing the commit cannot keep the
/// old value). Other replicas see such a change when their copy expires, after <see cref="Lifetime"/> at most; a
/// lifetime of zero turns the cache off. Writes that bypass the change tracker (ExecuteUpdate) must call
/// <see cref="Clear"/> themselves.
/// </summary>
public abstract class ReplicaCache<TKey, TValue>(TimeProvider clock, TimeSpan lifetime) : SaveChangesInterceptor, IDbTransactionInterceptor
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Until)> entries = new();
    private readonly ConditionalWeakTable<DbContext, object> pending = new();
    private long generation;

    public TimeSpan Lifetime => lifetime;

    /// <summary>Whether a save of this entity type changes what the cache holds.</summary>
    protected abstract bool Watches(Type entityType);

    /// <summary>Whether a loaded value is kept; one that is not is read again by the next request.</summary>
    protected virtual bool Keeps(TValue value) => true;

    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> load, CancellationToken ct)
    {
        if (lifetime <= TimeSpan.Zero) return await load(ct);
        if (entries.TryGetValue(key, out var hit) && hit.Until > clock.GetUtcNow()) return hit.Value;
        var seen = Interlocked.Read(ref generation);
        var value = await load(ct);
        // A write on this replica during the load may have made the value stale: then it serves this request only.
        if (Interlocked.Read(ref generation) == seen && Keeps(value)) entries[key] = (value, clock.GetUtcNow() + lifetime);
        return value;
    }

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        // Changes were detected by SaveChanges just before: reading the entries must not compare every snapshot again
        // (an import batch tracks ~27,000 entries).
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watches(e.Metadata.ClrType)))
                pending.AddOrUpdate(context, this);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Settle(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out _)) return;
        Clear();
        if (context.Database.CurrentTransaction is null) pending.Remove(context);
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && pending.Remove(context)) Clear();
    }
}
