using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Number).HaveMax(20).IsRequired();
        b.Property(c => c.Channel).HasConversion<string>().HaveMax(16);
        b.Property(c => c.Category).HasConversion<string>().HaveMax(24);
        b.Property(c => c.Severity).HasConversion<string>().HaveMax(16);
        b.Property(c => c.Status).HasConversion<string>().HaveMax(16);
        b.Property(c => c.ResolutionType).HasConversion<string>().HaveMax(16);
        b.Property(c => c.Description).HaveMax(4000).IsRequired();
        b.Property(c => c.CommitmentReason).HaveMax(500);
        b.Property(c => c.RootCause).HaveMax(2000);
        b.Property(c => c.CorrectiveAction).HaveMax(2000);
        b.Property(c => c.Explanation).HaveMax(2000);
        b.Property(c => c.GoodwillDescription).HaveMax(500);
        b.Property(c => c.FollowUpComment).HaveMax(1000);
        b.Ignore(c => c.IsFinished);
        b.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Purchase>().WithMany().HasForeignKey(c => c.PurchaseId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        b.HasIndex(c => c.Number).IsUnique();
        // The queue: open complaints by committed time; recurrence: a customer's complaints by category and time.
        b.HasIndex(c => new { c.Status, c.ResolutionDueAt });
        b.HasIndex(c => new { c.Status, c.AtRiskFrom });
        b.HasIndex(c => new { c.CustomerId, c.Category, c.ReceivedAt });
        b.HasIndex(c => new { c.AssigneeId, c.Status });
        b.HasIndex(c => new { c.ReceivedAt, c.Id });
        b.HasIndex(c => c.ResolvedAt);
        // A scope's open complaints by SLA state (the dashboard's counts, the reminders): one range per owner, index only.
        b.HasIndex(c => new { c.CustomerOwnerId, c.Status, c.ResolutionDueAt, c.AtRiskFrom });
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HaveMax(16);
        b.Property(e => e.FromStatus).HasConversion<string>().HaveMax(16);
        b.Property(e => e.ToStatus).HasConversion<string>().HaveMax(16);
        b.Property(e => e.Comment).HaveMax(2000);
        b.HasIndex(e => new { e.ComplaintId, e.Position });
    }
}

internal sealed class ComplaintSlaTargetConfiguration : IEntityTypeConfiguration<ComplaintSlaTarget>
{
    public void Configure(EntityTypeBuilder<ComplaintSlaTarget> b)
    {
        b.HasKey(t => t.Severity);
        b.Property(t => t.Severity).HasConversion<string>().HaveMax(16).ValueGeneratedNever();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasData(ComplaintSlaTarget.Defaults);
    }
}

internal sealed class StandardAnswerConfiguration : IEntityTypeConfiguration<StandardAnswer>
{
    public void Configure(EntityTypeBuilder<StandardAnswer> b)
    {
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Category).HasConversion<string>().HaveMax(24);
        b.Property(a => a.Question).HaveMax(500).IsRequired();
        b.Property(a => a.Answer).HaveMax(4000).IsRequired();
        b.PrimitiveCollection(a => a.Tags).HasMaxLength(1000);
        b.HasIndex(a => a.Category);
    }
}
