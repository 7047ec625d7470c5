using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

public sealed record DistributionRowDto(string Key, int Customers, double Share);

/// <summary>One calendar month: customers who bought, how many of them had bought before (repeat buyers), and the rate.</summary>
public sealed record RepeatRateMonthDto(string Month, int Buyers, int RepeatBuyers, double RepeatRate);

/// <summary>Customers in one R/F/M score cell (1–5 each).</summary>
public sealed record RfmCellDto(int R, int F, int M, int Customers, string Segment);

public sealed record LoyaltyPortfolioDto(DateOnly AsOf, int Customers, IReadOnlyList<DistributionRowDto> ByStage, IReadOnlyList<DistributionRowDto> ByTier,
    IReadOnlyList<DistributionRowDto> BySegment, IReadOnlyList<RfmCellDto> RfmCells, IReadOnlyList<RepeatRateMonthDto> RepeatRateByMonth,
    double WinBackLapseFactor, int WinBackCustomers, RfmCutPointsDto Quintiles);

/// <summary>
/// The loyalty of the caller's portfolio (active, non-archived customers in scope): distribution by loyalty stage,
/// membership tier and RFM segment, the repeat-purchase rate of each of the last 12 calendar months, and how many
/// customers are on the win-back list. Every figure is aggregated in SQL over <see cref="CustomerStats"/> and the
/// last year's purchases; no customer rows are loaded.
/// </summary>
public sealed record LoyaltyPortfolioQuery : IRequest<LoyaltyPortfolioDto>;

public sealed class LoyaltyPortfolioHandler(CrmDbContext db, OrganisationCalendar calendar, RfmQuintiles quintiles) : IRequestHandler<LoyaltyPortfolioQuery, LoyaltyPortfolioDto>
{
    public async Task<LoyaltyPortfolioDto> Handle(LoyaltyPortfolioQuery request, CancellationToken ct)
    {
        var today = calendar.Today;
        var todayDay = today.DayNumber;
        var yearAgo = today.AddDays(-365);
        var customers = db.Customers.AsNoTracking().Where(c => c.Lifecycle != Lifecycle.Archived);
        var cuts = await quintiles.GetAsync(today, ct);

        var tiers = await PortfolioTiers.CountAsync(db, ct);
        var total = tiers.Values.Sum();
        var byStage = await LoyaltyStageMix.CountAsync(db, todayDay, total, ct);
        var byTier = tiers.OrderByDescending(t => t.Value).Select(t => Row(t.Key, t.Value, total)).ToList();

        var cells = await RfmCellsAsync(customers, cuts, todayDay, yearAgo, today, ct);
        var segmented = cells.Sum(c => c.Customers);
        var bySegment = RfmSegments.All.Select(segment => Row(segment, cells.Where(c => c.Segment == segment).Sum(c => c.Customers), segmented)).ToList();

        var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(ct);
        var winBack = await WinBackList.Lapsed(db, todayDay, policy.WinBackLapseFactor).CountAsync(ct);

        return new LoyaltyPortfolioDto(today, total, byStage, byTier, bySegment, cells, await RepeatRateAsync(today, ct), policy.WinBackLapseFactor, winBack, cuts);
    }

    private static DistributionRowDto Row(string key, int count, int total) => LoyaltyStageMix.Row(key, count, total);

