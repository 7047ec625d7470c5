using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
}

public sealed class SearchIndexTestsOnSqlite(SqliteApp app) : SearchIndexTests<SqliteApp>(app);

public sealed class SearchIndexTestsOnSqlServer(SqlServerApp app) : SearchIndexTests<SqlServerApp>(app);
