using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.DisplayName).HaveMax(100).IsRequired();
        b.Property(u => u.Role).HasConversion<string>().HaveMax(16);
        b.HasIndex(u => u.TeamId);
        b.HasIndex(u => u.Role);
        b.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Name).HaveMax(100).IsRequired();
        b.HasIndex(t => t.Name).IsUnique();
        b.HasIndex(t => t.ManagerId);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Version).IsConcurrencyToken();
        b.Property(k => k.Name).HaveMax(100).IsRequired();
        b.Property(k => k.Prefix).HaveMax(16).IsRequired();
        b.Property(k => k.SecretHash).HaveMax(100).IsRequired();
        b.Property(k => k.Scopes).HasConversion(
                v => string.Join(' ', v),
                v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()))
            .HaveMax(1000);
        b.HasIndex(k => k.Prefix).IsUnique();
    }
}

internal sealed class RefreshSessionConfiguration : IEntityTypeConfiguration<RefreshSession>
{
    public void Configure(EntityTypeBuilder<RefreshSession> b)
    {
        b.Property(s => s.TokenHash).HaveMax(100).IsRequired();
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => s.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SequenceConfiguration : IEntityTypeConfiguration<Sequence>
{
    public void Configure(EntityTypeBuilder<Sequence> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HaveMax(50);
        b.HasData(new Sequence { Name = "customer", Next = 0 });
    }
}

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HaveMax(100);
        b.Property(s => s.Value).HaveMax(4000);
    }
}