    private async Task<List<RfmCellDto>> RfmCellsAsync(IQueryable<Customer> customers, RfmCutPointsDto cuts, int todayDay, DateOnly yearAgo, DateOnly today, CancellationToken ct)
    {
        // Scores compare with the cut points exactly as RfmCutPointsDto does; without cut points (no data) everyone scores 1.
        // Recency as last-purchase day thresholds: fewer days than the k-th cut point means a day on or after today − cut.
        var (r0, r1, r2, r3) = cuts.RecencyDays is [var ra, var rb, var rc, var rd] ? (todayDay - ra, todayDay - rb, todayDay - rc, todayDay - rd) : (int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue);
        var (f0, f1, f2, f3) = cuts.Frequency is [var fa, var fb, var fc, var fd] ? (fa, fb, fc, fd) : (int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue);
        var (m0, m1, m2, m3) = cuts.Monetary is [var ma, var mb, var mc, var md] ? (ma, mb, mc, md) : (decimal.MaxValue, decimal.MaxValue, decimal.MaxValue, decimal.MaxValue);
        var yearAgoDay = yearAgo.DayNumber;
        var rows = new Dictionary<(int R, int F, int M), int>();
        void Score(int? lastPurchaseDay, int count, decimal amount)
        {
            // Never bought, or bought only after today: no cell.
            if (lastPurchaseDay is not { } last || (last > yearAgoDay && count == 0)) return;
            // A later last purchase (a higher day number) is a fresher customer; customers whose purchases are all
            // older than a year score F = M = 1.
            var r = 1 + (last >= r3 ? 1 : 0) + (last >= r2 ? 1 : 0) + (last >= r1 ? 1 : 0) + (last >= r0 ? 1 : 0);
            var cell = last <= yearAgoDay ? (r, 1, 1) : (r,
                1 + (count > f0 ? 1 : 0) + (count > f1 ? 1 : 0) + (count > f2 ? 1 : 0) + (count > f3 ? 1 : 0),
                1 + (amount > m0 ? 1 : 0) + (amount > m1 ? 1 : 0) + (amount > m2 ? 1 : 0) + (amount > m3 ? 1 : 0));
            rows[cell] = rows.GetValueOrDefault(cell) + 1;
        }

        if (db.Caller.SeesAllCustomers)
        {
            // The whole base in one pass: every customer with its statistics row; those who bought within the year
            // also count and sum that year's purchases with a seek on (CustomerId, PurchasedOn). SQLite estimates a
            // two-sided range at 1/64 of a table, so any join or filter on purchase dates or LastPurchaseDay made it
            // start from the whole base's year (1.7M purchases, or half a million statistics rows) instead (90 s).
            // The rows are scored as they stream in: scoring in SQL would repeat both subqueries in every CASE.
            var perCustomer = from c in customers
                              join s in db.CustomerStats.AsNoTracking() on c.Id equals s.CustomerId
                              select new
                              {
                                  s.LastPurchaseDay,
                                  Count = s.LastPurchaseDay > yearAgoDay ? db.Purchases.Count(p => p.CustomerId == c.Id && p.PurchasedOn > yearAgo && p.PurchasedOn <= today) : 0,
                                  Amount = s.LastPurchaseDay > yearAgoDay ? db.Purchases.Where(p => p.CustomerId == c.Id && p.PurchasedOn > yearAgo && p.PurchasedOn <= today).Sum(p => p.Amount) : 0,
                              };
            await foreach (var y in perCustomer.AsAsyncEnumerable().WithCancellation(ct)) Score(y.LastPurchaseDay, y.Count, y.Amount);
        }
        else
        {
            var year = await ScopeYearOfPurchasesAsync(yearAgo, today, ct);
            var bought = db.CustomerStats.AsNoTracking().Where(s => s.Lifecycle != Lifecycle.Archived && s.LastPurchaseDay != null)
                .Select(s => new { s.CustomerId, s.LastPurchaseDay });
            await foreach (var s in bought.AsAsyncEnumerable().WithCancellation(ct))
            {
                var (count, amount) = year.GetValueOrDefault(s.CustomerId);
                Score(s.LastPurchaseDay, count, amount);
            }
        }
        return rows.Select(x => new { x.Key.R, x.Key.F, x.Key.M, Count = x.Value }).OrderByDescending(x => x.R).ThenByDescending(x => x.F).ThenByDescending(x => x.M)
            .Select(x => new RfmCellDto(x.R, x.F, x.M, x.Count, RfmSegments.Of(x.R, x.F, x.M))).ToList();
    }

