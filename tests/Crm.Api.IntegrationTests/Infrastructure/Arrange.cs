using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Purchases;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>Shortcuts for arranging customers through the API.</summary>
public static class Arrange
{
    public static async Task<CustomerDto> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", body, CrmApp.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating a customer failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<CustomerDto>(text, CrmApp.Json)!;
    }

    /// <summary>A request creating the company <paramref name="name"/> under the Idempotency-Key <paramref name="key"/>.</summary>
    public static HttpRequestMessage CustomerCreateWithKey(string key, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(new { name, kind = "Company" }, options: CrmApp.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>A customer owned by <paramref name="owner"/>, created by the admin.</summary>
    public static async Task<CustomerDto> OwnedByAsync(CrmApp app, Who owner, string? name = null, object? extra = null)
    {
        var admin = await app.As(Who.Admin);
        var body = new Dictionary<string, object?>
        {
            ["name"] = name ?? $"客户 {Guid.NewGuid():N}"[..12],
            ["kind"] = "Company",
            ["ownerId"] = app.UserIds[owner],
        };
        if (extra is not null)
            foreach (var property in extra.GetType().GetProperties()) body[property.Name] = property.GetValue(extra);
        return await CreateAsync(admin, body);
    }

    /// <summary>One purchase of <paramref name="amount"/> in <paramref name="category"/> on <paramref name="on"/>, recorded by <paramref name="who"/>.</summary>
    public static async Task<PurchaseDto> PurchaseAsync(CrmApp app, Who who, Guid customerId, string on, decimal amount, string category = "Parts")
    {
        var response = await (await app.As(who)).PostAsJsonAsync($"/api/v1/customers/{customerId}/purchases",
            new { purchasedOn = on, product = "P", category, quantity = 1, unitPrice = amount }, CrmApp.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Recording a purchase failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<PurchaseDto>(text, CrmApp.Json)!;
    }

    /// <summary>A customer of <paramref name="owner"/> with one purchase of <paramref name="price"/> on each of <paramref name="dates"/>, recorded by the owner.</summary>
    public static async Task<Guid> CustomerWithPurchasesAsync(CrmApp app, Who owner, decimal price, params string[] dates)
    {
        var customer = await OwnedByAsync(app, owner);
        var client = await app.As(owner);
        foreach (var on in dates)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
                new { purchasedOn = on, product = "P", category = "C", quantity = 1, unitPrice = price }, CrmApp.Json)).StatusCode);
        return customer.Id;
    }

    /// <summary>The body of an update that keeps everything as it is, with the given changes on top.</summary>
    public static Dictionary<string, object?> UpdateBody(CustomerDto c, Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = c.Name, ["code"] = c.Code, ["kind"] = c.Kind, ["enterpriseType"] = c.EnterpriseType, ["industry"] = c.Industry,
            ["region"] = c.Region, ["isKeyAccount"] = c.IsKeyAccount, ["level"] = c.Level, ["creditRating"] = c.CreditRating,
            ["isAlerted"] = c.IsAlerted, ["alertReason"] = c.AlertReason, ["phone"] = c.Phone, ["email"] = c.Email,
            ["origin"] = c.Origin, ["chainPosition"] = c.ChainPosition, ["leadSource"] = c.LeadSource, ["tags"] = c.Tags,
        };
        change?.Invoke(body);
        return body;
    }
}
