using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditTrail");
        b.Property(a => a.Source).HaveMax(16);
        b.Property(a => a.TraceId).HaveMax(64);
        b.Property(a => a.Action).HasConversion<string>().HaveMax(16);
        b.Property(a => a.EntityType).HaveMax(50);
        b.Property(a => a.EntityId).HaveMax(100);
        b.Property(a => a.Changes).HasMaxLength(64_000);
        b.HasIndex(a => new { a.At, a.Id });
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        b.HasIndex(a => new { a.ActorId, a.At });
    }
}
