using System.Net;
using System.Net.Http.Json;
using Crm.Api.Domain;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.Purchases;
using Crm.Api.IntegrationTests.Features.Complaints;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// The loyalty stage mix (dashboard, portfolio) comes from counts per owner, two loyalty signals and the 30-day block of
/// the last purchase, kept on write from the statistics rows. They must be the counts the statistics give after every
/// kind of change to a customer's purchases, complaints, referrals, owner or lifecycle.
/// </summary>
public abstract class LoyaltyStageCountsTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task The_counts_kept_on_write_are_the_counts_the_statistics_give_after_purchases_ratings_referrals_transfers_archives_restores_merges_and_deletions()
    {
        var overAYear = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 100, "2025-06-01", "2026-11-01");
        var once = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 100, "2026-09-01");
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep1]} True True {new DateOnly(2026, 11, 1).DayNumber / 30} 1", CountsKept());

        // A second purchase makes a repeat buyer with positive signals.
        await Arrange.PurchaseAsync(App, Who.Rep1, once, "2026-11-10", 100);
        Assert.Equal(CountsGiven(), CountsKept());

        // A complaint closed with a poor rating takes the positive signals away; a referral made gives them back.
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, overAYear);
        await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json);
        await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", ComplaintArrange.Factual, Json);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/close", new { satisfaction = 2 }, Json)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep1]} True False {new DateOnly(2026, 11, 1).DayNumber / 30} 1", CountsKept());
        var rep1 = await As(Who.Rep1);
        Assert.Equal(HttpStatusCode.Created, (await rep1.PostAsJsonAsync("/api/v1/referrals",
            new { referrerId = overAYear, newProspect = new { name = "阶段计数线索", kind = "Company" }, channel = "Phone" }, Json)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());

        // Owner and lifecycle: a transfer moves the customer to its new owner's counts, an archive out of all of them.
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{overAYear}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2], reason = "Territory change" }, Json)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep2]} True True {new DateOnly(2026, 11, 1).DayNumber / 30} 1", CountsKept());
        Assert.Equal(HttpStatusCode.OK, (await rep1.PostAsync($"/api/v1/customers/{once}/archive", null)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.Equal(HttpStatusCode.OK, (await rep1.PostAsync($"/api/v1/customers/{once}/restore", null)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());

        // A merge moves the duplicate's purchases to the survivor and archives the duplicate.
        var duplicate = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 100, "2024-10-01", "2025-01-01");
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{once}/merge", new { duplicateId = duplicate }, Json)).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());

        // A purchase entered by mistake is deleted.
        var mistake = await Arrange.PurchaseAsync(App, Who.Rep1, once, "2026-11-12", 5);
        Assert.Equal(HttpStatusCode.NoContent, (await rep1.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{mistake.Id}", $"\"{mistake.Version}\""))).StatusCode);
        Assert.Equal(CountsGiven(), CountsKept());

        // No use case deletes a customer, but a save that does takes its statistics out of their count.
        App.WithDb(db => { db.Customers.IgnoreQueryFilters().Where(c => c.Id == once).ToList().ForEach(c => db.Customers.Remove(c)); return db.SaveChanges(); });
        Assert.Equal(CountsGiven(), CountsKept());
        Assert.DoesNotContain(CountsKept(), c => c.StartsWith($"{App.UserIds[Who.Rep1]} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrating_an_existing_database_counts_the_statistics_it_has()
    {
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 1_000, "2024-11-06", "2026-11-06");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 1_000, "2026-11-07");
        var kept = CountsKept();

        await App.MigrateDownAndUpAgainAsync("LoyaltyStagesCountedOnWrite");

        Assert.Equal(kept, CountsKept());
        Assert.Contains($"{App.UserIds[Who.Rep3]} True True {new DateOnly(2026, 11, 6).DayNumber / 30} 1", kept);
    }

    private List<string> CountsKept() => App.WithDb(db => db.LoyaltyStageCounts.IgnoreQueryFilters().AsNoTracking().Where(c => c.Customers != 0).ToList())
        .Select(Text).Order(StringComparer.Ordinal).ToList();

    /// <summary>The counts computed afresh from the statistics rows, by the statement the migration fills the table with.</summary>
    private List<string> CountsGiven() => App.WithDb(db =>
    {
        using var transaction = db.Database.BeginTransaction();
        db.LoyaltyStageCounts.IgnoreQueryFilters().ExecuteDelete();
        db.Database.ExecuteSqlRaw(LoyaltyStageCounts.FillSql(sqlServer: db.Database.ProviderName!.Contains("SqlServer")));
        var counts = db.LoyaltyStageCounts.IgnoreQueryFilters().AsNoTracking().ToList();
        transaction.Rollback();
        return counts;
    }).Select(Text).Order(StringComparer.Ordinal).ToList();

    private static string Text(LoyaltyStageCount c) => $"{c.OwnerId} {c.RepeatOverAYear} {c.RepeatWithPositiveSignals} {c.LastPurchaseBlock} {c.Customers}";
}

