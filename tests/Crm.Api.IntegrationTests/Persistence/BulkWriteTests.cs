using Crm.Api.Domain;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Persistence;

/// <summary>
/// New customers, their tags and the rows every save derives (search terms, audit, change log, outbox) are written with
/// multi-row INSERTs instead of EF Core's one statement per entity. What they write must read back exactly as EF Core
/// would have written it.
/// </summary>
public abstract class BulkWriteTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private Guid OwnerId => App.WithDb(db => db.Users.Single(u => u.Email == CrmApp.EmailOf(Who.Rep1)).Id);

    [Fact]
    public void A_new_customer_reads_back_field_for_field_with_its_profile_tags_and_contacts()
    {
        var referrer = new Customer(OwnerId) { Name = "Old friend", Code = "REF-" + Guid.NewGuid().ToString("N")[..8] };
        App.WithDb(db => { db.Customers.Add(referrer); return db.SaveChanges(); });
        var customer = new Customer(OwnerId)
        {
            Name = "Bulk 写入 Trading", Code = "BULK-" + Guid.NewGuid().ToString("N")[..8], Kind = CustomerKind.Person, EnterpriseType = EnterpriseType.Private,
            Industry = "Retail", Region = "华东", IsKeyAccount = true, Level = CustomerLevel.Special, LatestGrade = "B", LastAssessedOn = new DateOnly(2026, 3, 4),
            ReferredById = referrer.Id, CreditRating = CreditRating.AA, Address = "1 Road", Postcode = "200000", Phone = "021-5555 0101", Fax = "021-5555 0102",
            Website = "https://bulk.example", Email = "buyer@bulk.example", Origin = CustomerOrigin.Internal, ChainPosition = ChainPosition.Intermediate, LeadSource = LeadSource.Referral,
            Profile = new PersonalProfile { Gender = Gender.Female, Birthday = new DateOnly(1980, 2, 29), Hobbies = "golf", Personality = "calm", Family = "two", Occupation = "CFO", IncomeBand = IncomeBand.High },
        };
        customer.SetAlert(true, "late payments");
        customer.ReplaceTags(["vip", "华东"]);
        customer.Contacts.Add(new Contact { Name = "Li Na", Mobile = "13800000001", IsPrimary = true });
        App.WithDb(db => { db.Customers.Add(customer); return db.SaveChanges(); });

        var (stored, tags, contacts) = App.WithDb(db => (
            db.Customers.IgnoreQueryFilters().AsNoTracking().Single(c => c.Id == customer.Id),
            db.Set<CustomerTag>().Where(t => t.CustomerId == customer.Id).Select(t => t.Tag).OrderBy(t => t).ToList(),
            db.Contacts.IgnoreQueryFilters().Where(c => c.CustomerId == customer.Id).Select(c => c.Name).ToList()));
        foreach (var property in typeof(Customer).GetProperties().Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string)))
            Assert.True(Equals(property.GetValue(customer), property.GetValue(stored)), $"{property.Name}: wrote {property.GetValue(customer)}, read {property.GetValue(stored)}");
        foreach (var property in typeof(PersonalProfile).GetProperties())
            Assert.Equal(property.GetValue(customer.Profile), property.GetValue(stored.Profile));
        Assert.Equal(["vip", "华东"], tags.Order(StringComparer.Ordinal));
        Assert.Equal(["Li Na"], contacts);
    }

    [Fact]
    public void A_save_that_fails_after_its_new_customers_were_written_writes_them_again_when_retried()
    {
        var customer = new Customer(OwnerId) { Name = "Retry Trading", Code = "RETRY-" + Guid.NewGuid().ToString("N")[..8] };
        var stored = App.WithDb(db =>
        {
            db.Customers.Add(customer);
            // A tag of a customer that does not exist fails the save after the new customer went in (foreign key).
            var orphan = new CustomerTag { CustomerId = Guid.NewGuid(), Tag = "orphan" };
            db.Add(orphan);
            Assert.Throws<DbUpdateException>(() => db.SaveChanges());
            db.Entry(orphan).State = EntityState.Detached;
            db.SaveChanges();
            return db.Customers.IgnoreQueryFilters().AsNoTracking().Count(c => c.Id == customer.Id);
        });
        Assert.Equal(1, stored);
    }

    [Fact]
    public void A_save_of_many_customers_writes_each_ones_terms_audit_line_change_and_event()
    {
        // 301 customers: several full statements (one prepared statement re-bound) and a shorter last one, for every table.
        var owner = OwnerId;
        var batch = Guid.NewGuid().ToString("N")[..6];
        var customers = Enumerable.Range(0, 301).Select(i => new Customer(owner)
        {
            Name = $"Batch {batch} customer {i}", Code = $"B{batch}-{i:000}", Phone = $"021-6{i:0000000}", Email = $"c{i}@{batch}.example",
        }).ToList();
        App.WithDb(db => { db.Customers.AddRange(customers); return db.SaveChanges(); });

        var ids = customers.Select(c => c.Id).ToList();
        var (terms, audit, changes, events) = App.WithDb(db => (
            db.CustomerSearchTerms.IgnoreQueryFilters().Where(t => ids.Contains(t.CustomerId)).Select(t => new { t.CustomerId, t.SourceId, t.Term }).ToList(),
            db.AuditEntries.Where(a => a.EntityType == nameof(Customer) && a.Action == AuditAction.Create).Select(a => a.EntityId).ToList(),
            db.ChangeRecords.Where(c => ids.Contains(c.EntityId)).Select(c => new { c.EntityId, c.OwnerId, c.Sequence }).ToList(),
            db.OutboxEvents.Where(e => e.Type == "customer.created").Select(e => e.Payload).ToList()));
        foreach (var c in customers)
        {
            Assert.Equal(CustomerSearchTerm.TermsOf(c.Name, c.Code, c.Phone, c.Email).Order(), terms.Where(t => t.CustomerId == c.Id && t.SourceId == c.Id).Select(t => t.Term).Order());
            Assert.Contains(c.Id.ToString(), audit);
            Assert.Single(changes, x => x.EntityId == c.Id && x.OwnerId == owner);
            Assert.Single(events, p => p.Contains(c.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        }
        // The change log numbers the changes in the order they were captured.
        Assert.Equal(ids, changes.OrderBy(x => x.Sequence).Select(x => x.EntityId));
    }
}

public sealed class BulkWriteTestsOnSqlite(SqliteApp app) : BulkWriteTests<SqliteApp>(app);

public sealed class BulkWriteTestsOnSqlServer(SqlServerApp app) : BulkWriteTests<SqlServerApp>(app);
