using System.Net;
using System.Net.Http.Json;
using Crm.Api.Domain;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Purchases;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// A period of whole months reads the composition cells kept on write; any other period reads the month rows and the
/// purchases. Both must give the same groups, sales and customers, a customer counted once per group however many of
/// the period's months it bought in, and the cells kept on write must be the cells the month rows give.
/// </summary>
public abstract class CompositionCellsTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private Task<PurchaseDto> Buy(Who who, Guid customerId, string on, decimal amount, string category = "Parts") =>
        Arrange.PurchaseAsync(App, who, customerId, on, amount, category);

    private async Task<List<(string Key, decimal Sales, int Customers)>> Groups(Who who, string by, string from, string to) =>
        (await Read<CompositionDto>(await (await As(who)).GetAsync($"/api/v1/analytics/composition?by={by}&from={from}&to={to}")))
        .Rows.Select(r => (r.Key, r.SalesAmount, r.CustomerCount)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task A_customer_counts_once_per_group_in_a_period_of_whole_months_however_many_of_its_months_it_bought_in()
    {
        // X bought in January (before the period), March and May; Y in December of the year before and in February;
        // Z once, in April. Nobody bought on the last day of a month, so the period read up to the 30th of May (month
        // rows and purchases) must give what the whole months February to May (cells) give.
        var x = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "B", region = "East", industry = "Retail" });
        var y = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "B", region = "West", industry = "Retail" });
        var z = await Arrange.OwnedByAsync(App, Who.Rep2, extra: new { level = "A", region = "East" });
        await Buy(Who.Rep1, x.Id, "2018-01-10", 5);
        await Buy(Who.Rep1, x.Id, "2018-03-03", 100);
        await Buy(Who.Rep1, x.Id, "2018-03-09", 30, "Service");
        await Buy(Who.Rep1, x.Id, "2018-05-20", 50);
        await Buy(Who.Rep1, y.Id, "2017-12-05", 7);
        await Buy(Who.Rep1, y.Id, "2018-02-14", 70);
        await Buy(Who.Rep2, z.Id, "2018-04-02", 40, "Service");

        Assert.Equal([("B", 250m, 2)], await Groups(Who.Rep1, "level", "2018-02-01", "2018-05-31"));
        Assert.Equal([("Parts", 220m, 2), ("Service", 30m, 1)], await Groups(Who.Rep1, "category", "2018-02-01", "2018-05-31"));
        Assert.Equal([("A", 40m, 1), ("B", 250m, 2)], await Groups(Who.Admin, "level", "2018-02-01", "2018-05-31"));
        Assert.Equal([("Parts", 220m, 2), ("Service", 70m, 2)], await Groups(Who.Admin, "category", "2018-02-01", "2018-05-31"));
        Assert.Equal([("", 40m, 1), ("Retail", 250m, 2)], await Groups(Who.Admin, "industry", "2018-02-01", "2018-05-31"));
        Assert.Equal([("B", 255m, 2)], await Groups(Who.Rep1, "level", "2018-01-01", "2018-12-31"));

        foreach (var who in new[] { Who.Rep1, Who.ManagerA, Who.Admin })
            foreach (var by in new[] { "level", "category", "region", "owner", "industry" })
                Assert.Equal(await Groups(who, by, "2018-02-01", "2018-05-30"), await Groups(who, by, "2018-02-01", "2018-05-31"));
    }

    [Fact]
    public async Task The_cells_kept_on_write_are_the_cells_the_month_rows_give_after_corrections_deletions_transfers_edits_and_merges()
    {
        var first = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "C", region = "North", industry = "Energy" });
        var second = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "A" });
        await Buy(Who.Rep1, first.Id, "2016-01-15", 10);
        var middle = await Buy(Who.Rep1, first.Id, "2016-03-15", 20);
        await Buy(Who.Rep1, first.Id, "2016-03-16", 25, "Service");
        await Buy(Who.Rep1, first.Id, "2016-06-15", 40);
        var moved = await Buy(Who.Rep1, second.Id, "2016-02-10", 60);
        await Buy(Who.Rep1, second.Id, "2016-06-01", 80, "Service");
        var rep = await As(Who.Rep1);

        // A purchase corrected into another month and category, and one deleted from the middle of a run of months,
        // change the month the next month's customers last bought in.
        await Read<PurchaseDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/purchases/{moved.Id}", $"\"{moved.Version}\"",
            new { purchasedOn = "2016-04-10", product = "P", category = "Service", quantity = 1, unitPrice = 65 })));
        Assert.Equal(HttpStatusCode.NoContent, (await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{middle.Id}", $"\"{middle.Version}\""))).StatusCode);
        Assert.Equal(CellsKept(), CellsGiven());

        var current = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{first.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{first.Id}", $"\"{current.Version}\"",
            Arrange.UpdateBody(current, b => (b["level"], b["region"]) = ("B", "South"))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{second.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2], reason = "Territory change" }, Json)).StatusCode);
        Assert.Equal(CellsKept(), CellsGiven());

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{first.Id}/merge", new { duplicateId = second.Id }, Json)).StatusCode);
        Assert.Equal(CellsKept(), CellsGiven());
        Assert.Equal([("B", 220m, 1)], await Groups(Who.Admin, "level", "2016-01-01", "2016-12-31"));
        Assert.Equal([("Parts", 50m, 1), ("Service", 170m, 1)], await Groups(Who.Admin, "category", "2016-01-01", "2016-12-31"));
    }

    [Fact]
    public async Task A_period_of_whole_months_is_compared_with_as_many_whole_months_before_it_and_any_other_with_as_many_days()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2, extra: new { level = "C" });
        await Buy(Who.Rep2, customer.Id, "2012-01-01", 11);   // 365 days before 2013 start on 2 January 2012: 2012 had 366
        await Buy(Who.Rep2, customer.Id, "2013-01-30", 22);   // in January, not in February
        await Buy(Who.Rep2, customer.Id, "2013-03-10", 33);
        var rep = await As(Who.Rep2);
        async Task<(DateOnly, DateOnly, decimal)> Previous(string period)
        {
            var result = await Read<CompositionDto>(await rep.GetAsync($"/api/v1/analytics/composition?by=level&{period}"));
            return (result.PreviousFrom, result.PreviousTo, result.PreviousTotal);
        }

        Assert.Equal((new DateOnly(2012, 1, 1), new DateOnly(2012, 12, 31), 11m), await Previous("from=2013-01-01&to=2013-12-31"));
        Assert.Equal((new DateOnly(2013, 2, 1), new DateOnly(2013, 2, 28), 0m), await Previous("from=2013-03-01&to=2013-03-31"));
        Assert.Equal((new DateOnly(2013, 1, 30), new DateOnly(2013, 2, 28), 22m), await Previous("from=2013-03-01&to=2013-03-30"));   // 30 days, 30 days before
    }

    [Fact]
    public async Task By_default_the_period_is_this_year_in_whole_months_to_the_end_of_this_one()
    {
        // The tests' clock stands at 18 November 2026.
        var customer = await Arrange.OwnedByAsync(App, Who.Rep3, extra: new { level = "Special" });
        await Buy(Who.Rep3, customer.Id, "2026-11-18", 500);
        await Buy(Who.Rep3, customer.Id, "2026-01-05", 100);
        await Buy(Who.Rep3, customer.Id, "2025-12-31", 70);
        await Buy(Who.Rep3, customer.Id, "2025-01-31", 9);

        var result = await Read<CompositionDto>(await (await As(Who.Rep3)).GetAsync("/api/v1/analytics/composition?by=level"));

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30)), (result.From, result.To));
        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2025, 12, 31)), (result.PreviousFrom, result.PreviousTo));
        Assert.Equal([("Special", 600m, 1)], result.Rows.Select(r => (r.Key, r.SalesAmount, r.CustomerCount)));
        Assert.Equal(70m, result.PreviousTotal);
    }

    private List<string> CellsKept() => App.WithDb(db => db.CompositionCells.IgnoreQueryFilters().AsNoTracking().ToList()).Select(Text).Order(StringComparer.Ordinal).ToList();

    /// <summary>The cells computed afresh from the month rows, by the statement the migration fills the table with.</summary>
    private List<string> CellsGiven() => App.WithDb(db =>
    {
        using var transaction = db.Database.BeginTransaction();
        db.CompositionCells.IgnoreQueryFilters().ExecuteDelete();
        db.Database.ExecuteSqlRaw(CompositionCells.FillSql(sqlServer: db.Database.ProviderName!.Contains("SqlServer")));
        var cells = db.CompositionCells.IgnoreQueryFilters().AsNoTracking().ToList();
        transaction.Rollback();
        return cells;
    }).Select(Text).Order(StringComparer.Ordinal).ToList();

    private static string Text(CompositionCell c) => $"{c.Dimension} {c.OwnerId} {c.Month:yyyy-MM} {c.Key} {c.PreviousMonth:yyyy-MM} {c.Amount:0.00} {c.Customers}";
}

public sealed class CompositionCellsTestsOnSqlite(SqliteApp app) : CompositionCellsTests<SqliteApp>(app);

public sealed class CompositionCellsTestsOnSqlServer(SqlServerApp app) : CompositionCellsTests<SqlServerApp>(app);
