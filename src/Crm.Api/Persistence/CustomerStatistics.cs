using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Maintains <see cref="CustomerStats"/> on write: every save that adds, changes or removes a purchase, complaint or
/// referral recomputes the touched customers' rows from their records, in the same transaction. Recomputing (rather
/// than adding deltas) keeps the row right whatever the code path — edits, merges, deletes. A save that changes only
/// visits recomputes only the last visit.
/// </summary>
internal static class CustomerStatistics
{
    public static HashSet<Guid> TouchedCustomers(CrmDbContext db)
    {
        var ids = new HashSet<Guid>();
        TrackedChanges.AddCustomersOf<Purchase>(db, nameof(Purchase.CustomerId), ids);
        TrackedChanges.AddCustomersOf<Complaint>(db, nameof(Complaint.CustomerId), ids);
        TrackedChanges.AddCustomersOf<Referral>(db, nameof(Referral.ReferrerId), ids);
        return ids;
    }

    /// <summary>Customers whose visits changed: only their last visit needs recomputing, not the whole row.</summary>
    public static HashSet<Guid> VisitedCustomers(CrmDbContext db)
    {
        var ids = new HashSet<Guid>();
        TrackedChanges.AddCustomersOf<Visit>(db, nameof(Visit.CustomerId), ids);
        return ids;
    }

    /// <summary>
    /// Completing, reviewing or moving a visit changes only <see cref="CustomerStats.LastVisitAt"/>: one grouped read
    /// instead of the full recompute (which reads every purchase of the customer) on the busiest write of the field force.
    /// </summary>
    public static async Task RefreshLastVisitAsync(CrmDbContext db, IEnumerable<Guid> customerIds, CancellationToken ct)
    {
        foreach (var chunk in customerIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var lastVisits = await LastVisitsAsync(db, ids, ct);
            var existing = await db.CustomerStats.IgnoreQueryFilters().Where(s => ids.Contains(s.CustomerId)).ToDictionaryAsync(s => s.CustomerId, ct);
            var missing = ids.Where(id => !existing.ContainsKey(id) && lastVisits.ContainsKey(id)).ToList();
            // A customer without a statistics row has no purchases, complaints or referrals yet: zeros are its figures.
            if (missing.Count > 0)
                foreach (var c in await db.Customers.IgnoreQueryFilters().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.OwnerId, c.Lifecycle }).ToListAsync(ct))
                    db.CustomerStats.Add(existing[c.Id] = new CustomerStats { CustomerId = c.Id, OwnerId = c.OwnerId, Lifecycle = c.Lifecycle });
            foreach (var (id, stats) in existing) stats.LastVisitAt = lastVisits.GetValueOrDefault(id);
        }
    }

    private static Task<Dictionary<Guid, DateTime?>> LastVisitsAsync(CrmDbContext db, List<Guid> ids, CancellationToken ct) =>
        db.Visits.IgnoreQueryFilters().AsNoTracking()
            .Where(v => ids.Contains(v.CustomerId) && v.Status == VisitStatus.Completed && (v.ReviewStatus == ReviewStatus.PendingReview || v.ReviewStatus == ReviewStatus.Approved))
            .GroupBy(v => v.CustomerId).Select(g => new { g.Key, Last = g.Max(v => v.ActualStart) })
            .ToDictionaryAsync(r => r.Key, r => r.Last, ct);

    public static async Task RefreshAsync(CrmDbContext db, IEnumerable<Guid> customerIds, CancellationToken ct)
    {
        foreach (var chunk in customerIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var purchaseDays = (await db.Purchases.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.CustomerId))
                    .Select(p => new { p.CustomerId, p.PurchasedOn, p.Amount }).ToListAsync(ct))
                .GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
            var complaints = await db.Complaints.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.CustomerId))
                .GroupBy(c => c.CustomerId)
                .Select(g => new { g.Key, Count = g.Count(), Recurring = g.Count(c => c.IsRecurring), Rated = g.Count(c => c.Satisfaction != null), Total = g.Sum(c => c.Satisfaction ?? 0) })
                .ToDictionaryAsync(r => r.Key, ct);
            var referrals = await db.Referrals.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.ReferrerId))
                .GroupBy(r => r.ReferrerId).Select(g => new { g.Key, Made = g.Count(), Won = g.Count(r => r.Status == ReferralStatus.Won) })
                .ToDictionaryAsync(r => r.Key, ct);
            var lastVisits = await LastVisitsAsync(db, ids, ct);
            var existing = await db.CustomerStats.IgnoreQueryFilters().Where(s => ids.Contains(s.CustomerId)).ToDictionaryAsync(s => s.CustomerId, ct);
            var live = await db.Customers.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.OwnerId, c.Lifecycle }).ToDictionaryAsync(c => c.Id, ct);

            foreach (var id in ids)
            {
                if (!live.TryGetValue(id, out var customer))
                {
                    if (existing.TryGetValue(id, out var orphan)) db.CustomerStats.Remove(orphan);
                    continue;
                }
                if (!existing.TryGetValue(id, out var stats)) db.CustomerStats.Add(stats = new CustomerStats { CustomerId = id });
                (stats.OwnerId, stats.Lifecycle) = (customer.OwnerId, customer.Lifecycle);
                var bought = purchaseDays.GetValueOrDefault(id) ?? [];
                var days = bought.Select(p => p.PurchasedOn.DayNumber).Order().ToList();
                stats.Purchases = bought.Count;
                stats.TotalAmount = bought.Sum(p => p.Amount);
                stats.FirstPurchaseOn = days.Count == 0 ? null : DateOnly.FromDayNumber(days[0]);
                stats.LastPurchaseOn = days.Count == 0 ? null : DateOnly.FromDayNumber(days[^1]);
                stats.FirstPurchaseDay = days.Count == 0 ? null : days[0];
                stats.LastPurchaseDay = days.Count == 0 ? null : days[^1];
                stats.CadenceDays = MedianGap(days);
                var c = complaints.GetValueOrDefault(id);
                (stats.Complaints, stats.RecurringComplaints, stats.RatedComplaints, stats.SatisfactionTotal) = (c?.Count ?? 0, c?.Recurring ?? 0, c?.Rated ?? 0, c?.Total ?? 0);
                var r = referrals.GetValueOrDefault(id);
                (stats.ReferralsMade, stats.ReferralsWon) = (r?.Made ?? 0, r?.Won ?? 0);
                stats.LastVisitAt = lastVisits.GetValueOrDefault(id);
            }
        }
    }

    /// <summary>Median of the gaps between consecutive purchase days; several purchases on one day count as one.</summary>
    public static double? MedianGap(IReadOnlyList<int> sortedDays)
    {
        var gaps = sortedDays.Zip(sortedDays.Skip(1), (a, b) => b - a).Where(g => g > 0).Order().ToList();
        if (gaps.Count == 0) return null;
        return gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2.0;
    }

    /// <summary>Recomputes every customer's row (after a bulk load that bypassed SaveChanges), a chunk at a time.</summary>
    public static async Task RebuildAllAsync(CrmDbContext db, CancellationToken ct)
    {
        Guid? after = null;
        while (true)
        {
            var chunk = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(500).ToListAsync(ct);
            if (chunk.Count == 0) return;
            await RefreshAsync(db, chunk, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = chunk[^1];
        }
    }
}
