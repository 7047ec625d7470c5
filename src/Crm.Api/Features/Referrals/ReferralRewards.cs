using Crm.Api.Domain;
using Crm.Api.Features.Loyalty;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Referrals;

/// <summary>Winning a referral rewards the referrer (always thank and reward them), exactly once.</summary>
internal static class ReferralRewards
{
    public static async Task WinOnFirstPurchaseAsync(CrmDbContext db, Guid referredId, DateTime now, CancellationToken ct)
    {
        var referral = await db.Referrals.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.ReferredId == referredId, ct);
        if (referral is null || !referral.IsOpen) return;
        referral.MoveTo(ReferralStatus.Won, null, now);
        await RewardAsync(db, referral, now, ct);
    }

    public static async Task RewardAsync(CrmDbContext db, Referral referral, DateTime now, CancellationToken ct)
    {
        if (!referral.TakeReward()) return;
        var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(ct);
        if (policy.ReferralRewardPoints <= 0) return;
        // The referrer may belong to another account manager; the reward is the system's, not the caller's, act.
        var referrer = await db.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == referral.ReferrerId, ct);
        await PointsLedger.PostAsync(db, referrer, new PointsEntry
        {
            Kind = PointsKind.Earn, Source = PointsSource.Referral, Amount = policy.ReferralRewardPoints, ReferralId = referral.Id,
            Reason = "转介绍奖励 Referral reward",
        }, now, ct);
    }
}