public sealed class LoyaltyStageCountsTestsOnSqlite(SqliteApp app) : LoyaltyStageCountsTests<SqliteApp>(app);

public sealed class LoyaltyStageCountsTestsOnSqlServer(SqlServerApp app) : LoyaltyStageCountsTests<SqlServerApp>(app);

/// <summary>
/// Behavioural loyalty needs the last purchase within a year: on 2026-11-18 that is 2025-11-18 or later. The counts are
/// kept by 30-day block, and 2025-11-18 falls inside the block from 2025-11-06 to 2025-12-05, so the stage mix must read
/// that block's customers one by one. Its own database: the mix is the whole scope's.
/// </summary>
public abstract class StageMixAtTheYearBoundaryTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_repeat_buyer_over_a_year_whose_last_purchase_is_a_year_ago_to_the_day_is_behavioural_and_a_day_earlier_is_not()
    {
        // Behavioural: over a year of purchases, the last within the year (to the day, later in the block, a later block).
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2024-11-18", "2025-11-18");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2024-01-01", "2025-12-05");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2024-01-01", "2026-11-01");
        // Emotional: the same, but the last purchase a day too early (in the block, at its first day, in the block before).
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2024-11-17", "2025-11-17");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2024-01-01", "2025-11-06");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2024-01-01", "2025-11-05");
        // Cognitive: the last purchase a day too early and a poor rating; one purchase only.
        var rated = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2024-06-01", "2025-11-17");
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, rated);
        await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json);
        await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", ComplaintArrange.Factual, Json);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/close", new { satisfaction = 2 }, Json)).StatusCode);
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2026-11-01");
        // None: no purchase.
        await Arrange.OwnedByAsync(App, Who.Rep3);

        var expected = new Dictionary<string, int> { ["None"] = 1, ["Cognitive"] = 2, ["Emotional"] = 3, ["Behavioural"] = 3 };
        var portfolio = await Read<LoyaltyPortfolioDto>(await (await As(Who.ManagerB)).GetAsync("/api/v1/analytics/loyalty"));
        Assert.Equal(expected, portfolio.ByStage.ToDictionary(s => s.Key, s => s.Customers));
        var dashboard = await Read<DashboardDto>(await (await As(Who.Rep3)).GetAsync("/api/v1/dashboard"));
        Assert.Equal(expected, dashboard.LoyaltyStages.ToDictionary(s => s.Key, s => s.Customers));
        var everyone = await Read<DashboardDto>(await (await As(Who.Admin)).GetAsync("/api/v1/dashboard"));
        Assert.Equal(expected, everyone.LoyaltyStages.ToDictionary(s => s.Key, s => s.Customers));
        Assert.DoesNotContain((await Read<DashboardDto>(await (await As(Who.Rep1)).GetAsync("/api/v1/dashboard"))).LoyaltyStages, s => s.Customers > 0);
    }
}

public sealed class StageMixAtTheYearBoundaryTestsOnSqlite(SqliteApp app) : StageMixAtTheYearBoundaryTests<SqliteApp>(app);

public sealed class StageMixAtTheYearBoundaryTestsOnSqlServer(SqlServerApp app) : StageMixAtTheYearBoundaryTests<SqlServerApp>(app);