    /// <summary>
    /// Each customer's purchases and amount in the year (yearAgo, today] for a rep's or a team's scope: the whole
    /// months from the month rows (one covered range of (OwnerId, Month) per owner), and the two part months at the
    /// ends from the purchases themselves, read only for the customers with a month row there. The month holding today
    /// is always read exactly, since it may hold purchases dated after today. A team's year of purchases one by one
    /// cost about a second and a half at a million customers (docs/performance.md, "Thirteenth round").
    /// </summary>
    private async Task<Dictionary<Guid, (int Count, decimal Amount)>> ScopeYearOfPurchasesAsync(DateOnly yearAgo, DateOnly today, CancellationToken ct)
    {
        var first = yearAgo.AddDays(1);
        var (firstMonth, thisMonth) = (new DateOnly(first.Year, first.Month, 1), new DateOnly(today.Year, today.Month, 1));
        var firstWhole = first == firstMonth ? firstMonth : firstMonth.AddMonths(1);
        var year = await db.CustomerMonthSales.AsNoTracking().Where(s => s.Month >= firstWhole && s.Month < thisMonth)
            .GroupBy(s => s.CustomerId).Select(g => new { g.Key, Count = g.Sum(s => s.Purchases), Amount = g.Sum(s => s.Amount) })
            .ToDictionaryAsync(g => g.Key, g => (g.Count, g.Amount), ct);

        async Task AddExactAsync(DateOnly month, DateOnly from, DateOnly to)
        {
            var part = db.CustomerMonthSales.AsNoTracking().Where(s => s.Month == month).Select(s => s.CustomerId).Distinct()
                .Select(id => new
                {
                    Id = id,
                    Count = db.Purchases.Count(p => p.CustomerId == id && p.PurchasedOn >= from && p.PurchasedOn <= to),
                    Amount = db.Purchases.Where(p => p.CustomerId == id && p.PurchasedOn >= from && p.PurchasedOn <= to).Sum(p => p.Amount),
                });
            await foreach (var x in part.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (x.Count == 0) continue;
                var (count, amount) = year.GetValueOrDefault(x.Id);
                year[x.Id] = (count + x.Count, amount + x.Amount);
            }
        }
        if (firstWhole != firstMonth) await AddExactAsync(firstMonth, first, firstMonth.AddMonths(1).AddDays(-1));
        await AddExactAsync(thisMonth, thisMonth, today);
        return year;
    }

    private async Task<List<RepeatRateMonthDto>> RepeatRateAsync(DateOnly today, CancellationToken ct)
    {
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var counts = db.Caller.SeesAllCustomers ? await WholeBaseRepeatRateAsync(firstMonth, today, ct) : await ScopeRepeatRateAsync(firstMonth, today, ct);
        return Enumerable.Range(0, 12).Select(i => firstMonth.AddMonths(i)).Select(month =>
        {
            var (buyers, repeat) = counts.GetValueOrDefault(month);
            return new RepeatRateMonthDto($"{month:yyyy-MM}", buyers, repeat, buyers == 0 ? 0 : Math.Round(100.0 * repeat / buyers, 1));
        }).ToList();
    }

    /// <summary>The whole base, read by date, which is the short way for it: buyers and repeat buyers of each month.</summary>
    private async Task<Dictionary<DateOnly, (int Buyers, int Repeat)>> WholeBaseRepeatRateAsync(DateOnly firstMonth, DateOnly today, CancellationToken ct) =>
        (await (from p in db.Purchases.AsNoTracking().Where(p => p.PurchasedOn >= firstMonth && p.PurchasedOn <= today)
                join s in db.CustomerStats on p.CustomerId equals s.CustomerId
                select new { p.PurchasedOn.Year, p.PurchasedOn.Month, p.CustomerId, Repeat = p.PurchasedOn > s.FirstPurchaseOn })
            .GroupBy(x => new { x.Year, x.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Buyers = g.Select(x => x.CustomerId).Distinct().Count(), RepeatBuyers = g.Where(x => x.Repeat).Select(x => x.CustomerId).Distinct().Count() })
            .ToListAsync(ct))
        .ToDictionary(m => new DateOnly(m.Year, m.Month, 1), m => (m.Buyers, m.RepeatBuyers));

    /// <summary>
    /// A rep's or a team's scope, from the month rows kept on write (one covered range of (OwnerId, Month) per owner)
    /// instead of every customer's purchases (1.7 s for a team at a million customers, docs/performance.md "Twelfth
    /// round"). A buyer of a month is a repeat buyer unless every purchase it made that month is on its first purchase's
    /// day, which only a customer whose first purchase falls in that month can be: those are read one by one with their
    /// second purchase day. The current month counts purchases up to today only, so its customers who bought this month
    /// only after today are taken back out.
    /// </summary>
    private async Task<Dictionary<DateOnly, (int Buyers, int Repeat)>> ScopeRepeatRateAsync(DateOnly firstMonth, DateOnly today, CancellationToken ct)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var buyers = await db.CustomerMonthSales.AsNoTracking().Where(s => s.Month >= firstMonth && s.Month <= thisMonth)
            .GroupBy(s => s.Month).Select(g => new { Month = g.Key, Buyers = g.Select(s => s.CustomerId).Distinct().Count() })
            .ToDictionaryAsync(m => m.Month, m => m.Buyers, ct);
        var counts = buyers.ToDictionary(b => b.Key, b => (Buyers: b.Value, Repeat: b.Value));

