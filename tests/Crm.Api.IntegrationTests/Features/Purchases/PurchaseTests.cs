using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Features.Purchases;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Purchases;

public abstract class PurchaseTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static object Deal(string on, decimal quantity = 2, decimal unitPrice = 1234.5m, string category = "Equipment") =>
        new { purchasedOn = on, product = "Pump P-200", category, quantity, unitPrice, listUnitPrice = 1300m, currency = "cny" };

    [Fact]
    public async Task The_amount_is_computed_from_quantity_and_unit_price()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var purchase = await Read<PurchaseDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases", Deal("2026-11-01", 3, 19.995m), Json), HttpStatusCode.Created);
        Assert.Equal(59.99m, purchase.Amount);
        Assert.Equal("CNY", purchase.Currency);
        Assert.Equal(customer.Name, purchase.CustomerName);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 10)]
    [InlineData(1, -5)]
    public async Task Non_positive_quantities_and_negative_prices_are_refused_and_nothing_is_written(decimal quantity, decimal unitPrice)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases", Deal("2026-11-01", quantity, unitPrice), Json), HttpStatusCode.BadRequest);
        Assert.Empty((await Read<Page<PurchaseDto>>(await rep.GetAsync($"/api/v1/customers/{customer.Id}/purchases"))).Items);
        Assert.Equal(Crm.Api.Domain.Lifecycle.Prospect, (await Read<Crm.Api.Features.Customers.CustomerDto>(await rep.GetAsync($"/api/v1/customers/{customer.Id}"))).Lifecycle);
    }

    [Fact]
    public async Task A_purchase_dated_in_the_future_is_refused()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var problem = await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases", Deal("2027-06-01"), Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("purchasedOn", out _));
    }

    [Fact]
    public async Task The_purchase_list_filters_by_date_range_category_and_owner_newest_first()
    {
        var mine = await Arrange.OwnedByAsync(App, Who.Rep2);
        var rep = await As(Who.Rep2);
        foreach (var (on, category) in new[] { ("2026-01-15", "Parts"), ("2026-03-01", "Service"), ("2026-05-20", "Parts"), ("2025-12-31", "Parts") })
            await Read<PurchaseDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{mine.Id}/purchases", Deal(on, category: category), Json), HttpStatusCode.Created);

        var page = await Read<Page<PurchaseDto>>(await rep.GetAsync($"/api/v1/purchases?from=2026-01-01&to=2026-12-31&category=Parts&ownerId={App.UserIds[Who.Rep2]}"));
        Assert.Equal([new DateOnly(2026, 5, 20), new DateOnly(2026, 1, 15)], page.Items.Select(p => p.PurchasedOn));

        var paged = await Read<Page<PurchaseDto>>(await rep.GetAsync($"/api/v1/customers/{mine.Id}/purchases?limit=3"));
        Assert.Equal(3, paged.Items.Count);
        var rest = await Read<Page<PurchaseDto>>(await rep.GetAsync($"/api/v1/customers/{mine.Id}/purchases?limit=3&cursor={paged.NextCursor}"));
        Assert.Equal(new DateOnly(2025, 12, 31), Assert.Single(rest.Items).PurchasedOn);
        Assert.Null(rest.NextCursor);
    }

    [Fact]
    public async Task Other_reps_purchases_are_invisible()
    {
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3);
        var owner = await As(Who.Rep3);
        var purchase = await Read<PurchaseDto>(await owner.PostAsJsonAsync($"/api/v1/customers/{theirs.Id}/purchases", Deal("2026-10-01"), Json), HttpStatusCode.Created);
        var rep1 = await As(Who.Rep1);
        await Problem(await rep1.GetAsync($"/api/v1/purchases/{purchase.Id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Read<Page<PurchaseDto>>(await rep1.GetAsync("/api/v1/purchases?limit=200"))).Items, p => p.Id == purchase.Id);
    }

    [Fact]
    public async Task Correcting_and_deleting_a_purchase_need_the_current_version()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var purchase = await Read<PurchaseDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases", Deal("2026-11-01"), Json), HttpStatusCode.Created);

        var corrected = await Read<PurchaseDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/purchases/{purchase.Id}", "\"1\"", Deal("2026-11-02", 10, 100))));
        Assert.Equal(1000m, corrected.Amount);
        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{purchase.Id}", "\"1\"")), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{purchase.Id}", "\"2\""))).StatusCode);
        await Problem(await rep.GetAsync($"/api/v1/purchases/{purchase.Id}"), HttpStatusCode.NotFound);
    }
}

public sealed class PurchaseTestsOnSqlite(SqliteApp app) : PurchaseTests<SqliteApp>(app);

public sealed class PurchaseTestsOnSqlServer(SqlServerApp app) : PurchaseTests<SqlServerApp>(app);
