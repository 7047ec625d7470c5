using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Customers;

/// <summary>
/// Who may do what to a customer of Rep1's (team A), for every customer endpoint. A Rep sees and changes only
/// their customers, a Manager their team's, Admin all; Service and Analyst read all but change nothing; API keys
/// act by scope. Out of scope is 404, not allowed is 403, anonymous is 401.
/// </summary>
public abstract class CustomerAccessMatrixTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private const int Ok = 200, Created = 201, NoContent = 204, Bad = 400, Unauthorized = 401, Forbidden = 403, NotFound = 404;

    public static TheoryData<string, Who, int> Matrix()
    {
        var data = new TheoryData<string, Who, int>();
        void Row(string endpoint, params (Who Who, int Status)[] cells)
        {
            foreach (var (who, status) in cells) data.Add(endpoint, who, status);
        }
        var read = new (Who, int)[] { (Who.Admin, Ok), (Who.ManagerA, Ok), (Who.ManagerB, NotFound), (Who.Rep1, Ok), (Who.Rep3, NotFound), (Who.Service, Ok), (Who.Analyst, Ok), (Who.ReadKey, Ok), (Who.WriteKey, Ok), (Who.Anonymous, Unauthorized) };
        Row("GetCustomer", read);
        Row("ListContacts", read);
        Row("GetContact", read);
        Row("ListCustomerPurchases", read);
        Row("GetPurchase", read);
        var everyone = new (Who, int)[] { (Who.Admin, Ok), (Who.ManagerA, Ok), (Who.ManagerB, Ok), (Who.Rep1, Ok), (Who.Rep3, Ok), (Who.Service, Ok), (Who.Analyst, Ok), (Who.ReadKey, Ok), (Who.WriteKey, Ok), (Who.Anonymous, Unauthorized) };
        Row("ListCustomers", everyone);
        Row("ListPurchases", everyone);
        var write = new (Who, int)[] { (Who.Admin, Ok), (Who.ManagerA, Ok), (Who.ManagerB, NotFound), (Who.Rep1, Ok), (Who.Rep3, NotFound), (Who.Service, Forbidden), (Who.Analyst, Forbidden), (Who.ReadKey, Forbidden), (Who.WriteKey, Ok), (Who.Anonymous, Unauthorized) };
        Row("UpdateCustomer", write);
        Row("ArchiveCustomer", write);
        Row("RestoreCustomer", write);
        Row("UpdateContact", write);
        Row("CorrectPurchase", write);
        Row("DeleteContact", write.Select(c => c.Item2 == Ok ? (c.Item1, NoContent) : c).ToArray());
        Row("DeletePurchase", write.Select(c => c.Item2 == Ok ? (c.Item1, NoContent) : c).ToArray());
        Row("AddContact", write.Select(c => c.Item2 == Ok ? (c.Item1, Created) : c).ToArray());
        Row("RecordPurchase", write.Select(c => c.Item2 == Ok ? (c.Item1, Created) : c).ToArray());
        Row("CreateCustomerForRep1", (Who.Admin, Created), (Who.ManagerA, Created), (Who.ManagerB, Bad), (Who.Rep1, Created), (Who.Rep3, Bad), (Who.Service, Forbidden), (Who.Analyst, Forbidden), (Who.ReadKey, Forbidden), (Who.WriteKey, Created), (Who.Anonymous, Unauthorized));
        Row("TransferToRep2", (Who.Admin, Ok), (Who.ManagerA, Ok), (Who.ManagerB, NotFound), (Who.Rep1, Forbidden), (Who.Rep3, Forbidden), (Who.Service, Forbidden), (Who.Analyst, Forbidden), (Who.ReadKey, Forbidden), (Who.WriteKey, Ok), (Who.Anonymous, Unauthorized));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_exactly_the_access_their_role_and_scope_allow(string endpoint, Who who, int expected)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var admin = await As(Who.Admin);
        var url = $"/api/v1/customers/{customer.Id}";
        var contact = await Read<Crm.Api.Features.Contacts.ContactDto>(await admin.PostAsJsonAsync(url + "/contacts", new { name = "联系人" }, Json), System.Net.HttpStatusCode.Created);
        var purchase = await Read<Crm.Api.Features.Purchases.PurchaseDto>(await admin.PostAsJsonAsync(url + "/purchases",
            new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json), System.Net.HttpStatusCode.Created);
        if (endpoint == "RestoreCustomer") await Read<CustomerDto>(await admin.PostAsync(url + "/archive", null));
        customer = await Read<CustomerDto>(await admin.GetAsync(url));
        var client = await As(who);
        var response = endpoint switch
        {
            "ListCustomers" => await client.GetAsync("/api/v1/customers"),
            "ListPurchases" => await client.GetAsync("/api/v1/purchases"),
            "GetContact" => await client.GetAsync($"{url}/contacts/{contact.Id}"),
            "GetPurchase" => await client.GetAsync($"/api/v1/purchases/{purchase.Id}"),
            "RestoreCustomer" => await client.PostAsync(url + "/restore", null),
            "UpdateContact" => await client.SendAsync(WithIfMatch(HttpMethod.Put, $"{url}/contacts/{contact.Id}", "\"1\"", new { name = "改名", isPrimary = true })),
            "DeleteContact" => await client.SendAsync(WithIfMatch(HttpMethod.Delete, $"{url}/contacts/{contact.Id}", "\"1\"")),
            "CorrectPurchase" => await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/purchases/{purchase.Id}", "\"1\"",
                new { purchasedOn = "2026-11-02", product = "P", category = "C", quantity = 2, unitPrice = 1 })),
            "DeletePurchase" => await client.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{purchase.Id}", "\"1\"")),
            "GetCustomer" => await client.GetAsync(url),
            "ListContacts" => await client.GetAsync(url + "/contacts"),
            "ListCustomerPurchases" => await client.GetAsync(url + "/purchases"),
            "UpdateCustomer" => await client.SendAsync(WithIfMatch(HttpMethod.Put, url, $"\"{customer.Version}\"", Arrange.UpdateBody(customer, b => b["name"] = "Changed"))),
            "ArchiveCustomer" => await client.PostAsync(url + "/archive", null),
            "AddContact" => await client.PostAsJsonAsync(url + "/contacts", new { name = "联系人" }, Json),
            "RecordPurchase" => await client.PostAsJsonAsync(url + "/purchases", new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json),
            "CreateCustomerForRep1" => await client.PostAsJsonAsync("/api/v1/customers", new { name = "New", kind = "Company", ownerId = App.UserIds[Who.Rep1] }, Json),
            "TransferToRep2" => await client.PostAsJsonAsync(url + "/transfer", new { newOwnerId = App.UserIds[Who.Rep2] }, Json),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{who} {endpoint}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // A refused change leaves the customer exactly as it was.
        if (expected >= 400 && endpoint is "UpdateCustomer" or "ArchiveCustomer" or "RestoreCustomer" or "TransferToRep2")
        {
            var after = await Read<CustomerDto>(await admin.GetAsync(url));
            Assert.Equal(customer.Version, after.Version);
            Assert.Equal(customer.OwnerId, after.OwnerId);
        }
    }

    [Theory]
    [InlineData(Who.Rep1, true, false)]
    [InlineData(Who.Rep3, false, true)]
    [InlineData(Who.ManagerA, true, false)]
    [InlineData(Who.ManagerB, false, true)]
    [InlineData(Who.Service, true, true)]
    [InlineData(Who.Analyst, true, true)]
    [InlineData(Who.Admin, true, true)]
    [InlineData(Who.ReadKey, true, true)]
    public async Task Lists_contain_only_customers_in_the_callers_scope(Who who, bool seesRep1s, bool seesRep3s)
    {
        var rep1s = await Arrange.OwnedByAsync(App, Who.Rep1, "Scope probe " + Guid.NewGuid().ToString("N")[..6]);
        var rep3s = await Arrange.OwnedByAsync(App, Who.Rep3, "Scope probe " + Guid.NewGuid().ToString("N")[..6]);
        var page = await Read<Page<CustomerSummaryDto>>(await (await As(who)).GetAsync("/api/v1/customers?q=scope&limit=200"));
        Assert.Equal(seesRep1s, page.Items.Any(c => c.Id == rep1s.Id));
        Assert.Equal(seesRep3s, page.Items.Any(c => c.Id == rep3s.Id));
    }
}

public sealed class CustomerAccessMatrixTestsOnSqlite(SqliteApp app) : CustomerAccessMatrixTests<SqliteApp>(app);

public sealed class CustomerAccessMatrixTestsOnSqlServer(SqlServerApp app) : CustomerAccessMatrixTests<SqlServerApp>(app);
