using System.Net;
using System.Net.Http.Json;
using Crm.Api.Domain;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.DataExchange;
using Crm.Api.IntegrationTests.Features.Integration;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// The dashboard's tier mix, the size of the portfolio its loyalty stages are shares of, and the number of key accounts
/// visit compliance is counted over come from counts per owner, lifecycle, tier and level kept on write. They must be
/// the counts the customers give after every kind of change to a customer's owner, lifecycle, tier or level, and a
/// caller must see only its scope's.
/// </summary>
public abstract class PortfolioCountsTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task The_counts_kept_on_write_are_the_counts_the_customers_give_after_tier_moves_level_changes_archives_restores_transfers_merges_and_imports()
    {
        // 1,500 points (1 per 100 of sales) reach Silver; a smaller purchase leaves its customer a Member.
        var silver = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 150_000, "2026-11-01");
        var member = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 1_000, "2026-10-01");
        var prospect = await Arrange.OwnedByAsync(App, Who.Rep1);
        var duplicate = await Arrange.OwnedByAsync(App, Who.Rep2);
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep1]} Active Silver C 1", CountsKept());

        // An active customer moving up a tier changes its tier alone.
        await Arrange.PurchaseAsync(App, Who.Rep1, member, "2026-11-10", 150_000);
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep1]} Active Silver C 2", CountsKept());

        // A change of level alone moves the customer to that level's count.
        var rep1 = await As(Who.Rep1);
        var current = await Read<Crm.Api.Features.Customers.CustomerDto>(await rep1.GetAsync($"/api/v1/customers/{silver}"));
        Assert.Equal(HttpStatusCode.OK, (await rep1.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{silver}", $"\"{current.Version}\"",
            Arrange.UpdateBody(current, b => (b["level"], b["isKeyAccount"]) = ("Special", true))))).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep1]} Active Silver Special 1", CountsKept());

        Assert.Equal(HttpStatusCode.OK, (await rep1.PostAsync($"/api/v1/customers/{prospect.Id}/archive", null)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Equal(HttpStatusCode.OK, (await rep1.PostAsync($"/api/v1/customers/{prospect.Id}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{member}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2], reason = "Territory change" }, Json)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{prospect.Id}/merge", new { duplicateId = duplicate.Id }, Json)).StatusCode);
        var job = await ImportArrange.RunAsync(App, await As(Who.ManagerA), "customers", "code,name,level,ownerEmail\nPC-1,计数一,B,rep2@test.crm\nPC-2,计数二,A,rep1@test.crm\n");
        Assert.Equal((ImportStatus.Succeeded, 2), (job.Status, job.Created));
        Assert.Equal(CountsGiven(), CountsKept());

        // No use case deletes a customer, but a save that does takes it out of its count.
        var removed = await Arrange.OwnedByAsync(App, Who.Rep2);
        App.WithDb(db => { db.Customers.IgnoreQueryFilters().Where(c => c.Id == removed.Id).ToList().ForEach(c => db.Customers.Remove(c)); return db.SaveChanges(); });
        Assert.Equal(CountsGiven(), CountsKept());

        // A batch with an invalid row writes nothing, its counts included.
        var before = CountsKept();
        var failed = await ImportArrange.RunAsync(App, rep1, "customers", "code,name,level\nPC-3,计数三,A\nPC-4,,A\n");
        Assert.Equal((ImportStatus.CompletedWithErrors, 0), (failed.Status, failed.Created));
        Assert.Equal(before, CountsKept());
    }

    [Fact]
    public async Task Migrating_an_existing_database_counts_the_customers_it_has()
    {
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 1_000, "2026-11-06");
        await Arrange.OwnedByAsync(App, Who.Rep3);
        var kept = CountsKept();

        await App.MigrateDownAndUpAgainAsync("PortfolioCounts");

        Assert.Equal(kept, CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep3]} Prospect  C 1", kept);
    }

    private List<string> CountsKept() => App.WithDb(db => db.PortfolioCounts.IgnoreQueryFilters().AsNoTracking().Where(c => c.Customers != 0).ToList())
        .Select(Text).Order(StringComparer.Ordinal).ToList();

    /// <summary>The counts computed afresh from the customers, by the statement the migration fills the table with.</summary>
    private List<string> CountsGiven() => App.WithDb(db =>
    {
        using var transaction = db.Database.BeginTransaction();
        db.PortfolioCounts.IgnoreQueryFilters().ExecuteDelete();
        db.Database.ExecuteSqlRaw(PortfolioCounts.FillSql(sqlServer: db.Database.ProviderName!.Contains("SqlServer")));
        var counts = db.PortfolioCounts.IgnoreQueryFilters().AsNoTracking().ToList();
        transaction.Rollback();
        return counts;
    }).Select(Text).Order(StringComparer.Ordinal).ToList();

    private static string Text(PortfolioCount c) => $"{c.OwnerId} {c.Lifecycle} {c.Tier} {c.Level} {c.Customers}";
}

public sealed class PortfolioCountsTestsOnSqlite(SqliteApp app) : PortfolioCountsTests<SqliteApp>(app);

public sealed class PortfolioCountsTestsOnSqlServer(SqlServerApp app) : PortfolioCountsTests<SqlServerApp>(app);

/// <summary>The dashboard's tier mix, in a database of its own: the test above adds tiered customers to the whole base.</summary>
public abstract class DashboardTierMixTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task The_dashboard_shows_the_tiers_of_the_callers_customers_that_are_not_archived()
    {
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 150_000, "2026-11-02");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 1_000, "2026-11-03");
        var archived = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 2_000, "2026-11-04");
        await Arrange.OwnedByAsync(App, Who.Rep3);   // no purchase: no tier
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep2, 3_000, "2026-11-05");
        var rep3 = await As(Who.Rep3);
        Assert.Equal(HttpStatusCode.OK, (await rep3.PostAsync($"/api/v1/customers/{archived}/archive", null)).StatusCode);

        var mine = await Read<DashboardDto>(await rep3.GetAsync("/api/v1/dashboard"));
        Assert.Equal([("Member", 1), ("Silver", 1)], mine.TierMix.Select(t => (t.Key, t.Count)).OrderBy(t => t.Key));
        Assert.Equal(3, mine.LoyaltyStages.Sum(s => s.Customers));   // the tierless prospect is in the portfolio
        var teamA = await Read<DashboardDto>(await (await As(Who.ManagerA)).GetAsync("/api/v1/dashboard"));
        Assert.Equal([("Member", 1)], teamA.TierMix.Select(t => (t.Key, t.Count)));
        var all = await Read<DashboardDto>(await (await As(Who.Admin)).GetAsync("/api/v1/dashboard"));
        Assert.Equal([("Member", 2), ("Silver", 1)], all.TierMix.Select(t => (t.Key, t.Count)).OrderBy(t => t.Key));
    }
}

public sealed class DashboardTierMixTestsOnSqlite(SqliteApp app) : DashboardTierMixTests<SqliteApp>(app);

public sealed class DashboardTierMixTestsOnSqlServer(SqlServerApp app) : DashboardTierMixTests<SqlServerApp>(app);
