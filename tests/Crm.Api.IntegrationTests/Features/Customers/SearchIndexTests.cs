using System.Net;
using System.Net.Http.Json;
using Crm.Api.Domain;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Customers;

/// <summary>The search terms are rewritten when a searched field changes, and only then.</summary>
public abstract class SearchIndexTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private List<(long Id, string Term)> Terms(Guid customerId) =>
        App.WithDb(db => db.CustomerSearchTerms.IgnoreQueryFilters().Where(t => t.CustomerId == customerId).OrderBy(t => t.Id).Select(t => new { t.Id, t.Term }).ToList())
            .Select(t => (t.Id, t.Term)).ToList();

    [Fact]
    public async Task A_save_that_changes_no_searched_field_keeps_the_terms_and_a_rename_rewrites_them()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, name: "Kestrel Trading");
        var before = Terms(customer.Id);
        Assert.Contains(before, t => t.Term == "kestrel trading");

        // A first purchase makes the prospect active and changes the level: the customer is saved, its searched fields are not.
        var rep = await As(Who.Rep1);
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
            new { purchasedOn = "2026-01-05", product = "P", category = "Parts", quantity = 1, unitPrice = 10 }, Json)).StatusCode);
        var current = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{customer.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", $"\"{current.Version}\"",
            Arrange.UpdateBody(current, b => b["level"] = "A")))).StatusCode);
        Assert.Equal(before, Terms(customer.Id));

        current = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{customer.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", $"\"{current.Version}\"",
            Arrange.UpdateBody(current, b => b["name"] = "Osprey Trading")))).StatusCode);
        var after = Terms(customer.Id);
        Assert.Contains(after, t => t.Term == "osprey trading");
        Assert.DoesNotContain(after, t => t.Term == "kestrel trading");
    }

    [Fact]
    public async Task A_contact_moved_by_a_merge_is_found_under_the_survivor_and_no_longer_under_the_duplicate()
    {
        var rep = await As(Who.Rep1);
        var survivor = await Arrange.OwnedByAsync(App, Who.Rep1, "Heron Logistics");
        var duplicate = await Arrange.OwnedByAsync(App, Who.Rep1, "Heron Logistics (old)");
        var contact = await Read<Crm.Api.Features.Contacts.ContactDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{duplicate.Id}/contacts",
            new { name = "Quillon Marsh", mobile = "13912345678" }, Json), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = duplicate.Id }, Json)).StatusCode);

        var contactTerms = App.WithDb(db => db.CustomerSearchTerms.IgnoreQueryFilters().Where(t => t.SourceId == contact.Id).Select(t => t.CustomerId).ToList());
        Assert.NotEmpty(contactTerms);
        Assert.All(contactTerms, customerId => Assert.Equal(survivor.Id, customerId));
        var found = await Read<Crm.Api.Common.Page<CustomerSummaryDto>>(await rep.GetAsync("/api/v1/customers?q=quillon&includeArchived=true"));
        Assert.Equal([survivor.Id], found.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_transferred_customer_is_found_by_its_new_owner_by_name_and_by_contact_and_no_longer_by_the_old_one()
    {
        var rep1 = await As(Who.Rep1);
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "Zephyrine Mills");
        Assert.Equal(HttpStatusCode.Created, (await rep1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "Orlaith Brandt" }, Json)).StatusCode);
        Assert.Equal([customer.Id], await FoundAsync(rep1, "orlaith"));

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2] }, Json)).StatusCode);

        var rep2 = await As(Who.Rep2);
        Assert.Equal([customer.Id], await FoundAsync(rep2, "zephyrine"));
        Assert.Equal([customer.Id], await FoundAsync(rep2, "orlaith"));
        Assert.Empty(await FoundAsync(rep1, "zephyrine"));
        Assert.All(App.WithDb(db => db.CustomerSearchTerms.IgnoreQueryFilters().Where(t => t.CustomerId == customer.Id).Select(t => t.OwnerId).ToList()),
            owner => Assert.Equal(App.UserIds[Who.Rep2], owner));
    }

    /// <summary>A rep's search reads the terms of the rep's own customers: every one that matches, once, in list order, page after page.</summary>
    [Fact]
    public async Task Search_pages_through_every_match_in_scope_in_list_order_and_nothing_outside_it()
    {
        const int mine = 240;
        var batch = Guid.NewGuid().ToString("N")[..6];
        Customer Named(Who owner, int i) => new(App.UserIds[owner]) { Name = $"Vireo{batch} {i:0000}", Code = $"V{batch}-{owner}-{i:0000}" };
        var rep1Customers = Enumerable.Range(0, mine).Select(i => Named(Who.Rep1, i)).ToList();
        // Rep3's namesakes (another team) are out of Rep1's scope, and each of Rep1's customers has a second matching term.
        var others = Enumerable.Range(0, 30).Select(i => Named(Who.Rep3, i)).ToList();
        App.WithDb(db =>
        {
            db.Customers.AddRange(rep1Customers.Concat(others));
            foreach (var c in rep1Customers.Where((_, i) => i % 7 == 0)) db.Contacts.Add(new Contact { CustomerId = c.Id, Name = $"Vireo{batch} contact" });
            return db.SaveChanges();
        });

        var found = (await AllPagesAsync<CustomerSummaryDto>(await As(Who.Rep1), $"/api/v1/customers?q=vireo{batch}&limit=100")).Select(c => c.Id);

        Assert.Equal(rep1Customers.OrderBy(c => "1" + c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Id), found);

        // Over the whole base, in another sort and direction: a search's page is chosen first and its rows read after.
        var byCodeDescending = (await AllPagesAsync<CustomerSummaryDto>(await As(Who.Admin), $"/api/v1/customers?q=vireo{batch}&sort=-code&limit=100")).Select(c => c.Id);
        Assert.Equal(rep1Customers.Concat(others).OrderByDescending(c => c.Code, StringComparer.Ordinal).Select(c => c.Id), byCodeDescending);
    }

    [Fact]
    public async Task Migrating_an_existing_database_gives_every_term_its_customers_owner()
    {
        var rep1 = await As(Who.Rep1);
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "Saltmarsh Ferries");
        Assert.Equal(HttpStatusCode.Created, (await rep1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "Ysolde Carrick" }, Json)).StatusCode);

        await App.MigrateDownAndUpAgainAsync("SearchTermsCarryOwner");

        Assert.All(App.WithDb(db => db.CustomerSearchTerms.IgnoreQueryFilters().Where(t => t.CustomerId == customer.Id).Select(t => t.OwnerId).ToList()),
            owner => Assert.Equal(App.UserIds[Who.Rep1], owner));
        Assert.Equal([customer.Id], await FoundAsync(rep1, "ysolde"));
    }

    private static async Task<List<Guid>> FoundAsync(HttpClient client, string q) =>
        (await Read<Crm.Api.Common.Page<CustomerSummaryDto>>(await client.GetAsync($"/api/v1/customers?q={Uri.EscapeDataString(q)}"))).Items.Select(c => c.Id).ToList();
}

public sealed class SearchIndexTestsOnSqlite(SqliteApp app) : SearchIndexTests<SqliteApp>(app);

public sealed class SearchIndexTestsOnSqlServer(SqlServerApp app) : SearchIndexTests<SqlServerApp>(app);
