using System.Globalization;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Housekeeping;

/// <summary>What one housekeeping pass removed.</summary>
public sealed record HousekeepingResult(int IdempotencyKeys, int Deliveries, int Events, int Changes, int ImportJobs);

/// <summary>
/// Keeps the integration tables from growing without end, hourly by default (<c>Crm:Housekeeping:*</c>):
/// <list type="bullet">
/// <item>Idempotency keys past their lifetime (they can no longer be replayed anyway).</item>
/// <item>Webhook deliveries that are finished (delivered, or failed for good) and older than the delivery log's
/// retention (30 days), then outbox events older than that with no delivery left.</item>
/// <item>The change log is compacted: a change older than a week is dropped when a later change of the same record
/// reaches everyone it reached (same owner, and the same previous owner for a transfer). Delta sync reads every record
/// as it is now, so a client that syncs from any cursor gets the same answer, only with fewer rows to page through.
/// Removals (tombstones) are the latest row of their record and are kept, so no cursor ever becomes invalid.
/// A pass only looks at the records changed since the previous pass (see <see cref="CompactChangesAsync"/>).</item>
/// <item>Finished import jobs older than the retention (their reports).</item>
/// </list>
/// Each step deletes in chunks, so that a pass never holds SQLite's write lock for long. The audit trail is never pruned.
/// The first pass waits <c>Crm:Housekeeping:FirstPassAfterMinutes</c> (default 10): nothing here is urgent, and a pass
/// right at start-up competed for the CPU with the first requests (docs/performance.md, "Cold start").
/// </summary>
public static class HousekeepingRegistration
{
    public static IServiceCollection AddCrmHousekeeping(this IServiceCollection services) => services
        .AddSingleton<Housekeeping>()
        .AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
}

public sealed class Housekeeping(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<Housekeeping> log) : BackgroundService
{
    private const int Chunk = 2000;

