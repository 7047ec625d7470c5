using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(v => v.Version).IsConcurrencyToken();
        b.Property(v => v.Form).HasConversion<string>().HaveMax(16);
        b.Property(v => v.Category).HasConversion<string>().HaveMax(16);
        b.Property(v => v.Status).HasConversion<string>().HaveMax(24);
        b.Property(v => v.ReviewStatus).HasConversion<string>().HaveMax(16);
        // Purposes are a small JSON array column (EF Core primitive collection) on both providers.
        b.PrimitiveCollection(v => v.Purposes).HasMaxLength(200);
        b.Property(v => v.Agenda).HaveMax(1000);
        b.Property(v => v.CancellationReason).HaveMax(500);
        b.Property(v => v.Summary).HaveMax(4000);
        b.Property(v => v.Outcome).HaveMax(1000);
        b.Property(v => v.CustomerFeedback).HaveMax(1000);
        b.Property(v => v.NextSteps).HaveMax(1000);
        b.Property(v => v.ReviewComment).HaveMax(1000);
        b.Ignore(v => v.CountsAsDone);
        b.Ignore(v => v.AllowedNext);
        b.HasOne(v => v.Customer).WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(v => v.Visitor).WithMany().HasForeignKey(v => v.VisitorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Companions).WithOne().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Events).WithOne().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Cascade);

        // Compliance and history read a customer's visits by status and time; the calendar reads by visitor and time.
        b.HasIndex(v => new { v.CustomerId, v.Status, v.ActualStart });
        // Weekly compliance counts a week's visits in one range scan of index entries.
        b.HasIndex(v => new { v.ActualStart, v.Status, v.ReviewStatus, v.Form, v.CustomerId });
        // The same for a scope (the compliance report and summary, the visits still due): its owners' ranges of the week.
        b.HasIndex(v => new { v.CustomerOwnerId, v.ActualStart, v.Status, v.ReviewStatus, v.Form, v.CustomerId });
        b.HasIndex(v => new { v.VisitorId, v.PlannedStart });
        b.HasIndex(v => new { v.VisitorId, v.ActualStart });
        b.HasIndex(v => new { v.PlannedStart, v.Id });
        b.HasIndex(v => new { v.ReviewStatus, v.VisitorId });
    }
}

internal sealed class VisitCompanionConfiguration : IEntityTypeConfiguration<VisitCompanion>
{
    public void Configure(EntityTypeBuilder<VisitCompanion> b)
    {
        b.HasKey(c => new { c.VisitId, c.UserId });
        b.HasIndex(c => c.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitEventConfiguration : IEntityTypeConfiguration<VisitEvent>
{
    public void Configure(EntityTypeBuilder<VisitEvent> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HaveMax(24);
        b.Property(e => e.Comment).HaveMax(1000);
        b.HasIndex(e => new { e.VisitId, e.Position });
    }
}

internal sealed class VisitPolicyConfiguration : IEntityTypeConfiguration<VisitPolicy>
{
    public void Configure(EntityTypeBuilder<VisitPolicy> b)
    {
        b.HasKey(p => p.Level);
        b.Property(p => p.Level).HasConversion<int>().ValueGeneratedNever();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.HasMinimum);
        b.HasData(VisitPolicy.Defaults);
    }
}
