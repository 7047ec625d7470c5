using System.Net;
using System.Net.Http.Json;
using Crm.Api.Domain;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Purchases;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// The month rows behind sales by period (CustomerMonthSales) follow every write that changes a customer's sales or
/// the fields they are grouped by. Each test uses its own year, read as whole months, so the composition reads
/// nothing but the month rows and would show a missed maintenance.
/// </summary>
public abstract class SalesByMonthTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private Task<PurchaseDto> Buy(Who who, Guid customerId, string on, decimal amount, string category = "Parts") =>
        Arrange.PurchaseAsync(App, who, customerId, on, amount, category);

    private List<(string Month, string Category, decimal Amount, int Purchases)> Rows(Guid customerId) =>
        App.WithDb(db => db.CustomerMonthSales.IgnoreQueryFilters().Where(s => s.CustomerId == customerId).ToList())
            .OrderBy(s => s.Month).ThenBy(s => s.Category, StringComparer.Ordinal)
            .Select(s => ($"{s.Month:yyyy-MM}", s.Category, s.Amount, s.Purchases)).ToList();

    private async Task<CompositionDto> Composition(Who who, string by, int year) =>
        await Read<CompositionDto>(await (await As(who)).GetAsync($"/api/v1/analytics/composition?by={by}&from={year}-01-01&to={year}-12-31"));

    [Fact]
    public async Task A_purchase_adds_to_its_customers_month_and_category_and_a_correction_or_deletion_moves_it_out_again()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var first = await Buy(Who.Rep1, customer.Id, "2021-03-05", 100);
        await Buy(Who.Rep1, customer.Id, "2021-03-20", 50);
        await Buy(Who.Rep1, customer.Id, "2021-03-21", 30, "Service");
        Assert.Equal([("2021-03", "Parts", 150m, 2), ("2021-03", "Service", 30m, 1)], Rows(customer.Id));

        var rep = await As(Who.Rep1);
        var corrected = await Read<PurchaseDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/purchases/{first.Id}", $"\"{first.Version}\"",
            new { purchasedOn = "2021-04-02", product = "P", category = "Parts", quantity = 2, unitPrice = 100 })));
        Assert.Equal([("2021-03", "Parts", 50m, 1), ("2021-03", "Service", 30m, 1), ("2021-04", "Parts", 200m, 1)], Rows(customer.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{corrected.Id}", $"\"{corrected.Version}\""))).StatusCode);
        Assert.Equal([("2021-03", "Parts", 50m, 1), ("2021-03", "Service", 30m, 1)], Rows(customer.Id));
        Assert.Equal(80m, (await Composition(Who.Rep1, "category", 2021)).Total);
    }

    [Fact]
    public async Task A_merge_moves_the_duplicates_sales_to_the_survivor_and_its_level()
    {
        var survivor = await Arrange.OwnedByAsync(App, Who.Rep3, extra: new { level = "Special" });
        var duplicate = await Arrange.OwnedByAsync(App, Who.Rep3, extra: new { level = "C" });
        await Buy(Who.Rep3, survivor.Id, "2022-05-10", 1000);
        await Buy(Who.Rep3, duplicate.Id, "2022-06-10", 400);
        Assert.Equal([("Special", 1000m, 1), ("C", 400m, 1)], (await Composition(Who.Rep3, "level", 2022)).Rows.Select(r => (r.Key, r.SalesAmount, r.CustomerCount)));

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Rep3)).PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = duplicate.Id }, Json)).StatusCode);

        Assert.Empty(Rows(duplicate.Id));
        Assert.Equal([("2022-05", "Parts", 1000m, 1), ("2022-06", "Parts", 400m, 1)], Rows(survivor.Id));
        Assert.Equal([("Special", 1400m, 1)], (await Composition(Who.Rep3, "level", 2022)).Rows.Select(r => (r.Key, r.SalesAmount, r.CustomerCount)));
    }

    [Fact]
    public async Task Changing_a_customers_level_region_or_industry_moves_its_past_sales_with_it()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2, extra: new { level = "C", region = "North", industry = "Retail" });
        await Buy(Who.Rep2, customer.Id, "2023-02-14", 700);
        Assert.Equal("C", Assert.Single((await Composition(Who.Rep2, "level", 2023)).Rows).Key);

        var rep = await As(Who.Rep2);
        var current = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{customer.Id}"));   // the purchase made it active
        var response = await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", $"\"{current.Version}\"",
            Arrange.UpdateBody(current, b => (b["level"], b["region"], b["industry"]) = ("A", "West", "Energy"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(("A", 700m), (await Composition(Who.Rep2, "level", 2023)).Rows.Select(r => (r.Key, r.SalesAmount)).Single());
        Assert.Equal("West", Assert.Single((await Composition(Who.Rep2, "region", 2023)).Rows).Key);
        Assert.Equal("Energy", Assert.Single((await Composition(Who.Rep2, "industry", 2023)).Rows).Key);
    }

    [Fact]
    public async Task A_transfer_takes_the_customers_sales_out_of_the_old_owners_scope_and_into_the_new_ones()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        await Buy(Who.Rep1, customer.Id, "2024-09-09", 900);
        Assert.Equal(900m, (await Composition(Who.Rep1, "owner", 2024)).Total);

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2], reason = "Territory change" }, Json)).StatusCode);

        Assert.Equal(0m, (await Composition(Who.Rep1, "owner", 2024)).Total);
        var rep2 = await Composition(Who.Rep2, "owner", 2024);
        Assert.Equal((App.UserIds[Who.Rep2].ToString(), 900m), rep2.Rows.Select(r => (r.Key, r.SalesAmount)).Single());
    }

    [Fact]
    public async Task A_period_that_starts_or_ends_inside_a_month_counts_only_its_own_days_and_each_customer_once()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep3, extra: new { level = "B" });
        await Buy(Who.Rep3, customer.Id, "2020-01-10", 10);
        await Buy(Who.Rep3, customer.Id, "2020-01-20", 20);
        await Buy(Who.Rep3, customer.Id, "2020-02-15", 40);
        await Buy(Who.Rep3, customer.Id, "2020-03-05", 80);
        await Buy(Who.Rep3, customer.Id, "2020-03-25", 160);

        var result = await Read<CompositionDto>(await (await As(Who.Rep3)).GetAsync("/api/v1/analytics/composition?by=level&from=2020-01-15&to=2020-03-10"));
        Assert.Equal(("B", 140m, 1), result.Rows.Select(r => (r.Key, r.SalesAmount, r.CustomerCount)).Single());
    }
}

public sealed class SalesByMonthTestsOnSqlite(SqliteApp app) : SalesByMonthTests<SqliteApp>(app);

public sealed class SalesByMonthTestsOnSqlServer(SqlServerApp app) : SalesByMonthTests<SqlServerApp>(app);