    /// <summary>
    /// The highest change sequence number up to which every change has been compared with the earlier changes of its
    /// record. Kept in the database, so a restart does not start again from the beginning of the log.
    /// </summary>
    internal const string CompactedThroughKey = "housekeeping.changes-compacted-through";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Crm:Housekeeping:Enabled", true)) return;
        var first = TimeSpan.FromMinutes(Math.Max(0, config.GetValue("Crm:Housekeeping:FirstPassAfterMinutes", 10.0)));
        var every = TimeSpan.FromMinutes(config.GetValue("Crm:Housekeeping:EveryMinutes", 60.0));
        try { await Task.Delay(first, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = await RunOnceAsync(stoppingToken);
                log.LogInformation("Housekeeping removed {Removed}", removed);
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Housekeeping pass failed");
                try { await Task.Delay(every, clock, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    public async Task<HousekeepingResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keepLog = now.AddDays(-config.GetValue("Crm:Housekeeping:DeliveryLogDays", 30.0));
        var compactBefore = now.AddDays(-config.GetValue("Crm:Housekeeping:CompactChangesAfterDays", 7.0));
        var keysBefore = now - IdempotencyMiddleware.Lifetime(config);

        // At most a day of keys: one statement.
        int keys;
        await using (var scope = scopes.CreateAsyncScope())
            keys = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().IdempotencyRecords.Where(r => r.CreatedAt < keysBefore).ExecuteDeleteAsync(ct);
        var deliveries = await InChunksAsync(db => db.WebhookDeliveries
            .Where(d => db.WebhookDeliveries.Where(x => x.Status != DeliveryStatus.Pending && x.CreatedAt < keepLog).Select(x => x.Id).Take(Chunk).Contains(d.Id))
            .ExecuteDeleteAsync(ct));
        var events = await InChunksAsync(db => db.OutboxEvents
            .Where(e => db.OutboxEvents.Where(x => x.OccurredAt < keepLog && !db.WebhookDeliveries.Any(d => d.EventId == x.Id)).Select(x => x.Id).Take(Chunk).Contains(e.Id))
            .ExecuteDeleteAsync(ct));
        var changes = await CompactChangesAsync(compactBefore, ct);
        var jobs = await InChunksAsync(db => db.ImportJobs
            .Where(j => db.ImportJobs.Where(x => x.FinishedAt != null && x.FinishedAt < keepLog).Select(x => x.Id).Take(Chunk).Contains(j.Id))
            .ExecuteDeleteAsync(ct));
        return new HousekeepingResult(keys, deliveries, events, changes, jobs);
    }

    private async Task<int> InChunksAsync(Func<CrmDbContext, Task<int>> deleteChunk)
    {
        var total = 0;
        int removed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            removed = await deleteChunk(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
            total += removed;
        } while (removed == Chunk);
        return total;
    }

    /// <summary>
    /// A change is superseded when a later change of its record reaches everyone it reached. Searching the whole old log
    /// for them read every row (~10M at a million customers: 16–22 s of CPU a pass, from the first pass right after
    /// start-up). Only a record with a change newer than the previous pass can have a newly superseded change, so a pass
    /// walks the log from the stored mark (<see cref="CompactedThroughKey"/>) by sequence number, a chunk at a time, and
    /// applies the same rule to the changes of those records only (index <c>(EntityId, Sequence)</c>).
    /// A superseded change that is still too young to go holds the mark back to just before the later change of its record,
    /// so the pass that finds it old enough reads that record again: the result is the same as searching the whole log.
    /// Rows of the bulk numbering at start-up come first and rarely hold the mark. Found with a read, then
    /// deleted by key: inside the DELETE the search held SQLite's write lock.
    /// </summary>
    private async Task<int> CompactChangesAsync(DateTime compactBefore, CancellationToken ct)
    {
        long mark;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().SystemSettings
                .Where(s => s.Key == CompactedThroughKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
            mark = long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var stored64) ? stored64 : 0;
        }
        var removed = 0;
        var readTo = mark;
        long? heldAt = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var from = readTo;
            var window = await db.ChangeRecords.Where(c => c.Sequence > from).OrderBy(c => c.Sequence).Take(Chunk)
                .Select(c => new { c.Sequence, c.EntityId }).ToListAsync(ct);
            if (window.Count == 0) break;
            var to = window[^1].Sequence;
            // A change that is the first of its record supersedes nothing (one covering-index seek tells); most of the
            // log is such rows, and its later changes come in this window or a later one.
            var changedRecords = db.ChangeRecords
                .Where(c => c.Sequence > from && c.Sequence <= to && db.ChangeRecords.Any(e => e.EntityId == c.EntityId && e.Sequence < c.Sequence))
                .Select(c => c.EntityId);
            var superseded = await db.ChangeRecords
                .Where(r => changedRecords.Contains(r.EntityId) && db.ChangeRecords.Any(later =>
                    later.EntityId == r.EntityId && later.EntityType == r.EntityType && later.Sequence > r.Sequence
                    && (later.OwnerId == r.OwnerId || later.PreviousOwnerId == r.OwnerId)
                    && (r.PreviousOwnerId == null || later.OwnerId == r.PreviousOwnerId || later.PreviousOwnerId == r.PreviousOwnerId)))
                .Select(r => new { r.Sequence, r.EntityId, r.ChangedAt }).ToListAsync(ct);
            foreach (var keys in superseded.Where(r => r.ChangedAt < compactBefore).Select(r => r.Sequence).Chunk(Chunk))
                removed += await db.ChangeRecords.Where(c => keys.Contains(c.Sequence)).ExecuteDeleteAsync(ct);
            // Too young to go: the mark stays below the first later change of its record, which the next pass reads again.
            foreach (var young in superseded.Where(r => r.ChangedAt >= compactBefore))
                if (window.FirstOrDefault(c => c.EntityId == young.EntityId && c.Sequence > young.Sequence) is { } later)
                    heldAt = Math.Min(heldAt ?? long.MaxValue, later.Sequence - 1);
            readTo = to;
            var newMark = Math.Min(heldAt ?? long.MaxValue, readTo);
            if (newMark != mark) await SaveMarkAsync(db, mark = newMark, ct);
        }
        return removed;
    }

    private static async Task SaveMarkAsync(CrmDbContext db, long mark, CancellationToken ct)
    {
        try
        {
            await SystemSettingStore.WriteAsync(db, CompactedThroughKey, mark.ToString(CultureInfo.InvariantCulture), ct);
        }
        catch (DbUpdateException)
        {
            // Another replica's pass stored its mark first; both marks are safe, the next pass moves on from theirs.
        }
    }
}
