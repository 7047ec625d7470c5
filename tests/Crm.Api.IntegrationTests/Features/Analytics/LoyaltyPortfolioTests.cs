using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.Loyalty;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// The portfolio on a hand-computed base (today is 2026-11-18; the last 12 months start after 2025-11-18). Rep1 owns
/// A (1,000 on 2025-06-01, 2025-12-01, 2026-06-01 and 2026-11-01), B (500 on 2026-01-10 and 2026-04-10), C (10,000 on
/// 2026-11-10) and D (no purchase); Rep2 owns E (200 on 2026-10-01, 2026-10-15 and 2026-11-15).
/// Recency days A 17, B 222, C 8, E 3 → cut points 3, 8, 17, 222: R = E 5, C 4, A 3, B 2.
/// Purchases in 12 months A 3, B 2, C 1, E 3 → cut points 1, 2, 3, 3: F = A 3, B 2, C 1, E 3.
/// Amount in 12 months A 3,000, B 1,000, C 10,000, E 600 → cut points 600, 1,000, 3,000, 10,000: M = A 3, B 2, C 4, E 1.
/// The whole scenario is one test because the quintiles are the whole base's: the class owns its database.
/// </summary>
public abstract class LoyaltyPortfolioTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task Stages_tiers_RFM_segments_repeat_rate_and_the_win_back_list_follow_the_rules_within_the_callers_scope()
    {
        var a = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 1000, "2025-06-01", "2025-12-01", "2026-06-01", "2026-11-01");
        var b = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 500, "2026-01-10", "2026-04-10");
        var c = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 10000, "2026-11-10");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 0);
        var e = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep2, 200, "2026-10-01", "2026-10-15", "2026-11-15");
        var rep1 = await As(Who.Rep1);

        var p = await Read<LoyaltyPortfolioDto>(await rep1.GetAsync("/api/v1/analytics/loyalty"));
        Assert.Equal(4, p.Customers);
        Assert.Equal(new Dictionary<string, int> { ["None"] = 1, ["Cognitive"] = 1, ["Emotional"] = 1, ["Behavioural"] = 1 },
            p.ByStage.ToDictionary(s => s.Key, s => s.Customers));   // D none, C one purchase, B two in 90 days, A 518 days of purchases
        Assert.Equal(25.0, p.ByStage.Single(s => s.Key == "Behavioural").Share);
        Assert.Equal(new Dictionary<string, int> { ["Member"] = 3, [""] = 1 }, p.ByTier.ToDictionary(t => t.Key, t => t.Customers));

        Assert.Equal([3, 8, 17, 222], p.Quintiles.RecencyDays);
        Assert.Equal([1, 2, 3, 3], p.Quintiles.Frequency);
        Assert.Equal([600m, 1000m, 3000m, 10000m], p.Quintiles.Monetary);
        Assert.Equal([(4, 1, 4, "promising"), (3, 3, 3, "needsAttention"), (2, 2, 2, "hibernating")],
            p.RfmCells.Select(x => (x.R, x.F, x.M, x.Segment)).ToArray());    // C, A, B
        Assert.Equal(1, p.BySegment.Single(s => s.Key == "promising").Customers);
        Assert.Equal(0, p.BySegment.Single(s => s.Key == "champions").Customers);

        var months = p.RepeatRateByMonth.ToDictionary(m => m.Month);
        Assert.Equal(12, months.Count);
        Assert.Equal((1, 1, 100.0), (months["2025-12"].Buyers, months["2025-12"].RepeatBuyers, months["2025-12"].RepeatRate)); // A again
        Assert.Equal((1, 0, 0.0), (months["2026-01"].Buyers, months["2026-01"].RepeatBuyers, months["2026-01"].RepeatRate));     // B's first
        Assert.Equal((2, 1, 50.0), (months["2026-11"].Buyers, months["2026-11"].RepeatBuyers, months["2026-11"].RepeatRate));    // A again, C's first
        Assert.Equal(0, months["2026-10"].Buyers);                                                                               // E is Rep2's

        // B's cadence is 90 days and 222 have passed: 2.47 cadences, past the default factor of 2. A's 17 days against 182 are not.
        Assert.Equal((2.0, 1), (p.WinBackLapseFactor, p.WinBackCustomers));
        var winBack = await Read<Page<WinBackCustomerDto>>(await rep1.GetAsync("/api/v1/analytics/win-back"));
        var lapsed = Assert.Single(winBack.Items);
        Assert.Equal((b, 222, 90.0, 2.47, 2, 1000m), (lapsed.CustomerId, lapsed.DaysSinceLastPurchase, lapsed.CadenceDays, lapsed.LapseRatio, lapsed.Purchases, lapsed.TotalAmount));
        Assert.Equal(new DateOnly(2026, 4, 10), lapsed.LastPurchaseOn);

        // One customer's scores come from the same cut points.
        var metrics = await Read<CustomerLoyaltyDto>(await rep1.GetAsync($"/api/v1/customers/{a}/loyalty"));
        Assert.Equal((3, 3, 3), (metrics.RecencyScore, metrics.FrequencyScore, metrics.MonetaryScore));
        var best = await Read<CustomerLoyaltyDto>(await rep1.GetAsync($"/api/v1/customers/{c}/loyalty"));
        Assert.Equal((4, 1, 4), (best.RecencyScore, best.FrequencyScore, best.MonetaryScore));

        // Scope: Rep2 sees only E; the team's manager sees all five.
        var rep2 = await Read<LoyaltyPortfolioDto>(await (await As(Who.Rep2)).GetAsync("/api/v1/analytics/loyalty"));
        Assert.Equal((1, 1), (rep2.Customers, rep2.ByStage.Single(s => s.Key == "Emotional").Customers));
        Assert.Equal((5, 3, 1, "promising"), (rep2.RfmCells.Single().R, rep2.RfmCells.Single().F, rep2.RfmCells.Single().M, rep2.RfmCells.Single().Segment));
        Assert.Empty((await Read<Page<WinBackCustomerDto>>(await (await As(Who.Rep2)).GetAsync("/api/v1/analytics/win-back"))).Items);
        Assert.Equal(5, (await Read<LoyaltyPortfolioDto>(await (await As(Who.ManagerA)).GetAsync("/api/v1/analytics/loyalty"))).Customers);
        Assert.Equal(0, (await Read<LoyaltyPortfolioDto>(await (await As(Who.ManagerB)).GetAsync("/api/v1/analytics/loyalty"))).Customers);

        // The factor is a setting: at 3 cadences B is no longer lapsed.
        var admin = await As(Who.Admin);
        var settings = await admin.GetAsync("/api/v1/settings/loyalty");
        var current = await Read<LoyaltySettingsDto>(settings);
        var body = new UpdateLoyaltySettingsRequest(current.PointsPerCurrencyUnit, current.ReferralRewardPoints, current.ReferralMustCloseDays, current.ThanksDueDays, current.Tiers, 3);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(WithIfMatch(HttpMethod.Put, "/api/v1/settings/loyalty", settings.Headers.ETag?.Tag, body))).StatusCode);
        Assert.Equal(0, (await Read<LoyaltyPortfolioDto>(await rep1.GetAsync("/api/v1/analytics/loyalty"))).WinBackCustomers);
        Assert.Empty((await Read<Page<WinBackCustomerDto>>(await rep1.GetAsync("/api/v1/analytics/win-back"))).Items);
        _ = e;
    }
}

