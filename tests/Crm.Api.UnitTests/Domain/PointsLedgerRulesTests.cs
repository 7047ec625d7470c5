using Crm.Api.Domain;

namespace Crm.Api.UnitTests.Domain;

public class PointsLedgerRulesTests
{
    /// <summary>Property: after any sequence of earnings, redemptions and adjustments the balance is the ledger's sum and never negative.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2026)]
    public void The_balance_is_always_the_sum_of_the_ledger_and_never_negative(int seed)
    {
        var random = new Random(seed);
        var customer = new Customer(Guid.CreateVersion7()) { Name = "x" };
        var ledger = new List<PointsEntry>();
        for (var i = 0; i < 2000; i++)
        {
            var amount = random.Next(-500, 500);
            if (amount == 0) continue;
            try
            {
                ledger.Add(customer.Post(new PointsEntry { Kind = amount > 0 ? PointsKind.Earn : PointsKind.Redeem, Amount = amount }));
            }
            catch (InsufficientPointsException)
            {
                Assert.True(customer.Points + amount < 0);
            }
            Assert.True(customer.Points >= 0);
            Assert.Equal(ledger.Sum(e => e.Amount), customer.Points);
            if (ledger.Count > 0) Assert.Equal(customer.Points, ledger[^1].BalanceAfter);
        }
    }

    [Fact]
    public void A_zero_entry_is_refused() =>
        Assert.Throws<DomainRuleException>(() => new Customer(Guid.CreateVersion7()).Post(new PointsEntry { Amount = 0 }));

    [Theory]
    [InlineData(0, "Member")]
    [InlineData(999, "Member")]
    [InlineData(1000, "Silver")]
    [InlineData(5000, "Gold")]
    [InlineData(19999, "Gold")]
    [InlineData(20000, "Platinum")]
    public void The_tier_is_the_highest_whose_threshold_is_reached(long earned, string tier) =>
        Assert.Equal(tier, MembershipTier.For(MembershipTier.Defaults, earned)?.Name);

    [Fact]
    public void A_referral_pays_its_reward_once_and_only_when_won()
    {
        var referral = new Referral();
        Assert.False(referral.TakeReward());
        referral.MoveTo(ReferralStatus.Won, null, DateTime.UtcNow);
        Assert.True(referral.TakeReward());
        Assert.False(referral.TakeReward());
    }

    [Fact]
    public void A_lost_referral_pays_nothing()
    {
        var referral = new Referral();
        referral.MoveTo(ReferralStatus.Lost, "Chose a competitor", DateTime.UtcNow);
        Assert.False(referral.TakeReward());
        Assert.Throws<IllegalTransitionException>(() => referral.MoveTo(ReferralStatus.Won, null, DateTime.UtcNow));
    }
}
