using Crm.Api.Common;
using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>SQLite: the embedded default. Decimals are stored as REAL so that sums and sorts run in SQL.</summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Contact>().HasIndex(c => c.CustomerId).HasFilter("\"IsPrimary\" = 1");
        builder.Entity<PointsEntry>().HasIndex(e => e.ReferralId).HasFilter("\"ReferralId\" IS NOT NULL AND \"Source\" = 'Referral'");
        builder.Entity<TaskItem>().HasIndex(t => new { t.Source, t.SourceId }).HasFilter("\"SourceId\" IS NOT NULL");
        PlannerHints.Register(builder, sqlite: true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
    }
}

/// <summary>SQL Server: production, scaled out behind a load balancer.</summary>
public sealed class SqlServerCrmDbContext(DbContextOptions<SqlServerCrmDbContext> options) : CrmDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Contact>().HasIndex(c => c.CustomerId).HasFilter("[IsPrimary] = 1");
        builder.Entity<PointsEntry>().HasIndex(e => e.ReferralId).HasFilter("[ReferralId] IS NOT NULL AND [Source] = 'Referral'");
        builder.Entity<TaskItem>().HasIndex(t => new { t.Source, t.SourceId }).HasFilter("[SourceId] IS NOT NULL");
        // Search terms compare by code point so that a prefix range scan means the same as on SQLite.
        builder.Entity<CustomerSearchTerm>().Property(t => t.Term).UseCollation("Latin1_General_100_BIN2");
        PlannerHints.Register(builder, sqlite: false);
    }
}
