using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Name).HaveMax(Customer.NameMax).IsRequired();
        b.Property(c => c.Code).HaveMax(Customer.CodeMax).IsRequired();
        b.Property(c => c.Kind).HasConversion<string>().HaveMax(16);
        b.Property(c => c.EnterpriseType).HasConversion<string>().HaveMax(16);
        b.Property(c => c.Industry).HaveMax(100);
        b.Property(c => c.Region).HaveMax(100);
        // Level is stored as its ordinal so that sorting by level follows Special > A > B > C.
        b.Property(c => c.Level).HasConversion<int>();
        b.Property(c => c.CreditRating).HasConversion<string>().HaveMax(16);
        b.Property(c => c.AlertReason).HaveMax(500);
        b.Property(c => c.Lifecycle).HasConversion<string>().HaveMax(16);
        b.Property(c => c.LifecycleBeforeArchive).HasConversion<string>().HaveMax(16);
        b.Property(c => c.Address).HaveMax(300);
        b.Property(c => c.Postcode).HaveMax(20);
        b.Property(c => c.Phone).HaveMax(40);
        b.Property(c => c.Fax).HaveMax(40);
        b.Property(c => c.Website).HaveMax(200);
        b.Property(c => c.Email).HaveMax(200);
        b.Property(c => c.Origin).HasConversion<string>().HaveMax(16);
        b.Property(c => c.ChainPosition).HasConversion<string>().HaveMax(16);
        b.Property(c => c.LeadSource).HasConversion<string>().HaveMax(24);
        b.Property(c => c.Tier).HaveMax(50);
        b.Property(c => c.LatestGrade).HaveMax(2);
        b.HasIndex(c => new { c.LastAssessedOn, c.Id });
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.ReferredById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.ReferredById);
        b.Ignore(c => c.State);
        b.Ignore(c => c.IsPriorityLead);
        b.Property(c => c.ListOrder).HaveMax(Customer.NameMax + 1).IsRequired();
        b.HasIndex(c => new { c.ListOrder, c.Id });
        b.HasIndex(c => new { c.OwnerId, c.ListOrder, c.Id });
        b.Ignore(c => c.IsArchived);

        b.OwnsOne(c => c.Profile, p =>
        {
            p.Property(x => x.Gender).HasConversion<string>().HaveMax(16).HasColumnName("Gender");
            p.Property(x => x.Birthday).HasColumnName("Birthday");
            p.Property(x => x.Hobbies).HaveMax(500).HasColumnName("Hobbies");
            p.Property(x => x.Personality).HaveMax(500).HasColumnName("Personality");
            p.Property(x => x.Family).HaveMax(500).HasColumnName("Family");
            p.Property(x => x.Occupation).HaveMax(100).HasColumnName("Occupation");
            p.Property(x => x.IncomeBand).HasConversion<string>().HaveMax(16).HasColumnName("IncomeBand");
        });
        b.Navigation(c => c.Profile).IsRequired();

        b.OwnsMany(c => c.ImportantDates, d =>
        {
            d.ToTable("CustomerImportantDates");
            d.WithOwner().HasForeignKey(x => x.CustomerId);
            d.HasKey(x => x.Id);
            d.Property(x => x.Label).HaveMax(100).IsRequired();
            // A day's reminders start from the dates of that day and join their customers, instead of probing the dates
            // of every customer in scope.
            d.HasIndex(x => new { x.MonthDay, x.CustomerId });
        });

        b.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Contacts).WithOne(c => c.Customer).HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);

        // Every filter and sort the list exposes has an index; sorts end on Id for keyset paging.
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.Name, c.Id });
        b.HasIndex(c => new { c.Level, c.Id });
        b.HasIndex(c => new { c.Points, c.Id });
        b.HasIndex(c => new { c.CreatedAt, c.Id });
        b.HasIndex(c => new { c.UpdatedAt, c.Id });
        b.HasIndex(c => new { c.OwnerId, c.Name, c.Id });
        // A scope's key accounts (compliance): the levels with a visit minimum within each owner's book; with the name
        // after them a list filtered by level and sorted by name seeks its cursor inside each owner's range.
        b.HasIndex(c => new { c.OwnerId, c.Level, c.ArchivedAt, c.Name, c.Id });
        // The portfolio mixes of a scope (dashboard tier mix, loyalty stages, RFM cells) read only these columns of every
        // customer in scope: covering them turns 50,000 table-row lookups per team into one index range per owner.
        b.HasIndex(c => new { c.OwnerId, c.Lifecycle, c.ArchivedAt, c.Tier, c.Id });
        // Every scoped read of a customer's records (purchases, visits, statistics, referrals...) joins the customer by
        // Id only to test its OwnerId against the caller's scope (the query filters): with OwnerId in the index that
        // test reads no table row. A search finds its customers by Id from the term index and keeps the unarchived ones
        // in the list's order: with those two columns here too, each match costs one index seek instead of two, which
        // halved a whole-base search that matches thousands (docs/performance.md, "Seventeenth round").
        b.HasIndex(c => new { c.Id, c.OwnerId, c.ArchivedAt, c.ListOrder });
        // A scope's birthdays of a day (the reminders, the dashboard): persons only, so the index is partial.
        b.HasIndex(c => new { c.OwnerId, c.BirthdayMonthDay }).HasFilter("[BirthdayMonthDay] IS NOT NULL");
        // Integrations filter by level and region and sort by creation (newest first); a filter by region alone uses it too.
        b.HasIndex(c => new { c.Region, c.Level, c.CreatedAt, c.Id });
        // A region in the list's order: without it SQLite read the region's customers through the index above and sorted
        // them all, 9 s for a region of half the base at a million (docs/performance.md, "Sixteenth round").
        b.HasIndex(c => new { c.Region, c.ListOrder, c.Id });
        b.HasIndex(c => new { c.Lifecycle, c.Id });
        b.HasIndex(c => new { c.IsKeyAccount, c.Level });
        // The list's filters on columns of few values lead to the list's order: a whole-base page filtered by industry
        // reads 20 entries of one range instead of every customer of that industry, sorted (0.12-0.24 s at a million),
        // and a rare value (alerted customers, an industry of ten) ends its range at once instead of making SQLite walk
        // the whole list order to look for it (docs/performance.md, "Sixteenth round").
        b.HasIndex(c => new { c.EnterpriseType, c.ListOrder, c.Id });
        b.HasIndex(c => new { c.Industry, c.ListOrder, c.Id });
        b.HasIndex(c => new { c.LeadSource, c.ListOrder, c.Id });
        b.HasIndex(c => new { c.IsAlerted, c.ListOrder, c.Id });
        b.HasIndex(c => new { c.Origin, c.ListOrder, c.Id });
        b.HasIndex(c => new { c.ChainPosition, c.ListOrder, c.Id });
    }
}

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> b)
    {
        b.HasKey(t => new { t.CustomerId, t.Tag });
        b.Property(t => t.Tag).HaveMax(50);
        b.HasIndex(t => t.Tag);
    }
}

