using Crm.Api.Features.Analytics;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// RFM frequency and amount count the purchases of the last 12 months, (2025-11-18, 2026-11-18] with today 2026-11-18:
/// both ends of that year fall inside a month. A rep's or a team's cells are counted from the month rows with the two
/// part months read exactly, the whole base's from the purchases one by one; both must give the hand-counted cells.
/// Rep3 owns P (100 on 2025-11-10, 2025-11-19 and 2026-11-18: 2 in the year, 200), Q (100 on 2025-11-18, 2026-03-01 and
/// 2026-11-19: 1, 100), S (300 on 2026-05-05, 2026-07-07 and 2026-11-02: 3, 900), T (50 on 2025-11-30: 1, 50) and U (1,000
/// on 2026-11-19 only: no cell); Rep1 owns V (700 on 2026-06-01: 1, 700).
/// Days since the last purchase Q −1, P 0, S 16, V 170, T 353 → cut points −1, 0, 16, 170: R = Q 5, P 4, S 3, V 2, T 1.
/// Purchases P 2, Q 1, S 3, T 1, V 1 → cut points 1, 1, 1, 2: F = S 5, P 4, the others 1.
/// Amounts T 50, Q 100, P 200, V 700, S 900 → cut points 50, 100, 200, 700: M = S 5, V 4, P 3, Q 2, T 1.
/// Its own database: the cut points are the whole base's.
/// </summary>
public abstract class RfmYearEndsTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_years_purchases_start_the_day_after_a_year_ago_and_end_today_inside_their_months()
    {
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2025-11-10", "2025-11-19", "2026-11-18");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2025-11-18", "2026-03-01", "2026-11-19");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 300, "2026-05-05", "2026-07-07", "2026-11-02");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 50, "2025-11-30");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 1000, "2026-11-19");
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 700, "2026-06-01");

        async Task<LoyaltyPortfolioDto> Portfolio(Who who) => await Read<LoyaltyPortfolioDto>(await (await As(who)).GetAsync("/api/v1/analytics/loyalty"));
        static (int R, int F, int M)[] Cells(LoyaltyPortfolioDto p) => p.RfmCells.SelectMany(c => Enumerable.Repeat((c.R, c.F, c.M), c.Customers)).Order().ToArray();

        var whole = await Portfolio(Who.Admin);
        Assert.Equal([-1, 0, 16, 170], whole.Quintiles.RecencyDays);
        Assert.Equal([1, 1, 1, 2], whole.Quintiles.Frequency);
        Assert.Equal([50m, 100m, 200m, 700m], whole.Quintiles.Monetary);
        (int, int, int)[] teamB = [(1, 1, 1), (3, 5, 5), (4, 4, 3), (5, 1, 2)];   // T, S, P, Q
        Assert.Equal(teamB, Cells(await Portfolio(Who.Rep3)));
        Assert.Equal(teamB, Cells(await Portfolio(Who.ManagerB)));
        Assert.Equal([(2, 1, 4)], Cells(await Portfolio(Who.Rep1)));               // V
        Assert.Equal(teamB.Append((2, 1, 4)).Order().ToArray(), Cells(whole));
    }
}

public sealed class RfmYearEndsTestsOnSqlite(SqliteApp app) : RfmYearEndsTests<SqliteApp>(app);

public sealed class RfmYearEndsTestsOnSqlServer(SqlServerApp app) : RfmYearEndsTests<SqlServerApp>(app);