public sealed class LoyaltyPortfolioTestsOnSqlite(SqliteApp app) : LoyaltyPortfolioTests<SqliteApp>(app);

public sealed class LoyaltyPortfolioTestsOnSqlServer(SqlServerApp app) : LoyaltyPortfolioTests<SqlServerApp>(app);

/// <summary>Customer statistics are kept on write, so the portfolio moves with each purchase (its own database: it adds to the base).</summary>
public abstract class CustomerStatisticsTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task Customer_statistics_follow_every_purchase_so_the_stage_counts_move_with_a_new_purchase()
    {
        // Statistics are kept on write: a second purchase turns a prospect into an emotional-stage customer at once.
        var manager = await As(Who.ManagerB);
        var id = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2026-09-01");
        Assert.Equal(1, (await Read<LoyaltyPortfolioDto>(await manager.GetAsync("/api/v1/analytics/loyalty"))).ByStage.Single(s => s.Key == "Cognitive").Customers);
        Assert.Equal(HttpStatusCode.Created, (await (await As(Who.Rep3)).PostAsJsonAsync($"/api/v1/customers/{id}/purchases",
            new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 100 }, Json)).StatusCode);
        var after = await Read<LoyaltyPortfolioDto>(await manager.GetAsync("/api/v1/analytics/loyalty"));
        Assert.Equal((0, 1), (after.ByStage.Single(s => s.Key == "Cognitive").Customers, after.ByStage.Single(s => s.Key == "Emotional").Customers));
    }
}

public sealed class CustomerStatisticsTestsOnSqlite(SqliteApp app) : CustomerStatisticsTests<SqliteApp>(app);

public sealed class CustomerStatisticsTestsOnSqlServer(SqlServerApp app) : CustomerStatisticsTests<SqlServerApp>(app);