        var (firstDay, todayDay) = (firstMonth.DayNumber, today.DayNumber);
        var newBuyers = await db.CustomerStats.AsNoTracking().Where(s => s.FirstPurchaseDay >= firstDay && s.FirstPurchaseDay <= todayDay)
            .Select(s => new
            {
                FirstOn = s.FirstPurchaseOn!.Value,
                SecondOn = s.LastPurchaseDay > s.FirstPurchaseDay
                    ? db.Purchases.Where(p => p.CustomerId == s.CustomerId && p.PurchasedOn > s.FirstPurchaseOn).Min(p => (DateOnly?)p.PurchasedOn)
                    : null,
            })
            .ToListAsync(ct);
        foreach (var n in newBuyers)
        {
            var month = new DateOnly(n.FirstOn.Year, n.FirstOn.Month, 1);
            var lastCounted = month == thisMonth ? today : month.AddMonths(1).AddDays(-1);
            if (n.SecondOn is { } second && second <= lastCounted) continue;
            var c = counts.GetValueOrDefault(month);
            counts[month] = (c.Buyers, c.Repeat - 1);
        }

        var boughtOnlyAfterToday = await db.CustomerStats.AsNoTracking().Where(s => s.LastPurchaseDay > todayDay)
            .CountAsync(s => db.Purchases.Any(p => p.CustomerId == s.CustomerId && p.PurchasedOn >= thisMonth && p.PurchasedOn > today && p.PurchasedOn < thisMonth.AddMonths(1))
                && !db.Purchases.Any(p => p.CustomerId == s.CustomerId && p.PurchasedOn >= thisMonth && p.PurchasedOn <= today), ct);
        if (boughtOnlyAfterToday > 0)
        {
            var c = counts.GetValueOrDefault(thisMonth);
            counts[thisMonth] = (c.Buyers - boughtOnlyAfterToday, c.Repeat - boughtOnlyAfterToday);
        }
        return counts;
    }
}

/// <summary>RFM segments, first match wins (documented in docs/loyalty.md).</summary>
public static class RfmSegments
{
    public static readonly string[] All = ["champions", "atRisk", "loyal", "promising", "hibernating", "needsAttention"];

    public static string Of(int r, int f, int m) =>
        r >= 4 && f >= 4 && m >= 4 ? "champions"
        : r <= 2 && f >= 3 ? "atRisk"
        : f >= 4 ? "loyal"
        : r >= 4 ? "promising"
        : r <= 2 ? "hibernating"
        : "needsAttention";
}

public sealed record WinBackCustomerDto(Guid CustomerId, string Code, string Name, CustomerLevel Level, Guid OwnerId, string OwnerName, string? Phone,
    DateOnly LastPurchaseOn, int DaysSinceLastPurchase, double CadenceDays, double LapseRatio, int Purchases, decimal TotalAmount);

/// <summary>
/// The win-back list (the manuals' "finance knows who stopped buying"): customers who have bought repeatedly and whose
/// days since the last purchase exceed the win-back factor (setting, default 2) times their usual cadence; the most
/// valuable first, with owner and last purchase, cursor-paged.
/// </summary>
public sealed record WinBackQuery(int? Limit, string? Cursor) : IRequest<Page<WinBackCustomerDto>>;

public sealed class WinBackHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<WinBackQuery, Page<WinBackCustomerDto>>
{
    public async Task<Page<WinBackCustomerDto>> Handle(WinBackQuery request, CancellationToken ct)
    {
        var todayDay = calendar.Today.DayNumber;
        var factor = await db.LoyaltyPolicies.AsNoTracking().Select(p => p.WinBackLapseFactor).SingleAsync(ct);
        return await new Keyset<CustomerStats>(WinBackList.Lapsed(db, todayDay, factor), s => s.CustomerId).PageAsync(
            s => s.TotalAmount, descending: true, request.Cursor, Paging.Limit(request.Limit),
            q => q.Select(s => new WinBackCustomerDto(s.CustomerId, s.Customer!.Code, s.Customer.Name, s.Customer.Level, s.Customer.OwnerId, s.Customer.Owner!.DisplayName,
                s.Customer.Phone, s.LastPurchaseOn!.Value, todayDay - s.LastPurchaseDay!.Value, s.CadenceDays!.Value,
                Math.Round((todayDay - s.LastPurchaseDay!.Value) / s.CadenceDays!.Value, 2), s.Purchases, s.TotalAmount)),
            r => (r.TotalAmount, r.CustomerId), ct);
    }
}

