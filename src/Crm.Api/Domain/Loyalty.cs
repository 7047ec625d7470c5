namespace Crm.Api.Domain;

public enum PointsKind { Earn, Redeem, Adjust, Expire }

public enum PointsSource { Purchase, Referral, Complaint, Campaign, Redemption, Adjustment, Expiry, Reversal, Merge }

/// <summary>
/// One line of a customer's points ledger (积分). Append-only: a correction is a new line. The customer's balance
/// is the sum of its lines and never goes below zero.
/// </summary>
public class PointsEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public PointsKind Kind { get; set; }
    public PointsSource Source { get; set; }
    /// <summary>Signed: earnings are positive, redemptions and expiries negative.</summary>
    public long Amount { get; set; }
    public long BalanceAfter { get; set; }
    public string? Reason { get; set; }
    public Guid? PurchaseId { get; set; }
    public Guid? ReferralId { get; set; }
    public Guid? ComplaintId { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The refusal of an entry that would take the balance below zero.</summary>
public sealed class InsufficientPointsException(long balance, long wanted)
    : DomainRuleException($"The balance is {balance} points; {wanted} cannot be taken from it.");

/// <summary>会员俱乐部 tier: reached by points earned over the last 12 months.</summary>
public class MembershipTier : IVersionedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public long MinPointsEarned12Months { get; set; }
    public string Benefits { get; set; } = "";
    public long Version { get; set; } = 1;

    /// <summary>The highest tier whose threshold the customer reaches.</summary>
    public static MembershipTier? For(IEnumerable<MembershipTier> tiers, long earned12Months) =>
        tiers.Where(t => earned12Months >= t.MinPointsEarned12Months).OrderByDescending(t => t.MinPointsEarned12Months).FirstOrDefault();

    public static MembershipTier[] Defaults =>
    [
        new() { Id = Guid.Parse("01930000-0000-7000-8000-000000000001"), Name = "Member", MinPointsEarned12Months = 0, Benefits = "新品优先通知 First news of new products" },
        new() { Id = Guid.Parse("01930000-0000-7000-8000-000000000002"), Name = "Silver", MinPointsEarned12Months = 1000, Benefits = "Priority supply 优先供货" },
        new() { Id = Guid.Parse("01930000-0000-7000-8000-000000000003"), Name = "Gold", MinPointsEarned12Months = 5000, Benefits = "Priority supply and special prices 优先供货与特价" },
        new() { Id = Guid.Parse("01930000-0000-7000-8000-000000000004"), Name = "Platinum", MinPointsEarned12Months = 20000, Benefits = "Executive visits, joint promotions 高层拜访与联合促销" },
    ];
}

/// <summary>A change of tier, kept for the customer's history.</summary>
public class TierChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public string? FromTier { get; set; }
    public string ToTier { get; set; } = "";
    public long Earned12Months { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>Loyalty and referral settings (one row): points per currency unit, referral reward, deadlines.</summary>
public class LoyaltyPolicy : IVersionedRow
{
    public int Id { get; set; } = 1;
    /// <summary>Points earned per unit of purchase amount (default 0.01: one point per 100 CNY).</summary>
    public decimal PointsPerCurrencyUnit { get; set; } = 0.01m;
    public long ReferralRewardPoints { get; set; } = 100;
    /// <summary>A referred lead must be closed within this many days (default 30).</summary>
    public int ReferralMustCloseDays { get; set; } = 30;
    /// <summary>A won referral not thanked within this many days is listed as thanks due (default 7).</summary>
    public int ThanksDueDays { get; set; } = 7;
    /// <summary>A customer is on the win-back list once the days since their last purchase exceed this many cadences (default 2).</summary>
    public double WinBackLapseFactor { get; set; } = 2;
    public long Version { get; set; } = 1;

    public long PointsFor(decimal amount) => (long)Math.Floor(amount * PointsPerCurrencyUnit);
}

public enum ReferralStatus { New, Contacted, Qualified, Won, Lost }

public enum ReferralChannel { InPerson, Phone, Message, Event, Online, Other }

/// <summary>转介绍: an old customer (老客户) refers someone. A referred lead is an A-grade lead to be closed quickly.</summary>
public class Referral : AuditedEntity
{
    public Guid ReferrerId { get; set; }
    public Customer? Referrer { get; set; }
    public Guid ReferredId { get; set; }
    public Customer? Referred { get; set; }
    /// <summary>
    /// The referred customer's owner, who decides who sees the referral; a copy kept on every save
    /// (Persistence/OwnerCopies.cs), so that a team's referrals are one index range.
    /// </summary>
    public Guid ReferredOwnerId { get; set; }
    public ReferralChannel Channel { get; set; }
    public string? Note { get; set; }
    public DateOnly ReferredOn { get; set; }
    public DateOnly MustCloseBy { get; set; }
    public ReferralStatus Status { get; private set; }
    public string? LostReason { get; private set; }
    public DateTime? WonAt { get; private set; }
    public DateTime? ThankedAt { get; private set; }
    public string? ThanksMethod { get; private set; }
    public bool RewardGranted { get; private set; }

    private static readonly Dictionary<ReferralStatus, ReferralStatus[]> Allowed = new()
    {
        [ReferralStatus.New] = [ReferralStatus.Contacted, ReferralStatus.Qualified, ReferralStatus.Won, ReferralStatus.Lost],
        [ReferralStatus.Contacted] = [ReferralStatus.Qualified, ReferralStatus.Won, ReferralStatus.Lost],
        [ReferralStatus.Qualified] = [ReferralStatus.Won, ReferralStatus.Lost],
        [ReferralStatus.Won] = [],
        [ReferralStatus.Lost] = [],
    };

    public static IReadOnlyList<ReferralStatus> AllowedFrom(ReferralStatus status) => Allowed[status];

    public bool IsOpen => Status is ReferralStatus.New or ReferralStatus.Contacted or ReferralStatus.Qualified;

    public void MoveTo(ReferralStatus next, string? lostReason, DateTime now)
    {
        if (!Allowed[Status].Contains(next))
            throw new IllegalTransitionException($"A {Status} referral cannot become {next}.", [.. Allowed[Status].Select(s => s.ToString())]);
        if (next == ReferralStatus.Lost && string.IsNullOrWhiteSpace(lostReason)) throw new DomainRuleException("Say why the referral was lost.");
        Status = next;
        if (next == ReferralStatus.Won) WonAt = now;
        if (next == ReferralStatus.Lost) LostReason = lostReason!.Trim();
    }

    /// <summary>The referrer earns the reward once per referral, however often the referral is saved or won.</summary>
    public bool TakeReward()
    {
        if (Status != ReferralStatus.Won || RewardGranted) return false;
        RewardGranted = true;
        return true;
    }

    public void Thank(string method, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(method)) throw new DomainRuleException("Say how the referrer was thanked.");
        ThankedAt = at;
        ThanksMethod = method.Trim();
    }
}