/// <summary>
/// The RFM cut points outlive a restart: the set last computed is stored, and a fresh process (a new
/// <see cref="RfmQuintiles"/>, as after a start) serves it at once instead of making the first loyalty page wait for the
/// whole base's computation. Its own database: the cut points are the whole base's.
/// </summary>
public abstract class RfmCutPointsAcrossRestartsTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private RfmQuintiles Restarted() => new(App.Services.GetRequiredService<IServiceScopeFactory>(), App.Clock, NullLogger<RfmQuintiles>.Instance);

    [Fact]
    public async Task After_a_restart_the_stored_cut_points_are_served_at_once_and_replaced_in_the_background_when_an_hour_old()
    {
        var today = new DateOnly(2026, 11, 18);
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 1000, "2026-11-01");
        var computed = (await Read<LoyaltyPortfolioDto>(await (await As(Who.Rep1)).GetAsync("/api/v1/analytics/loyalty"))).Quintiles;
        Assert.Equal([17, 17, 17, 17], computed.RecencyDays);

        // A second buyer changes what a computation would give: 3 days (E) and 17 (the first).
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 200, "2026-11-15");
        var afterRestart = await Restarted().GetAsync(today, CancellationToken.None);
        Assert.Equal(1, afterRestart.CustomersWithPurchase);
        Assert.Equal(computed.RecencyDays, afterRestart.RecencyDays);
        Assert.Equal(computed.Monetary, afterRestart.Monetary);

        // An hour later the stored set is still served at once, and a fresh one replaces it in the background (and in
        // the store, for the next start).
        App.Clock.Advance(TimeSpan.FromHours(1));
        var restarted = Restarted();
        Assert.Equal(computed.RecencyDays, (await restarted.GetAsync(today, CancellationToken.None)).RecencyDays);
        var fresh = await Eventually(() => restarted.GetAsync(today, CancellationToken.None), q => q.CustomersWithPurchase == 2);
        Assert.Equal([3, 3, 17, 17], fresh.RecencyDays);
        Assert.Equal([3, 3, 17, 17], (await Restarted().GetAsync(today, CancellationToken.None)).RecencyDays);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var value = await read();
            if (done(value)) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException("The background refresh did not replace the stored cut points within 10 s.");
    }
}

public sealed class RfmCutPointsAcrossRestartsTestsOnSqlite(SqliteApp app) : RfmCutPointsAcrossRestartsTests<SqliteApp>(app);

public sealed class RfmCutPointsAcrossRestartsTestsOnSqlServer(SqlServerApp app) : RfmCutPointsAcrossRestartsTests<SqlServerApp>(app);

/// <summary>
/// A customer's statistics carry its owner and lifecycle (the stage mix reads them alone), so a transfer or an archive
/// moves its stage at once, on the portfolio and the dashboard alike. Its own database: it adds to the base.
/// </summary>
public abstract class StageMixFollowsTheCustomerTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private async Task<int> Emotional(Who who) =>
        (await Read<LoyaltyPortfolioDto>(await (await As(who)).GetAsync("/api/v1/analytics/loyalty"))).ByStage.Single(s => s.Key == "Emotional").Customers;

    [Fact]
    public async Task A_transferred_customer_counts_in_its_new_owners_stage_mix_at_once_and_an_archived_one_in_nobodys()
    {
        // Two purchases and no complaint: emotional.
        var id = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 100, "2026-09-01", "2026-11-01");
        Assert.Equal((1, 0), (await Emotional(Who.Rep1), await Emotional(Who.Rep2)));

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{id}/transfer", new { newOwnerId = App.UserIds[Who.Rep2] }, Json)).StatusCode);
        Assert.Equal((0, 1), (await Emotional(Who.Rep1), await Emotional(Who.Rep2)));
        var dashboard = await Read<DashboardDto>(await (await As(Who.Rep2)).GetAsync("/api/v1/dashboard"));
        Assert.Equal((1, 1), (dashboard.LoyaltyStages.Sum(s => s.Customers), dashboard.LoyaltyStages.Single(s => s.Key == "Emotional").Customers));

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Rep2)).PostAsync($"/api/v1/customers/{id}/archive", null)).StatusCode);
        Assert.Equal((0, 0), (await Emotional(Who.Rep2), await Emotional(Who.ManagerA)));
        Assert.Equal(0, (await Read<LoyaltyPortfolioDto>(await (await As(Who.Rep2)).GetAsync("/api/v1/analytics/loyalty"))).Customers);
    }
}

public sealed class StageMixFollowsTheCustomerTestsOnSqlite(SqliteApp app) : StageMixFollowsTheCustomerTests<SqliteApp>(app);

public sealed class StageMixFollowsTheCustomerTestsOnSqlServer(SqlServerApp app) : StageMixFollowsTheCustomerTests<SqlServerApp>(app);