internal static class WinBackList
{
    public static IQueryable<CustomerStats> Lapsed(CrmDbContext db, int todayDay, double factor) =>
        db.CustomerStats.AsNoTracking().Where(s => s.Lifecycle != Lifecycle.Archived && s.Lifecycle != Lifecycle.Prospect
            && s.Purchases >= 2 && s.CadenceDays != null && s.CadenceDays > 0 && todayDay - s.LastPurchaseDay > factor * s.CadenceDays);
}

/// <summary>How many customers of the caller's portfolio are at each loyalty stage, with their share: the portfolio's and the dashboard's mix.</summary>
public static class LoyaltyStageMix
{
    /// <summary>The loyalty stages of the caller's portfolio, the <paramref name="total"/> customers in scope that are not archived.</summary>
    public static async Task<IReadOnlyList<DistributionRowDto>> CountAsync(CrmDbContext db, int todayDay, int total, CancellationToken ct)
    {
        // The stage rules of LoyaltyRules.Stage over the counts kept on write (LoyaltyStageCount): behavioural is "repeat
        // over a year" with the last purchase on or after the day a year ago, emotional is "repeat with positive signals"
        // and not behavioural, cognitive the others that have bought. The blocks after the year-ago day's block are all
        // within the year; in that one block, the customers who bought last before the day are read from the statistics
        // rows and taken back out. Customers without a purchase are the portfolio less the others.
        var yearAgoDay = todayDay - 365;
        var yearAgoBlock = yearAgoDay / LoyaltyStageCount.BlockDays;
        var counts = await db.LoyaltyStageCounts.AsNoTracking()
            .GroupBy(c => new { c.RepeatOverAYear, c.RepeatWithPositiveSignals, WithinBlocks = c.LastPurchaseBlock >= yearAgoBlock })
            .Select(g => new { g.Key.RepeatOverAYear, g.Key.RepeatWithPositiveSignals, g.Key.WithinBlocks, Customers = g.Sum(c => c.Customers) })
            .ToListAsync(ct);
        var blockStart = yearAgoBlock * LoyaltyStageCount.BlockDays;
        var olderInTheBlock = await db.CustomerStats.AsNoTracking()
            .Where(s => s.LastPurchaseDay >= blockStart && s.LastPurchaseDay < yearAgoDay && s.Lifecycle != Lifecycle.Archived
                && s.Purchases >= 2 && s.LastPurchaseDay - s.FirstPurchaseDay >= 365)
            .Select(s => new { PositiveSignals = s.RatedComplaints == 0 || s.SatisfactionTotal >= 4 * s.RatedComplaints || s.ReferralsMade > 0 })
            .GroupBy(s => s.PositiveSignals).Select(g => new { PositiveSignals = g.Key, Customers = g.Count() })
            .ToListAsync(ct);
        var bought = counts.Sum(c => c.Customers);
        var repeatOverAYearWithin = counts.Where(c => c.RepeatOverAYear && c.WithinBlocks).Sum(c => c.Customers);
        var behavioural = repeatOverAYearWithin - olderInTheBlock.Sum(c => c.Customers);
        var positiveNotBehavioural = counts.Where(c => c.RepeatWithPositiveSignals && !(c.RepeatOverAYear && c.WithinBlocks)).Sum(c => c.Customers)
            + olderInTheBlock.Where(c => c.PositiveSignals).Sum(c => c.Customers);
        int Count(LoyaltyStage stage) => stage switch
        {
            LoyaltyStage.None => total - bought,
            LoyaltyStage.Behavioural => behavioural,
            LoyaltyStage.Emotional => positiveNotBehavioural,
            _ => bought - behavioural - positiveNotBehavioural,
        };
        return Enum.GetValues<LoyaltyStage>().Select(stage => Row(stage.ToString(), Count(stage), total)).ToList();
    }

    public static DistributionRowDto Row(string key, int count, int total) => new(key, count, total == 0 ? 0 : Math.Round(100.0 * count / total, 1));
}

public static class PortfolioTiers
{
    /// <summary>
    /// The customers in scope that are not archived, by membership tier ("" for none): a few hundred counts kept on write
    /// (<see cref="PortfolioCount"/>) instead of an index entry per customer.
    /// </summary>
    public static async Task<Dictionary<string, int>> CountAsync(CrmDbContext db, CancellationToken ct) =>
        (await db.PortfolioCounts.AsNoTracking().Where(c => c.Lifecycle != Lifecycle.Archived)
            .GroupBy(c => c.Tier).Select(g => new { g.Key, Customers = g.Sum(c => c.Customers) }).ToListAsync(ct))
        .Where(t => t.Customers > 0).ToDictionary(t => t.Key, t => t.Customers);
}
