using Crm.Api.Domain;
using Crm.Api.Features.Loyalty;
using Crm.Api.Features.Tasks;
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
        await OnWonAsync(db, referral, now, ct);
    }

    /// <summary>A won referral pays the referrer's reward and asks the lead's account manager to thank the referrer.</summary>
    public static async Task OnWonAsync(CrmDbContext db, Referral referral, DateTime now, CancellationToken ct)
    {
        var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(ct);
        var lead = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == referral.ReferredId).Select(c => new { c.OwnerId, c.Name }).SingleAsync(ct);
        var referrerName = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == referral.ReferrerId).Select(c => c.Name).SingleAsync(ct);
        if (referral.ThankedAt is null)
            await AutomaticTasks.EnsureAsync(db, TaskSource.ReferralThanks, referral.Id, () => new TaskItem
            {
                Title = $"感谢介绍人 Thank the referrer: {referrerName}", Description = $"{referrerName} referred {lead.Name}.",
                CustomerId = referral.ReferrerId, AssigneeId = lead.OwnerId,
                DueDate = DateOnly.FromDateTime(now.AddDays(policy.ThanksDueDays)), Priority = TaskItemPriority.High,
            }, ct);
        if (!referral.TakeReward()) return;
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
