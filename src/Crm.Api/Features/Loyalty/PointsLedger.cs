using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Loyalty;

/// <summary>
/// The one way points move, whatever the reason (a purchase, a referral reward, goodwill, a redemption): a ledger
/// line is posted to the customer, whose balance moves with it, and the membership tier is recomputed.
/// </summary>
internal static class PointsLedger
{
    public static async Task<PointsEntry> PostAsync(CrmDbContext db, Customer customer, PointsEntry entry, DateTime now, CancellationToken ct)
    {
        entry.CreatedAt = now;
        entry.CreatedBy = db.Caller.ActorId;
        db.PointsEntries.Add(customer.Post(entry));
        await RecomputeTierAsync(db, customer, now, ct);
        return entry;
    }

    /// <summary>Undoes what a purchase earned (on correction or deletion); refused if the points were already spent.</summary>
    public static async Task ReverseAsync(CrmDbContext db, Customer customer, Guid purchaseId, DateTime now, CancellationToken ct)
    {
        var earned = await db.PointsEntries.Where(e => e.PurchaseId == purchaseId).SumAsync(e => e.Amount, ct);
        if (earned == 0) return;
        await PostAsync(db, customer, new PointsEntry
        {
            Kind = PointsKind.Earn, Source = PointsSource.Reversal, Amount = -earned, PurchaseId = purchaseId, Reason = "Purchase corrected or removed",
        }, now, ct);
    }

    public static async Task EarnForPurchaseAsync(CrmDbContext db, Customer customer, Purchase purchase, DateTime now, CancellationToken ct)
    {
        var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(ct);
        var points = policy.PointsFor(purchase.Amount);
        if (points <= 0) return;
        await PostAsync(db, customer, new PointsEntry
        {
            Kind = PointsKind.Earn, Source = PointsSource.Purchase, Amount = points, PurchaseId = purchase.Id, Reason = $"{purchase.Product} ×{purchase.Quantity:0.###}",
        }, now, ct);
    }

    /// <summary>Points earned over the last 12 months decide the tier: saved earnings plus those posted in this unit of work.</summary>
    private static async Task RecomputeTierAsync(CrmDbContext db, Customer customer, DateTime now, CancellationToken ct)
    {
        var since = now.AddMonths(-12);
        var saved = await db.PointsEntries.AsNoTracking()
            .Where(e => e.CustomerId == customer.Id && e.Kind == PointsKind.Earn && e.CreatedAt >= since).SumAsync(e => e.Amount, ct);
        var pending = db.ChangeTracker.Entries<PointsEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.CustomerId == customer.Id && e.Entity.Kind == PointsKind.Earn)
            .Sum(e => e.Entity.Amount);
        var earned = saved + pending;
        var tiers = await db.MembershipTiers.AsNoTracking().ToListAsync(ct);
        if (customer.MoveToTier(MembershipTier.For(tiers, earned)?.Name, earned, now) is { } change) db.TierChanges.Add(change);
    }

    public static async Task<long> Earned12MonthsAsync(CrmDbContext db, Guid customerId, DateTime now, CancellationToken ct)
    {
        var since = now.AddMonths(-12);
        return await db.PointsEntries.AsNoTracking()
            .Where(e => e.CustomerId == customerId && e.Kind == PointsKind.Earn && e.CreatedAt >= since).SumAsync(e => e.Amount, ct);
    }
}
