using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Name).HaveMax(100).IsRequired();
        b.Property(c => c.Title).HaveMax(100);
        b.Property(c => c.Mobile).HaveMax(40);
        b.Property(c => c.Phone).HaveMax(40);
        b.Property(c => c.Fax).HaveMax(40);
        b.Property(c => c.Email).HaveMax(200);
        b.Property(c => c.Address).HaveMax(300);
        // A customer's contacts by name; it also carries what a list page asks of each customer's primary contact (is it
        // primary, is it in the caller's scope), so the page reads no contact rows (docs/performance.md, "Nineteenth round").
        b.HasIndex(c => new { c.CustomerId, c.Name, c.IsPrimary, c.CustomerOwnerId });
        // The contacts whose birthday is on a day, by owner (the reminders, the dashboard); those without one are left out.
        b.HasIndex(c => new { c.BirthdayMonthDay, c.CustomerOwnerId, c.CustomerId }).HasFilter("[BirthdayMonthDay] IS NOT NULL");
        // At most one primary contact per customer, enforced by the database as well as the handler.
        // The filter text is provider-specific and set by each provider context.
        b.HasIndex(c => c.CustomerId).IsUnique().HasDatabaseName("IX_Contacts_OnePrimary");
    }
}

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Product).HaveMax(200).IsRequired();
        b.Property(p => p.Category).HaveMax(100).IsRequired();
        b.Property(p => p.Currency).HaveMax(3).IsRequired();
        b.Property(p => p.Notes).HaveMax(1000);
        b.Property(p => p.Quantity).HasPrecision(18, 3);
        b.Property(p => p.UnitPrice).HasPrecision(18, 4);
        b.Property(p => p.ListUnitPrice).HasPrecision(18, 4);
        b.HasOne(p => p.Customer).WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // Both carry the amount (and the date order the customer) so that the RFM reads sum a year's purchases from the
        // index alone: the whole base's cut points and a scope's R/F/M cells otherwise fetched every purchase's row for
        // its amount, 1.7M random reads at a million customers (docs/performance.md, "Twelfth round").
        b.HasIndex(p => new { p.CustomerId, p.PurchasedOn, p.Id, p.Amount });
        b.HasIndex(p => new { p.PurchasedOn, p.Id, p.CustomerId, p.Amount });
        b.HasIndex(p => new { p.Category, p.PurchasedOn });
    }
}
