using System.Text.Json;
using Crm.Api.Common;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

/// <summary>
/// The quintile cut points of recency, frequency and monetary value over the whole customer base, so a score says
/// where a customer stands among all customers. Each list holds the last value of quintiles 1–4: a value above the
/// k-th cut point scores more than k (recency the other way round, fewer days is better). Ties share the lowest score.
/// </summary>
public sealed record RfmCutPointsDto(DateOnly AsOf, int CustomersWithPurchase, int CustomersWithPurchaseLast12Months,
    IReadOnlyList<int> RecencyDays, IReadOnlyList<int> Frequency, IReadOnlyList<decimal> Monetary)
{
    public int RecencyScore(int? days) => days is null || RecencyDays.Count == 0 ? 1 : 5 - RecencyDays.Count(c => days > c);

    public int FrequencyScore(int purchasesLast12Months) => purchasesLast12Months == 0 || Frequency.Count == 0 ? 1 : 1 + Frequency.Count(c => purchasesLast12Months > c);

    public int MonetaryScore(decimal amountLast12Months) => amountLast12Months <= 0 || Monetary.Count == 0 ? 1 : 1 + Monetary.Count(c => amountLast12Months > c);
}

/// <summary>
/// Computes the cut points from two reads (every customer's last purchase day, and each buyer's count and amount over
/// the last 365 days) and keeps them for the organisation's day:
/// one customer's loyalty page then costs no portfolio-wide work. A day-old or hour-old set is served while a fresh one is
/// computed in the background, so no request waits on it after the first. Each set is also stored in the database, and
/// the first call after a start serves the stored one (refreshing it in the background when old): the computation takes
/// 15–18 s at a million customers, and without the stored set every restart made the first loyalty page wait for it.
/// </summary>
public sealed class RfmQuintiles(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RfmQuintiles> log)
{
    public const string StoredKey = "Analytics:RfmCutPoints";
    private static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);
    // A reference, so a request never reads a set half-replaced by the background refresh.
    private Stored? current;
    private int refreshing;
    private readonly Lock gate = new();
    private Task? first;

    public async Task<RfmCutPointsDto> GetAsync(DateOnly today, CancellationToken ct)
    {
        if (current is null)
        {
            // Concurrent first callers share one load (or computation) instead of each starting their own, which at
            // 16 callers took every request past 30 s.
            Task shared;
            lock (gate) shared = first ??= LoadOrComputeAsync(today);
            await shared.WaitAsync(ct);
        }
        var (cutPoints, at) = current!;
        if (cutPoints.AsOf != today || clock.GetUtcNow() - at >= FreshFor) RefreshInBackground(today);
        return cutPoints;
    }

    private async Task LoadOrComputeAsync(DateOnly today)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var stored = await db.SystemSettings.AsNoTracking().Where(s => s.Key == StoredKey).Select(s => s.Value).FirstOrDefaultAsync();
            if (Parse(stored) is { } kept)
            {
                current = kept;
                return;
            }
            current = new Stored(await ComputeAsync(db, today, CancellationToken.None), clock.GetUtcNow());
            await StoreAsync(db, current);
        }
        catch
        {
            // A failed first load is not kept: the next caller starts again.
            lock (gate) first = null;
            throw;
        }
    }

    private void RefreshInBackground(DateOnly today)
    {
        if (Interlocked.Exchange(ref refreshing, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
                var computed = new Stored(await ComputeAsync(db, today, CancellationToken.None), clock.GetUtcNow());
                // Stored before it is served: a set this process serves is the one the next start finds.
                await StoreAsync(db, computed);
                current = computed;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Refreshing the RFM quintiles failed; the previous ones stay in use");
            }
            finally
            {
                Volatile.Write(ref refreshing, 0);
            }
        });
    }

    private sealed record Stored(RfmCutPointsDto CutPoints, DateTimeOffset ComputedAt);

    private Stored? Parse(string? value)
    {
        if (value is null) return null;
        try
        {
            return JsonSerializer.Deserialize<Stored>(value);
        }
        catch (JsonException e)
        {
            // Written by another version: computed again and overwritten.
            log.LogWarning(e, "The stored RFM quintiles could not be read; computing them again");
            return null;
        }
    }

    private async Task StoreAsync(CrmDbContext db, Stored set)
    {
        // Only an optimisation for the next start: a failure here (say, a full disk) must not fail the request that
        // computed the set, which is already in memory.
        try
        {
            await SystemSettingStore.WriteAsync(db, StoredKey, JsonSerializer.Serialize(set), CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogWarning(e, "Storing the RFM quintiles failed; the next start computes them again");
        }
    }

    public static async Task<RfmCutPointsDto> ComputeAsync(CrmDbContext db, DateOnly today, CancellationToken ct)
    {
        // One read per measure, cut in memory: a query per cut point grouped and sorted a year of purchases nine times
        // (68 s at a million customers; docs/performance.md, "Fourth round"). A few bytes per customer are held at once.
        var todayDay = today.DayNumber;
        var yearAgo = today.AddDays(-365);
        var lastPurchaseDays = await db.CustomerStats.IgnoreQueryFilters().AsNoTracking().Where(s => s.LastPurchaseDay != null)
            .Select(s => s.LastPurchaseDay!.Value).ToListAsync(ct);
        lastPurchaseDays.Sort((a, b) => b.CompareTo(a));
        var recency = CutIndexes(lastPurchaseDays.Count).Select(i => todayDay - lastPurchaseDays[i]).ToList();

        var buyers = await db.Purchases.IgnoreQueryFilters().AsNoTracking().Where(p => p.PurchasedOn > yearAgo && p.PurchasedOn <= today)
            .GroupBy(p => p.CustomerId).Select(g => new { Count = g.Count(), Amount = g.Sum(p => p.Amount) }).ToListAsync(ct);
        var counts = buyers.Select(b => b.Count).Order().ToList();
        var amounts = buyers.Select(b => b.Amount).Order().ToList();
        var cuts = CutIndexes(buyers.Count).ToList();
        return new RfmCutPointsDto(today, lastPurchaseDays.Count, buyers.Count, recency, cuts.Select(i => counts[i]).ToList(), cuts.Select(i => amounts[i]).ToList());
    }

    /// <summary>The position of the last member of quintiles 1–4 in a sorted list of n values.</summary>
    public static IEnumerable<int> CutIndexes(int n) => n == 0 ? [] : Enumerable.Range(1, 4).Select(k => Math.Max(0, (int)Math.Ceiling(k * n / 5.0) - 1));
}
