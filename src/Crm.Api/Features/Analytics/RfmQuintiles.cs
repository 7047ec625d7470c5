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
/// computed in the background, so no request waits on it after the first.
/// </summary>
public sealed class RfmQuintiles(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RfmQuintiles> log)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);
    private (RfmCutPointsDto CutPoints, DateTimeOffset At)? current;
    private int refreshing;
    private readonly Lock gate = new();
    private Task<RfmCutPointsDto>? first;

    public async Task<RfmCutPointsDto> GetAsync(DateOnly today, CancellationToken ct)
    {
        var snapshot = current;
        if (snapshot is { } s && s.CutPoints.AsOf == today && clock.GetUtcNow() - s.At < FreshFor) return s.CutPoints;
        if (snapshot is { } stale)
        {
            RefreshInBackground(today);
            return stale.CutPoints;
        }
        // The first computation reads a year of purchases (seconds at a million customers). Concurrent first callers
        // share it instead of each starting their own, which at 16 callers took every request past 30 s.
        Task<RfmCutPointsDto> shared;
        lock (gate) shared = first ??= ComputeFirstAsync(today);
        return await shared.WaitAsync(ct);
    }

    private async Task<RfmCutPointsDto> ComputeFirstAsync(DateOnly today)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var computed = await ComputeAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), today, CancellationToken.None);
            current = (computed, clock.GetUtcNow());
            return computed;
        }
        catch
        {
            // A failed first computation is not kept: the next caller starts again.
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
                current = (await ComputeAsync(db, today, CancellationToken.None), clock.GetUtcNow());
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
