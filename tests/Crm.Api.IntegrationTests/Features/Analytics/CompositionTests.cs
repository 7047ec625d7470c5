using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Analytics;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// 客户构成分析 on a small portfolio of Rep3's, with the expected figures worked out by hand:
/// Special (East) 6,000 + 2,000 in 2026 and 4,000 in Oct 2025; A (East) 1,500; C (South) 500. Rep1 sold 1,000 elsewhere.
/// </summary>
public abstract class CompositionTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static readonly SemaphoreSlim Arranged = new(1, 1);
    private static readonly HashSet<CrmApp> ArrangedFor = [];
    private const string Period = "from=2026-01-01&to=2026-06-30";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Arranged.WaitAsync();
        try
        {
            if (!ArrangedFor.Add(App)) return;
            async Task Buy(Who owner, string level, string region, params (string On, decimal Amount, string Category)[] deals)
            {
                var customer = await Arrange.OwnedByAsync(App, owner, extra: new { level, region });
                var client = await As(owner);
                foreach (var (on, amount, category) in deals)
                    Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
                        new { purchasedOn = on, product = "P", category, quantity = 1, unitPrice = amount }, Json)).StatusCode);
            }
            await Buy(Who.Rep3, "Special", "East", ("2026-03-01", 6000, "Equipment"), ("2026-06-01", 2000, "Service"), ("2025-10-01", 4000, "Equipment"));
            await Buy(Who.Rep3, "A", "East", ("2026-02-01", 1500, "Parts"));
            await Buy(Who.Rep3, "C", "South", ("2026-04-01", 500, "Parts"));
            await Buy(Who.Rep1, "B", "North", ("2026-05-01", 1000, "Parts"));
        }
        finally
        {
            Arranged.Release();
        }
    }

    private async Task<CompositionDto> Composition(Who who, string by) =>
        await Read<CompositionDto>(await (await As(who)).GetAsync($"/api/v1/analytics/composition?by={by}&{Period}"));

    [Fact]
    public async Task Sales_by_level_give_share_cumulative_share_abc_class_and_change_against_the_previous_period()
    {
        var result = await Composition(Who.Rep3, "level");
        Assert.Equal(10000m, result.Total);
        Assert.Equal((new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31)), (result.PreviousFrom, result.PreviousTo));   // the six whole months before
        Assert.Equal(4000m, result.PreviousTotal);
        Assert.Equal(["Special", "A", "C"], result.Rows.Select(r => r.Key));
        Assert.Equal([80.0, 15.0, 5.0], result.Rows.Select(r => r.Share));
        Assert.Equal([80.0, 95.0, 100.0], result.Rows.Select(r => r.CumulativeShare));
        Assert.Equal(["A", "B", "C"], result.Rows.Select(r => r.AbcClass));
        var special = result.Rows[0];
        Assert.Equal(1, special.CustomerCount);
        Assert.Equal(8000m, special.AveragePerCustomer);
        Assert.Equal(4000m, special.PreviousAmount);
        Assert.Equal(100.0, special.ChangePercent);
        Assert.Null(result.Rows[1].ChangePercent);
    }

    [Fact]
    public async Task Sales_by_region_and_by_category()
    {
        var regions = await Composition(Who.Rep3, "REGION");
        Assert.Equal([("East", 9500m, 2), ("South", 500m, 1)], regions.Rows.Select(r => (r.Key, r.SalesAmount, r.CustomerCount)));
        var categories = await Composition(Who.Rep3, "category");
        // Equal amounts are listed by name.
        Assert.Equal([("Equipment", 6000m), ("Parts", 2000m), ("Service", 2000m)], categories.Rows.Select(r => (r.Key, r.SalesAmount)));
    }

    [Fact]
    public async Task A_reps_composition_covers_only_their_customers_and_an_admin_sees_everything()
    {
        Assert.Equal(10000m, (await Composition(Who.Rep3, "owner")).Total);
        var all = await Composition(Who.Admin, "owner");
        Assert.Equal(11000m, all.Total);
        Assert.Contains(all.Rows, r => r.Label == "Rep1" && r.SalesAmount == 1000m);
        Assert.Equal(1000m, (await Composition(Who.Rep1, "level")).Total);
    }

    [Theory]
    [InlineData("by=colour")]
    [InlineData("by=level&from=2026-06-01&to=2026-01-01")]
    public async Task Bad_composition_requests_are_bad_requests(string query) =>
        await Problem(await (await As(Who.Admin)).GetAsync("/api/v1/analytics/composition?" + query), HttpStatusCode.BadRequest);
}

public sealed class CompositionTestsOnSqlite(SqliteApp app) : CompositionTests<SqliteApp>(app);

public sealed class CompositionTestsOnSqlServer(SqlServerApp app) : CompositionTests<SqlServerApp>(app);
