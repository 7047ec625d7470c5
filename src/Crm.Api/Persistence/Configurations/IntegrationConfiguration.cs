using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.ToTable("Changes");
        b.HasKey(c => c.Sequence);
        // Never reuse a number (SQLite AUTOINCREMENT; SQL Server IDENTITY), or a client could miss a change.
        b.Property(c => c.Sequence).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        b.Property(c => c.EntityType).HaveMax(16);
        b.HasIndex(c => new { c.OwnerId, c.Sequence });
        b.HasIndex(c => new { c.PreviousOwnerId, c.Sequence });
        // Compaction looks for a later change of the same record.
        b.HasIndex(c => new { c.EntityId, c.Sequence });
    }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.Property(e => e.Type).HaveMax(40);
        b.Property(e => e.Payload).HasMaxLength(64_000);
        b.HasIndex(e => e.OccurredAt);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Url).HaveMax(2000);
        b.Property(s => s.Description).HaveMax(200);
        b.Property(s => s.EventTypes).HaveMax(1000);
        b.Property(s => s.ProtectedSecret).HaveMax(2000);
        b.Property(s => s.DisabledReason).HaveMax(400);
        b.Ignore(s => s.Types);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.EventType).HaveMax(40);
        b.Property(d => d.Status).HasConversion<string>().HaveMax(16);
        b.Property(d => d.LastError).HaveMax(400);
        b.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's claim: due pending deliveries in order.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}

internal sealed class SlaBreachNoticeConfiguration : IEntityTypeConfiguration<SlaBreachNotice>
{
    public void Configure(EntityTypeBuilder<SlaBreachNotice> b) => b.HasKey(n => new { n.ComplaintId, n.ResolutionDueAt });
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.Kind).HaveMax(20);
        b.Property(j => j.Status).HasConversion<string>().HaveMax(24);
        b.Property(j => j.Errors).HasMaxLength(1_000_000);
        b.HasIndex(j => new { j.Status, j.CreatedAt });
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> b)
    {
        b.HasKey(f => f.JobId);
        b.Property(f => f.Content).HasMaxLength(100_000_000);
        b.HasOne<ImportJob>().WithOne().HasForeignKey<ImportFile>(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
