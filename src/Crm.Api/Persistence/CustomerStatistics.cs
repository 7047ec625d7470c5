using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Maintains <see cref="CustomerStats"/> on write: every save that adds, changes or removes a purchase, complaint,
/// referral or visit recomputes the touched customers' rows from their records, in the same transaction. Recomputing (rather
/// than adding deltas) keeps the row right whatever the code path — edits, merges, deletes.
/// </summary>
internal static class CustomerStatistics
{
    public static HashSet<Guid> TouchedCustomers(CrmDbContext db)
    {
        var ids = new HashSet<Guid>();
        void Add(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string property)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) return;
            var p = entry.Property(property);
            ids.Add((Guid)p.CurrentValue!);
            if (entry.State == EntityState.Modified) ids.Add((Guid)p.OriginalValue!);
        }
        foreach (var e in db.ChangeTracker.Entries<Purchase>()) Add(e, nameof(Purchase.CustomerId));
        foreach (var e in db.ChangeTracker.Entries<Complaint>()) Add(e, nameof(Complaint.CustomerId));
        foreach (var e in db.ChangeTracker.Entries<Referral>()) Add(e, nameof(Referral.ReferrerId));
        foreach (var e in db.ChangeTracker.Entries<Visit>()) Add(e, nameof(Visit.CustomerId));
        return ids;
    }

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
            var lastVisits = await db.Visits.IgnoreQueryFilters().AsNoTracking()
                .Where(v => ids.Contains(v.CustomerId) && v.Status == VisitStatus.Completed && (v.ReviewStatus == ReviewStatus.PendingReview || v.ReviewStatus == ReviewStatus.Approved))
                .GroupBy(v => v.CustomerId).Select(g => new { g.Key, Last = g.Max(v => v.ActualStart) })
                .ToDictionaryAsync(r => r.Key, r => r.Last, ct);
            var existing = await db.CustomerStats.IgnoreQueryFilters().Where(s => ids.Contains(s.CustomerId)).ToDictionaryAsync(s => s.CustomerId, ct);
            var live = await db.Customers.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);

            foreach (var id in ids)
            {
                if (!live.Contains(id))
                {
                    if (existing.TryGetValue(id, out var orphan)) db.CustomerStats.Remove(orphan);
                    continue;
                }
                if (!existing.TryGetValue(id, out var stats)) db.CustomerStats.Add(stats = new CustomerStats { CustomerId = id });
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