internal sealed class CustomerTransferConfiguration : IEntityTypeConfiguration<CustomerTransfer>
{
    public void Configure(EntityTypeBuilder<CustomerTransfer> b)
    {
        b.Property(t => t.Reason).HaveMax(500);
        b.HasIndex(t => new { t.CustomerId, t.TransferredAt });
        b.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerSearchTermConfiguration : IEntityTypeConfiguration<CustomerSearchTerm>
{
    public void Configure(EntityTypeBuilder<CustomerSearchTerm> b)
    {
        b.Property(t => t.Term).HaveMax(CustomerSearchTerm.TermMax).IsRequired();
        b.HasIndex(t => new { t.Term, t.CustomerId });
        // A scoped caller's prefix range: the query filter puts the owners first (docs/performance.md, "Eighth round").
        b.HasIndex(t => new { t.OwnerId, t.Term, t.CustomerId });
        // One index serves both the customer's foreign key and re-indexing a source (which knows its customer): a term
        // table holds about 15 rows per customer, and a separate SourceId index cost an import a tenth of its time.
        b.HasIndex(t => new { t.CustomerId, t.SourceId });
        b.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class PropertyBuilderExtensions
{
    /// <summary>Column length follows the validator's limit, so the database never truncates what the API accepted.</summary>
    public static PropertyBuilder<T> HaveMax<T>(this PropertyBuilder<T> p, int max) => p.HasMaxLength(max);
}

internal sealed class PortfolioCountConfiguration : IEntityTypeConfiguration<PortfolioCount>
{
    public void Configure(EntityTypeBuilder<PortfolioCount> b)
    {
        // A scope reads its owners' counts: the key is that index.
        b.HasKey(c => new { c.OwnerId, c.Lifecycle, c.Tier, c.Level });
        b.Property(c => c.Lifecycle).HasConversion<string>().HaveMax(16);
        b.Property(c => c.Level).HasConversion<int>();
        b.Property(c => c.Tier).HaveMax(50);
    }
}

internal sealed class LoyaltyStageCountConfiguration : IEntityTypeConfiguration<LoyaltyStageCount>
{
    public void Configure(EntityTypeBuilder<LoyaltyStageCount> b)
    {
        // A scope reads its owners' counts: the key is that index.
        b.HasKey(c => new { c.OwnerId, c.RepeatOverAYear, c.RepeatWithPositiveSignals, c.LastPurchaseBlock });
    }
}
