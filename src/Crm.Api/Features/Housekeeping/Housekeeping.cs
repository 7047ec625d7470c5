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
/// Removals (tombstones) are the latest row of their record and are kept, so no cursor ever becomes invalid.</item>
/// <item>Finished import jobs older than the retention (their reports).</item>
/// </list>
/// Each step deletes in chunks, so that a pass never holds SQLite's write lock for long. The audit trail is never pruned.
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Crm:Housekeeping:Enabled", true)) return;
        var every = TimeSpan.FromMinutes(config.GetValue("Crm:Housekeeping:EveryMinutes", 60.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = await RunOnceAsync(stoppingToken);
                log.LogInformation("Housekeeping removed {Removed}", removed);
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Housekeeping pass failed");
                try { await Task.Delay(every, stoppingToken); } catch (OperationCanceledException) { return; }
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
        // Found with a read, then deleted by key: looking for superseded changes reads the whole old log (18 s for ~10M
        // rows at a million customers), and inside the DELETE that search held SQLite's write lock, so every write of
        // the API waited for it at each pass. A change never stops being superseded, so the found rows stay deletable.
        var changes = await InChunksAsync(async db =>
        {
            var superseded = await db.ChangeRecords.Where(r => r.ChangedAt < compactBefore && db.ChangeRecords.Any(later =>
                    later.EntityId == r.EntityId && later.EntityType == r.EntityType && later.Sequence > r.Sequence
                    && (later.OwnerId == r.OwnerId || later.PreviousOwnerId == r.OwnerId)
                    && (r.PreviousOwnerId == null || later.OwnerId == r.PreviousOwnerId || later.PreviousOwnerId == r.PreviousOwnerId)))
                .Select(r => r.Sequence).Take(Chunk).ToListAsync(ct);
            return superseded.Count == 0 ? 0 : await db.ChangeRecords.Where(c => superseded.Contains(c.Sequence)).ExecuteDeleteAsync(ct);
        });
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
}
