using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Features.Contacts;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Contacts;

public abstract class ContactTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static async Task<ContactDto> Add(HttpClient client, Guid customerId, object body) =>
        await Read<ContactDto>(await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", body, Json), HttpStatusCode.Created);

    private static async Task<List<ContactDto>> All(HttpClient client, Guid customerId) =>
        [.. (await Read<Page<ContactDto>>(await client.GetAsync($"/api/v1/customers/{customerId}/contacts"))).Items];

    [Fact]
    public async Task The_first_contact_becomes_the_primary_contact()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var first = await Add(rep, customer.Id, new { name = "王芳", mobile = "13800000001" });
        var second = await Add(rep, customer.Id, new { name = "Li Na" });
        Assert.True(first.IsPrimary);
        Assert.False(second.IsPrimary);
    }

    [Fact]
    public async Task Making_another_contact_primary_demotes_the_old_one_so_there_is_always_exactly_one()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        await Add(rep, customer.Id, new { name = "Old primary" });
        var newcomer = await Add(rep, customer.Id, new { name = "New primary", isPrimary = true });
        Assert.True(newcomer.IsPrimary);
        var contacts = await All(rep, customer.Id);
        Assert.Equal("New primary", Assert.Single(contacts, c => c.IsPrimary).Name);

        var old = contacts.Single(c => c.Name == "Old primary");
        var promoted = await Read<ContactDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}/contacts/{old.Id}", $"\"{old.Version}\"", new { name = "Old primary", isPrimary = true })));
        Assert.True(promoted.IsPrimary);
        Assert.Equal("Old primary", Assert.Single(await All(rep, customer.Id), c => c.IsPrimary).Name);
    }

    [Fact]
    public async Task The_primary_contact_cannot_simply_stop_being_primary()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var only = await Add(rep, customer.Id, new { name = "Only one" });
        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}/contacts/{only.Id}", "\"1\"", new { name = "Only one", isPrimary = false })), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Deleting_the_primary_contact_promotes_the_longest_known_remaining_one()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var primary = await Add(rep, customer.Id, new { name = "Leaving" });
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await Add(rep, customer.Id, new { name = "Second" });
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await Add(rep, customer.Id, new { name = "Third" });

        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/customers/{customer.Id}/contacts/{primary.Id}", null)), HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/customers/{customer.Id}/contacts/{primary.Id}", "\"1\""))).StatusCode);

        Assert.Equal("Second", Assert.Single(await All(rep, customer.Id), c => c.IsPrimary).Name);
    }

    [Fact]
    public async Task Contacts_are_searchable_through_their_customer()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2, "Contact search Co");
        var rep = await As(Who.Rep2);
        await Add(rep, customer.Id, new { name = "欧阳娜娜", mobile = "139 1234 9876" });
        var page = await Read<Page<Crm.Api.Features.Customers.CustomerSummaryDto>>(await rep.GetAsync("/api/v1/customers?q=" + Uri.EscapeDataString("欧阳")));
        Assert.Equal(customer.Id, Assert.Single(page.Items).Id);
        var byMobile = await Read<Page<Crm.Api.Features.Customers.CustomerSummaryDto>>(await rep.GetAsync("/api/v1/customers?q=13912349876"));
        Assert.Equal(customer.Id, Assert.Single(byMobile.Items).Id);
    }

    [Fact]
    public async Task Contacts_of_a_customer_out_of_scope_do_not_exist()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var other = await As(Who.Rep3);
        await Problem(await other.GetAsync($"/api/v1/customers/{customer.Id}/contacts"), HttpStatusCode.NotFound);
        await Problem(await other.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "Intruder" }, Json), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_contact_goes_with_its_customer_to_the_new_owner_and_the_old_owner_no_longer_sees_it()
    {
        // Contacts are scoped by the copy of their customer's owner they carry (decision 0014): a transfer must move it.
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "Transferred contact Co");
        var rep1 = await As(Who.Rep1);
        var contact = await Add(rep1, customer.Id, new { name = "钱经理" });
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2], reason = "Territory change" }, Json)).StatusCode);

        var rep2 = await As(Who.Rep2);
        Assert.Equal(contact.Id, Assert.Single(await All(rep2, customer.Id)).Id);
        Assert.Equal("钱经理", (await Read<ContactDto>(await rep2.GetAsync($"/api/v1/customers/{customer.Id}/contacts/{contact.Id}"))).Name);
        var listed = await Read<Page<Crm.Api.Features.Customers.CustomerSummaryDto>>(await rep2.GetAsync("/api/v1/customers?q=" + Uri.EscapeDataString("Transferred contact")));
        Assert.Equal("钱经理", Assert.Single(listed.Items).PrimaryContactName);
        await Problem(await rep1.GetAsync($"/api/v1/customers/{customer.Id}/contacts/{contact.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_contact_without_a_name_is_refused_and_nothing_is_written()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var problem = await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "", email = "nope" }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Empty(await All(rep, customer.Id));
    }
}

public sealed class ContactTestsOnSqlite(SqliteApp app) : ContactTests<SqliteApp>(app);

public sealed class ContactTestsOnSqlServer(SqlServerApp app) : ContactTests<SqlServerApp>(app);
