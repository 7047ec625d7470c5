using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Visits;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// Loyalty metrics on a hand-computed history (today is 2026-11-18): purchases on 2025-06-01 (1,000), 2025-09-01 (2,000),
/// 2025-12-01 (3,000), 2026-03-01 (4,000) and 2026-11-08 (5,000 against a list price of 5,500).
/// </summary>
public abstract class CustomerLoyaltyTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private async Task<Guid> CustomerWith(params (string On, decimal Price, decimal? List)[] purchases)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        foreach (var (on, price, list) in purchases)
            Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
                new { purchasedOn = on, product = "P", category = "C", quantity = 1, unitPrice = price, listUnitPrice = list }, Json)).StatusCode);
        return customer.Id;
    }

    [Fact]
    public async Task Each_metric_matches_the_hand_computed_figures()
    {
        var id = await CustomerWith(("2025-06-01", 1000, null), ("2025-09-01", 2000, 2500), ("2025-12-01", 3000, 3000), ("2026-03-01", 4000, 4000), ("2026-11-08", 5000, 5500));
        var m = await Read<CustomerLoyaltyDto>(await (await As(Who.Rep1)).GetAsync($"/api/v1/customers/{id}/loyalty"));

        Assert.Equal(5, m.Purchases);
        Assert.Equal(4, m.PurchasesAfterFirst);
        Assert.Equal(3, m.PurchasesLast12Months);          // Dec, Mar, Nov
        Assert.Equal(3, m.MonthsWithPurchaseLast12);
        Assert.Equal(25.0, m.RepeatPurchaseRate);          // 3 of 12 months
        Assert.Equal(10, m.RecencyDays);
        Assert.Equal(12000m, m.MonetaryLast12Months);
        // R, F and M are read from the portfolio's quintiles (LoyaltyPortfolioTests checks them on a known portfolio).
        Assert.Equal((m.Quintiles.RecencyScore(10), m.Quintiles.FrequencyScore(3), m.Quintiles.MonetaryScore(12000m)), (m.RecencyScore, m.FrequencyScore, m.MonetaryScore));
        Assert.Equal(91.5, m.CadenceDays);                 // gaps 92, 91, 90, 252 → median of 90, 91, 92, 252
        Assert.Equal(0.11, m.LapseRatio);                  // 10 / 91.5
        Assert.Equal("low", m.LapseRisk);
        Assert.Equal(535, m.TenureDays);
        Assert.Equal(33.3, m.PriceSensitivity);            // 1 of the 3 recent purchases with a list price was below it
        Assert.Equal(LoyaltyStage.Behavioural, m.Stage);
        Assert.Equal(100, m.Components.Sum(c => c.Weight));
        var score = m.Components.ToDictionary(c => c.Key, c => c.Score);
        Assert.Equal((25.0, 73.3, 100.0, 0.0), (score["repeat"], score["tenure"], score["satisfaction"], score["referrals"])); // 3/12; 535 ÷ 7.3; no complaints; none won
        Assert.Equal((m.RecencyScore * 20.0, m.FrequencyScore * 20.0, m.MonetaryScore * 20.0), (score["recency"], score["frequency"], score["monetary"]));
        Assert.Equal(Math.Round((score["recency"] * 20 + score["frequency"] * 20 + score["monetary"] * 15 + 25 * 15 + 73.3 * 10 + 100 * 10) / 100, 1), m.LoyaltyIndex);
    }

    private async Task CloseComplaint(Guid customerId, int satisfaction)
    {
        var agent = await As(Who.Service);
        var complaint = await Complaints.ComplaintArrange.LogAsync(agent, customerId);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", Complaints.ComplaintArrange.Factual, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/close", new { satisfaction, comment = "回访" }, Json)).StatusCode);
    }

    [Fact]
    public async Task Complaints_satisfaction_and_referrals_count_in_the_metrics_and_move_the_stage()
    {
        var id = await CustomerWith(("2026-05-01", 100, null), ("2026-10-01", 100, null));
        await CloseComplaint(id, 2);
        await CloseComplaint(id, 3);
        var rep = await As(Who.Rep1);
        var unhappy = await Read<CustomerLoyaltyDto>(await rep.GetAsync($"/api/v1/customers/{id}/loyalty"));
        Assert.Equal((2, 2.5, 0, 0), (unhappy.Complaints, unhappy.AverageSatisfaction, unhappy.ReferralsMade, unhappy.ReferralsWon));
        Assert.Equal(1, unhappy.RecurringComplaints);   // the second late delivery within the recurrence window
        Assert.Equal(37.5, unhappy.Components.Single(c => c.Key == "satisfaction").Score);   // (2.5 − 1) × 25
        Assert.Equal(LoyaltyStage.Cognitive, unhappy.Stage);  // repeat purchases, satisfaction below 4, no referral

        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = id, newProspect = new { name = "Referred Co", kind = "Company" }, channel = "InPerson" }, Json)).StatusCode);
        var referring = await Read<CustomerLoyaltyDto>(await rep.GetAsync($"/api/v1/customers/{id}/loyalty"));
        Assert.Equal((1, 0, LoyaltyStage.Emotional), (referring.ReferralsMade, referring.ReferralsWon, referring.Stage));
    }

    [Fact]
    public async Task The_stage_rules_tell_cognitive_from_emotional_and_a_prospect_has_none()
    {
        var once = await CustomerWith(("2026-10-01", 100, null));
        Assert.Equal(LoyaltyStage.Cognitive, (await Read<CustomerLoyaltyDto>(await (await As(Who.Rep1)).GetAsync($"/api/v1/customers/{once}/loyalty"))).Stage);
        var twice = await CustomerWith(("2026-05-01", 100, null), ("2026-10-01", 100, null));
        Assert.Equal(LoyaltyStage.Emotional, (await Read<CustomerLoyaltyDto>(await (await As(Who.Rep1)).GetAsync($"/api/v1/customers/{twice}/loyalty"))).Stage);
        var prospect = await Arrange.OwnedByAsync(App, Who.Rep1);
        var none = await Read<CustomerLoyaltyDto>(await (await As(Who.Rep1)).GetAsync($"/api/v1/customers/{prospect.Id}/loyalty"));
        Assert.Equal(LoyaltyStage.None, none.Stage);
        Assert.Null(none.RecencyDays);
        await Problem(await (await As(Who.Rep3)).GetAsync($"/api/v1/customers/{prospect.Id}/loyalty"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Visits_count_over_the_last_three_months_and_only_a_key_account_has_this_weeks_compliance()
    {
        var rep = await As(Who.Rep1);
        var special = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "Special", isKeyAccount = true });
        var ordinary = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "B" });
        foreach (var customer in new[] { special.Id, ordinary.Id })
        {
            await Visits.VisitArrange.LogAsync(rep, customer, "OnSite", new DateTime(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc)); // this Monday, 09:00 Shanghai
            await Visits.VisitArrange.LogAsync(rep, customer, "Phone", new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc));
            await Visits.VisitArrange.LogAsync(rep, customer, "OnSite", new DateTime(2026, 8, 1, 2, 0, 0, DateTimeKind.Utc)); // before 18 August: too old
        }

        var key = await Read<CustomerLoyaltyDto>(await rep.GetAsync($"/api/v1/customers/{special.Id}/loyalty"));
        Assert.Equal(0.67, key.VisitsPerMonth);                                   // 2 visits in 3 months
        Assert.Equal(ComplianceStatus.AtRisk, key.VisitComplianceThisWeek);       // 1 of the 2 on-site visits a special customer needs, the week still running

        await Visits.VisitArrange.LogAsync(rep, special.Id, "OnSite", new DateTime(2026, 11, 17, 1, 0, 0, DateTimeKind.Utc));
        Assert.Equal(ComplianceStatus.Met, (await Read<CustomerLoyaltyDto>(await rep.GetAsync($"/api/v1/customers/{special.Id}/loyalty"))).VisitComplianceThisWeek);

        var plain = await Read<CustomerLoyaltyDto>(await rep.GetAsync($"/api/v1/customers/{ordinary.Id}/loyalty"));
        Assert.Equal(0.67, plain.VisitsPerMonth);
        Assert.Null(plain.VisitComplianceThisWeek);                               // level B has no minimum

        await Read<CustomerDto>(await (await As(Who.Admin)).PostAsync($"/api/v1/customers/{special.Id}/archive", null));
        Assert.Null((await Read<CustomerLoyaltyDto>(await (await As(Who.Admin)).GetAsync($"/api/v1/customers/{special.Id}/loyalty"))).VisitComplianceThisWeek); // archived: no longer a key account
    }
}

public sealed class CustomerLoyaltyTestsOnSqlite(SqliteApp app) : CustomerLoyaltyTests<SqliteApp>(app);

public sealed class CustomerLoyaltyTestsOnSqlServer(SqlServerApp app) : CustomerLoyaltyTests<SqlServerApp>(app);
