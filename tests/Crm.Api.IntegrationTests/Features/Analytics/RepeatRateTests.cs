using Crm.Api.Features.Analytics;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// The repeat-purchase rate of each of the last 12 months (today is 2026-11-18): a month's buyers are the customers who
/// bought in it, up to today; its repeat buyers those of them with a purchase that month after their first purchase's
/// day. A rep's or a team's scope is counted from the month rows, the whole base from the purchases: both must give the
/// same months. Its own database: the administrator sees the whole base.
/// </summary>
public abstract class RepeatRateTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_months_repeat_buyers_bought_that_month_after_their_first_purchase_day_and_purchases_after_today_do_not_count()
    {
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2026-03-05", "2026-03-20");               // first month, a later day: repeat
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2026-03-07", "2026-03-07");               // twice on the first day: not repeat
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2025-06-01", "2026-03-10");               // first before the window: repeat
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2026-04-30", "2026-05-02");               // April first, May again
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2026-11-10", "2026-11-19");               // the second after today: not repeat
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 100, "2026-10-01", "2026-11-19");               // this month only after today: no buyer
        var expected = new Dictionary<string, (int, int)>
        {
            ["2026-03"] = (3, 2), ["2026-04"] = (1, 0), ["2026-05"] = (1, 1), ["2026-10"] = (1, 0), ["2026-11"] = (1, 0),
        };

        foreach (var who in new[] { Who.Rep3, Who.ManagerB, Who.Admin })
        {
            var months = (await Read<LoyaltyPortfolioDto>(await (await As(who)).GetAsync("/api/v1/analytics/loyalty"))).RepeatRateByMonth;
            Assert.Equal(12, months.Count);
            Assert.Equal(expected, months.Where(m => m.Buyers > 0).ToDictionary(m => m.Month, m => (m.Buyers, m.RepeatBuyers)));
        }
        Assert.DoesNotContain((await Read<LoyaltyPortfolioDto>(await (await As(Who.Rep1)).GetAsync("/api/v1/analytics/loyalty"))).RepeatRateByMonth, m => m.Buyers > 0);
    }
}

public sealed class RepeatRateTestsOnSqlite(SqliteApp app) : RepeatRateTests<SqliteApp>(app);

public sealed class RepeatRateTestsOnSqlServer(SqlServerApp app) : RepeatRateTests<SqlServerApp>(app);
