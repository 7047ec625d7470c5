using Crm.Api.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => new { r.CallerKey, r.Key });
        b.Property(r => r.CallerKey).HaveMax(64);
        b.Property(r => r.Key).HaveMax(100);
        b.Property(r => r.RequestHash).HaveMax(64);
        b.Property(r => r.ContentType).HaveMax(200);
        b.Property(r => r.Location).HaveMax(500);
        b.Property(r => r.ETag).HaveMax(100);
        b.Property(r => r.ResponseBody).HasMaxLength(2 * 1024 * 1024);
        b.HasIndex(r => r.CreatedAt);
    }
}
