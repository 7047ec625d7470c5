using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HaveMax(16);
        b.Property(e => e.Source).HasConversion<string>().HaveMax(16);
        b.Property(e => e.Reason).HaveMax(500);
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.CustomerId, e.CreatedAt });
        b.HasIndex(e => e.PurchaseId);
        // The referral reward is granted once per referral: a second reward row cannot exist.
        // The filter text is provider-specific and set by each provider context.
        b.HasIndex(e => e.ReferralId).IsUnique().HasDatabaseName("IX_PointsEntries_OneRewardPerReferral");
    }
}

internal sealed class MembershipTierConfiguration : IEntityTypeConfiguration<MembershipTier>
{
    public void Configure(EntityTypeBuilder<MembershipTier> b)
    {
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Name).HaveMax(50).IsRequired();
        b.Property(t => t.Benefits).HaveMax(1000);
        b.HasIndex(t => t.Name).IsUnique();
        b.HasData(MembershipTier.Defaults);
    }
}

internal sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> b)
    {
        b.Property(t => t.FromTier).HaveMax(50);
        b.Property(t => t.ToTier).HaveMax(50);
        b.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.CustomerId, t.ChangedAt });
    }
}

internal sealed class LoyaltyPolicyConfiguration : IEntityTypeConfiguration<LoyaltyPolicy>
{
    public void Configure(EntityTypeBuilder<LoyaltyPolicy> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.PointsPerCurrencyUnit).HasPrecision(18, 6);
        b.HasData(new LoyaltyPolicy());
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Channel).HasConversion<string>().HaveMax(16);
        b.Property(r => r.Status).HasConversion<string>().HaveMax(16);
        b.Property(r => r.Note).HaveMax(1000);
        b.Property(r => r.LostReason).HaveMax(500);
        b.Property(r => r.ThanksMethod).HaveMax(200);
        b.Ignore(r => r.IsOpen);
        b.HasOne(r => r.Referrer).WithMany().HasForeignKey(r => r.ReferrerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Referred).WithMany().HasForeignKey(r => r.ReferredId).OnDelete(DeleteBehavior.Restrict);
        // One referral per referred customer: a prospect is referred once.
        b.HasIndex(r => r.ReferredId).IsUnique();
        b.HasIndex(r => new { r.ReferrerId, r.ReferredOn });
        b.HasIndex(r => new { r.Status, r.MustCloseBy });
        b.HasIndex(r => new { r.Status, r.WonAt });
        // Referrers still to be thanked (the dashboard's count and the reminders): the few won referrals without thanks,
        // not every won referral read row by row for its ThankedAt (docs/performance.md, "Fourth round").
        b.HasIndex(r => new { r.Status, r.ThankedAt, r.WonAt });
        // The same for a scope (the dashboard's funnel, this month's wins and thanks due): its owners' ranges, covered.
        b.HasIndex(r => new { r.ReferredOwnerId, r.Status, r.ThankedAt, r.WonAt });
    }
}

internal sealed class CustomerStatsConfiguration : IEntityTypeConfiguration<CustomerStats>
{
    public void Configure(EntityTypeBuilder<CustomerStats> b)
    {
        b.HasKey(s => s.CustomerId);
        b.HasOne(s => s.Customer).WithOne().HasForeignKey<CustomerStats>(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // Recency quintile cut points and the win-back list (most valuable first) read these in order.
        b.HasIndex(s => s.LastPurchaseDay);
        b.HasIndex(s => s.TotalAmount);
        b.Property(s => s.Lifecycle).HasConversion<string>().HaveMax(16);
        // A scope's win-back count reads these columns only: one covered range per owner (50,000 entries for a team at a
        // million customers, ~10 ms), where joining the customers and seeking each one's row took 0.38 s. The loyalty-stage
        // mix (dashboard, portfolio) reads the 30 days of last purchases around the day a year ago: a range per owner.
        // The customer and the first purchase's date: a scope's RFM cells and repeat rate read every buyer of the scope
        // with them, and fetching 40,000 rows of a team one by one was a third of the loyalty portfolio's time.
        b.HasIndex(s => new { s.OwnerId, s.LastPurchaseDay, s.Lifecycle, s.Purchases, s.FirstPurchaseDay, s.RatedComplaints, s.SatisfactionTotal, s.ReferralsMade, s.CadenceDays, s.CustomerId, s.FirstPurchaseOn })
            .HasDatabaseName("IX_CustomerStats_Portfolio");
    }
}

internal sealed class CustomerMonthSalesConfiguration : IEntityTypeConfiguration<CustomerMonthSales>
{
    public void Configure(EntityTypeBuilder<CustomerMonthSales> b)
    {
        // Keyed by customer first: the maintenance on write reads and replaces one customer's rows.
        b.HasKey(s => new { s.CustomerId, s.Month, s.Category });
        b.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Category).HaveMax(100);
        b.Property(s => s.Level).HasConversion<int>();
        b.Property(s => s.Region).HaveMax(100);
        b.Property(s => s.Industry).HaveMax(100);
        // Sales by period read only index entries: a month range for the whole base, an owner's months for a scope.
        b.HasIndex(s => new { s.Month, s.OwnerId, s.Level, s.Region, s.Industry, s.Category, s.CustomerId, s.Amount });
        // The purchase count too: a scope's RFM frequency sums it per customer over the year's whole months.
        b.HasIndex(s => new { s.OwnerId, s.Month, s.Level, s.Region, s.Industry, s.Category, s.CustomerId, s.Amount, s.Purchases });
    }
}

internal sealed class CompositionCellConfiguration : IEntityTypeConfiguration<CompositionCell>
{
    public void Configure(EntityTypeBuilder<CompositionCell> b)
    {
        // A report reads one dimension's months for its owners (or the whole base's Guid.Empty), so the key is its index.
        b.HasKey(c => new { c.Dimension, c.OwnerId, c.Month, c.Key, c.PreviousMonth });
        b.Property(c => c.Dimension).HasConversion<int>();
        b.Property(c => c.Key).HaveMax(100);
    }
}
