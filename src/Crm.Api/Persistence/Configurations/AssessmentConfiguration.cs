using System.Text.Json;
using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class ScorecardTemplateConfiguration : IEntityTypeConfiguration<ScorecardTemplate>
{
    public void Configure(EntityTypeBuilder<ScorecardTemplate> b)
    {
        b.Property(t => t.Name).HaveMax(100).IsRequired();
        b.Property(t => t.Indicators).HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<ScorecardIndicator>>(v, JsonSerializerOptions.Default) ?? new List<ScorecardIndicator>(),
                new ValueComparer<List<ScorecardIndicator>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, i) => HashCode.Combine(h, i)), v => v.ToList()))
            .HaveMax(4000);
        b.HasIndex(t => t.IsCurrent);
        b.HasData(ScorecardTemplate.Default);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Scores).HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, int>(),
                new ValueComparer<Dictionary<string, int>>((a, c) => a!.Count == c!.Count && !a.Except(c).Any(), v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)), v => new Dictionary<string, int>(v)))
            .HaveMax(2000);
        b.Property(a => a.Total).HasPrecision(5, 1);
        b.Property(a => a.Grade).HaveMax(2);
        b.Property(a => a.Suggested).HasConversion<string>().HaveMax(16);
        b.Property(a => a.Recommendation).HasConversion<string>().HaveMax(16);
        b.Property(a => a.OverrideReason).HaveMax(500);
        b.Property(a => a.Notes).HaveMax(2000);
        b.HasOne(a => a.Customer).WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ScorecardTemplate>().WithMany().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CustomerId, a.AssessedOn });
    }
}
