using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Loyalty;
using Crm.Api.Features.Purchases;
using Crm.Api.Features.Referrals;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Features.Referrals;

/// <summary>转介绍 and 积分: default policy — one point per 100 CNY, 100 points per won referral, 30 days to close, 7 to thank.</summary>
public abstract class ReferralAndPointsTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static async Task<ReferralDto> Refer(HttpClient client, Guid referrerId, object? newProspect = null, Guid? referredId = null) =>
        await Read<ReferralDto>(await client.PostAsJsonAsync("/api/v1/referrals", new { referrerId, referredId, newProspect, channel = "InPerson", note = "Met at the trade show" }, Json), HttpStatusCode.Created);

    private async Task<PointsAccountDto> Account(Guid customerId) =>
        await Read<PointsAccountDto>(await (await As(Who.Admin)).GetAsync($"/api/v1/customers/{customerId}/points"));

    private static async Task<PurchaseDto> Buy(HttpClient client, Guid customerId, decimal amount) =>
        await Read<PurchaseDto>(await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/purchases",
            new { purchasedOn = "2026-11-10", product = "Pump", category = "Equipment", quantity = 1, unitPrice = amount }, CrmApp.Json), HttpStatusCode.Created);

    [Fact]
    public async Task A_referred_prospect_created_inline_is_an_a_grade_referral_lead_with_a_must_close_date()
    {
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep1, "老客户 Old customer");
        var rep = await As(Who.Rep1);
        var referral = await Refer(rep, referrer.Id, new { name = "新客户 New Co", kind = "Company", contactName = "赵敏", phone = "13911112222" });

        Assert.Equal(ReferralStatus.New, referral.Status);
        Assert.Equal(new DateOnly(2026, 12, 18), referral.MustCloseBy);
        var prospect = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{referral.ReferredId}"));
        Assert.Equal(LeadSource.Referral, prospect.LeadSource);
        Assert.Equal(CustomerLevel.A, prospect.Level);
        Assert.Equal(referrer.Id, prospect.ReferredById);
        Assert.Equal(App.UserIds[Who.Rep1], prospect.OwnerId);
        Assert.Equal("赵敏", (await Read<Page<Crm.Api.Features.Contacts.ContactDto>>(await rep.GetAsync($"/api/v1/customers/{prospect.Id}/contacts"))).Items.Single().Name);
    }

    [Fact]
    public async Task An_open_referral_lead_comes_first_in_its_owners_list_until_it_buys()
    {
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep2, "Zzz old customer");
        var rep = await As(Who.Rep2);
        var referral = await Refer(rep, referrer.Id, new { name = "Zzz referred lead", kind = "Company" });

        var list = await Read<Page<CustomerSummaryDto>>(await rep.GetAsync("/api/v1/customers?limit=200"));
        var lead = list.Items.Single(c => c.Id == referral.ReferredId);
        Assert.True(lead.IsPriorityLead);
        Assert.Equal(list.Items.OrderBy(c => c.IsPriorityLead ? 0 : 1).Select(c => c.Id), list.Items.Select(c => c.Id));
        Assert.Contains(list.Items.TakeWhile(c => c.IsPriorityLead), c => c.Id == referral.ReferredId);

        await Buy(rep, referral.ReferredId, 100);
        var after = await Read<Page<CustomerSummaryDto>>(await rep.GetAsync("/api/v1/customers?limit=200"));
        Assert.False(after.Items.Single(c => c.Id == referral.ReferredId).IsPriorityLead);
        Assert.DoesNotContain(after.Items.TakeWhile(c => c.IsPriorityLead), c => c.Id == referral.ReferredId);
    }

    [Fact]
    public async Task The_first_purchase_wins_the_referral_and_the_referrer_is_rewarded_once_however_often_it_is_won()
    {
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var referral = await Refer(rep, referrer.Id, new { name = "Won Co", kind = "Company" });

        await Buy(rep, referral.ReferredId, 5000);
        var won = await Read<ReferralDto>(await rep.GetAsync($"/api/v1/referrals/{referral.Id}"));
        Assert.Equal(ReferralStatus.Won, won.Status);
        Assert.True(won.RewardGranted);
        Assert.Equal(100, (await Account(referrer.Id)).Balance);
        Assert.Equal(50, (await Account(referral.ReferredId)).Balance); // 5,000 CNY at one point per 100

        // Winning again, saving again or buying again never pays a second reward.
        await Problem(await rep.PostAsJsonAsync($"/api/v1/referrals/{referral.Id}/status", new { status = "Won" }, Json), HttpStatusCode.Conflict);
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{referral.Id}/thanks", new { method = "Tea set and a call" }, Json));
        await Buy(rep, referral.ReferredId, 300);
        Assert.Equal(100, (await Account(referrer.Id)).Balance);
        Assert.Equal(1, App.WithDb(db => db.PointsEntries.Count(e => e.ReferralId == referral.Id)));
    }

    [Fact]
    public async Task A_referral_won_in_the_funnel_rewards_once_and_a_lost_one_never()
    {
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep2);
        var rep = await As(Who.Rep2);
        var good = await Refer(rep, referrer.Id, new { name = "Good lead", kind = "Person" });
        var bad = await Refer(rep, referrer.Id, new { name = "Bad lead", kind = "Person" });
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{good.Id}/status", new { status = "Contacted" }, Json));
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{good.Id}/status", new { status = "Qualified" }, Json));
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{good.Id}/status", new { status = "Won" }, Json));
        await Buy(rep, good.ReferredId, 100);
        await Problem(await rep.PostAsJsonAsync($"/api/v1/referrals/{bad.Id}/status", new { status = "Lost" }, Json), HttpStatusCode.BadRequest);
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{bad.Id}/status", new { status = "Lost", lostReason = "Bought from a competitor" }, Json));
        await Buy(rep, bad.ReferredId, 100);

        Assert.Equal(100, (await Account(referrer.Id)).Balance);
        Assert.Equal(ReferralStatus.Lost, (await Read<ReferralDto>(await rep.GetAsync($"/api/v1/referrals/{bad.Id}"))).Status);
    }

    [Fact]
    public async Task A_customer_cannot_refer_itself_and_a_referral_cycle_is_refused()
    {
        var rep = await As(Who.Rep1);
        var a = await Arrange.OwnedByAsync(App, Who.Rep1, "A");
        await Problem(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = a.Id, referredId = a.Id, channel = "Phone" }, Json), HttpStatusCode.BadRequest);

        var b = await Refer(rep, a.Id, new { name = "B", kind = "Company" });        // A referred B
        var c = await Refer(rep, b.ReferredId, new { name = "C", kind = "Company" }); // B referred C
        var aIsProspect = a; // A has not bought: it is still a prospect and could in principle be referred...
        var cycle = await Problem(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = c.ReferredId, referredId = aIsProspect.Id, channel = "Phone" }, Json), HttpStatusCode.Conflict);
        Assert.Contains("cycle", cycle.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        var tree = await Read<Page<ReferralTreeNodeDto>>(await rep.GetAsync($"/api/v1/customers/{a.Id}/referral-tree"));
        Assert.Equal([0, 1, 2], tree.Items.Select(n => n.Depth));
    }

    [Fact]
    public async Task Bad_referrals_are_refused_and_nothing_is_written()
    {
        var rep = await As(Who.Rep1);
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var prospect = await Arrange.OwnedByAsync(App, Who.Rep1);
        await Refer(rep, referrer.Id, referredId: prospect.Id);
        var before = App.WithDb(db => db.Referrals.Count());

        await Problem(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = referrer.Id, referredId = prospect.Id, channel = "Phone" }, Json), HttpStatusCode.Conflict);
        await Problem(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = Guid.NewGuid(), newProspect = new { name = "x", kind = "Company" }, channel = "Phone" }, Json), HttpStatusCode.NotFound);
        var archived = await Arrange.OwnedByAsync(App, Who.Rep1);
        await Read<CustomerDto>(await rep.PostAsync($"/api/v1/customers/{archived.Id}/archive", null));
        await Problem(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = referrer.Id, referredId = archived.Id, channel = "Phone" }, Json), HttpStatusCode.Conflict);
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3);
        await Problem(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = theirs.Id, newProspect = new { name = "x", kind = "Company" }, channel = "Phone" }, Json), HttpStatusCode.NotFound);

        Assert.Equal(before, App.WithDb(db => db.Referrals.Count()));
    }

    [Fact]
    public async Task Purchases_earn_points_and_correcting_or_deleting_them_reverses_the_points()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2);
        var rep = await As(Who.Rep2);
        var purchase = await Buy(rep, customer.Id, 2350);
        Assert.Equal(23, (await Account(customer.Id)).Balance);

        var corrected = await Read<PurchaseDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/purchases/{purchase.Id}", "\"1\"",
            new { purchasedOn = "2026-11-10", product = "Pump", category = "Equipment", quantity = 2, unitPrice = 2350 })));
        Assert.Equal(47, (await Account(customer.Id)).Balance);

        Assert.Equal(HttpStatusCode.NoContent, (await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{purchase.Id}", $"\"{corrected.Version}\""))).StatusCode);
        Assert.Equal(0, (await Account(customer.Id)).Balance);
        AssertBalanceIsTheSumOfTheLedger(customer.Id);
    }

    [Fact]
    public async Task A_purchase_whose_points_were_spent_cannot_be_deleted()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2);
        var rep = await As(Who.Rep2);
        var purchase = await Buy(rep, customer.Id, 1000);
        await Read<PointsEntryDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Redeem", amount = 10 }, Json), HttpStatusCode.Created);
        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/purchases/{purchase.Id}", "\"1\"")), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/v1/purchases/{purchase.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"kind\":\"Redeem\",\"amount\":0}")]
    [InlineData("{\"kind\":\"Redeem\",\"amount\":-5}")]
    [InlineData("{\"kind\":\"Adjust\",\"amount\":50}")]
    [InlineData("{\"kind\":\"Campaign\",\"amount\":50}")]
    [InlineData("{\"kind\":\"Goodwill\",\"amount\":50,\"reason\":\"sorry\"}")]
    [InlineData("{\"kind\":\"Gift\",\"amount\":50}")]
    public async Task Bad_points_entries_are_refused_and_the_balance_is_unchanged(string body)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var admin = await As(Who.Admin);
        await Problem(await admin.PostAsync($"/api/v1/customers/{customer.Id}/points", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await Account(customer.Id)).Balance);
    }

    [Fact]
    public async Task Only_an_admin_adjusts_and_a_redemption_may_not_overdraw()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Adjust", amount = 500, reason = "I said so" }, Json), HttpStatusCode.Forbidden);
        await Read<PointsEntryDto>(await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Adjust", amount = 30, reason = "Migrated from the old system" }, Json), HttpStatusCode.Created);
        var refused = await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Redeem", amount = 31 }, Json), HttpStatusCode.Conflict);
        Assert.Equal(30, refused.GetProperty("balance").GetInt64());
        Assert.Equal(30, (await Account(customer.Id)).Balance);
    }

    [Fact]
    public async Task Parallel_redemptions_never_overspend_a_balance_that_covers_only_one()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        await Read<PointsEntryDto>(await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Adjust", amount = 100, reason = "Opening balance" }, Json), HttpStatusCode.Created);
        var rep = await As(Who.Rep1);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Redeem", amount = 80, reason = "Gift from stock" }, Json)));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(20, (await Account(customer.Id)).Balance);
        AssertBalanceIsTheSumOfTheLedger(customer.Id);
    }

    [Theory]
    [InlineData(999, "Member")]
    [InlineData(1000, "Silver")]
    [InlineData(4999, "Silver")]
    [InlineData(5000, "Gold")]
    [InlineData(20000, "Platinum")]
    public async Task The_tier_follows_points_earned_in_twelve_months_and_changes_are_kept(long earned, string tier)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var manager = await As(Who.ManagerA);
        await Read<PointsEntryDto>(await manager.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Campaign", amount = earned, reason = "Double points week" }, Json), HttpStatusCode.Created);
        var account = await Account(customer.Id);
        Assert.Equal(tier, account.Tier);
        Assert.Equal(earned, account.Earned12Months);
        Assert.Equal(tier, (await Read<CustomerDto>(await manager.GetAsync($"/api/v1/customers/{customer.Id}"))).Tier);
        Assert.Equal(tier, account.TierHistory[0].ToTier);

        // Redeeming spends the balance but not what was earned: the tier stays.
        await Read<PointsEntryDto>(await manager.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind = "Redeem", amount = Math.Min(earned, 500) }, Json), HttpStatusCode.Created);
        Assert.Equal(tier, (await Account(customer.Id)).Tier);
    }

    [Fact]
    public async Task Referrals_and_points_follow_customer_scope()
    {
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3);
        var referral = await Refer(await As(Who.Rep3), theirs.Id, new { name = "Team B lead", kind = "Company" });
        var rep1 = await As(Who.Rep1);
        await Problem(await rep1.GetAsync($"/api/v1/referrals/{referral.Id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Read<Page<ReferralDto>>(await rep1.GetAsync("/api/v1/referrals?limit=200"))).Items, r => r.Id == referral.Id);
        await Problem(await rep1.GetAsync($"/api/v1/customers/{theirs.Id}/points"), HttpStatusCode.NotFound);
        await Problem(await rep1.PostAsJsonAsync($"/api/v1/customers/{theirs.Id}/points", new { kind = "Redeem", amount = 1 }, Json), HttpStatusCode.NotFound);
        await Problem(await (await As(Who.Analyst)).PostAsJsonAsync("/api/v1/referrals", new { referrerId = theirs.Id, newProspect = new { name = "x", kind = "Company" }, channel = "Phone" }, Json), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_dashboard_counts_the_referrals_won_this_month_and_the_won_ones_still_unthanked_after_seven_days()
    {
        var rep = await As(Who.Rep2);
        var before = await ReferralsOnTheDashboard(Who.Rep2);
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep2, "Thankful referrer");
        var today = await Refer(rep, referrer.Id, new { name = "Won today", kind = "Company" });
        var tenDaysAgo = await Refer(rep, referrer.Id, new { name = "Won ten days ago", kind = "Company" });
        var inOctober = await Refer(rep, referrer.Id, new { name = "Won in October", kind = "Company" });
        var thanked = await Refer(rep, referrer.Id, new { name = "Won and thanked", kind = "Company" });
        foreach (var referral in new[] { today, tenDaysAgo, inOctober, thanked }) await Buy(rep, referral.ReferredId, 1000);
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{thanked.Id}/thanks", new { method = "A call" }, Json));
        void WonAt(Guid id, DateTime at) => App.WithDb(db => db.Referrals.IgnoreQueryFilters().Where(r => r.Id == id).ExecuteUpdate(u => u.SetProperty(r => r.WonAt, at)));
        WonAt(tenDaysAgo.Id, new DateTime(2026, 11, 8, 2, 0, 0, DateTimeKind.Utc));
        WonAt(inOctober.Id, new DateTime(2026, 10, 20, 2, 0, 0, DateTimeKind.Utc));
        WonAt(thanked.Id, new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc));

        var after = await ReferralsOnTheDashboard(Who.Rep2);

        // Won this month (November in Shanghai): today's, ten days ago and the thanked one; not October's.
        Assert.Equal(before.WonThisMonth + 3, after.WonThisMonth);
        // Owed thanks: won more than seven days ago and not thanked, whatever the month.
        Assert.Equal(before.ThanksDue + 2, after.ThanksDue);
    }

    private async Task<Crm.Api.Features.Analytics.DashboardReferralsDto> ReferralsOnTheDashboard(Who who) =>
        (await Read<Crm.Api.Features.Analytics.DashboardDto>(await (await As(who)).GetAsync("/api/v1/dashboard"))).Referrals;

    private async Task<int> NewReferralsOnTheDashboard(Who who) =>
        (await Read<Crm.Api.Features.Analytics.DashboardDto>(await (await As(who)).GetAsync("/api/v1/dashboard"))).Referrals.New;

    [Fact]
    public async Task A_referral_follows_its_referred_customer_to_a_new_owner()
    {
        // Rep1's customer refers a new prospect (Rep1's too); the prospect is then handed to Rep2 in the same team.
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var (rep1Before, rep2Before) = (await NewReferralsOnTheDashboard(Who.Rep1), await NewReferralsOnTheDashboard(Who.Rep2));
        var referral = await Refer(await As(Who.Rep1), referrer.Id, new { name = "Lead moving to Rep2", kind = "Company" });
        Assert.Equal((rep1Before + 1, rep2Before), (await NewReferralsOnTheDashboard(Who.Rep1), await NewReferralsOnTheDashboard(Who.Rep2)));

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{referral.ReferredId}/transfer", new { newOwnerId = App.UserIds[Who.Rep2] }, Json)).StatusCode);

        // The funnel counts it for its new owner at once; Rep1 still owns the referrer but no longer the lead.
        Assert.Equal((rep1Before, rep2Before + 1), (await NewReferralsOnTheDashboard(Who.Rep1), await NewReferralsOnTheDashboard(Who.Rep2)));
        await Problem(await (await As(Who.Rep1)).GetAsync($"/api/v1/referrals/{referral.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(referral.Id, (await Read<ReferralDto>(await (await As(Who.ManagerA)).GetAsync($"/api/v1/referrals/{referral.Id}"))).Id);
    }

    [Fact]
    public async Task Referral_statistics_show_the_funnel_and_the_referrers()
    {
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep2, "Star referrer");
        var rep = await As(Who.Rep2);
        var won = await Refer(rep, referrer.Id, new { name = "Stats won", kind = "Company" });
        await Refer(rep, referrer.Id, new { name = "Stats open", kind = "Company" });
        await Buy(rep, won.ReferredId, 10000);

        var stats = await Read<ReferralStatsDto>(await rep.GetAsync("/api/v1/referrals/stats"));
        var row = Assert.Single(stats.TopReferrers, r => r.ReferrerId == referrer.Id);
        Assert.Equal(2, row.Referrals);
        Assert.Equal(1, row.Won);
        Assert.Equal(50.0, row.ConversionRate);
        Assert.Equal(10000m, row.SalesFromReferred);
        Assert.Equal(100, row.RewardPoints);
        Assert.Contains(stats.Months, m => m.Month == "2026-11" && m.Referred >= 2);
    }

    private void AssertBalanceIsTheSumOfTheLedger(Guid customerId)
    {
        var (balance, sum) = App.WithDb(db => (
            db.Customers.IgnoreQueryFilters().Single(c => c.Id == customerId).Points,
            db.PointsEntries.Where(e => e.CustomerId == customerId).Sum(e => e.Amount)));
        Assert.Equal(sum, balance);
    }
}

public sealed class ReferralAndPointsTestsOnSqlite(SqliteApp app) : ReferralAndPointsTests<SqliteApp>(app);

public sealed class ReferralAndPointsTestsOnSqlServer(SqlServerApp app) : ReferralAndPointsTests<SqlServerApp>(app);

/// <summary>Moves the clock, so it has an app of its own.</summary>
public abstract class ReferralThanksTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_won_referral_not_thanked_within_seven_days_is_listed_as_thanks_due()
    {
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var thanked = await Read<ReferralDto>(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = referrer.Id, newProspect = new { name = "Thanked", kind = "Company" }, channel = "Phone" }, Json), HttpStatusCode.Created);
        var forgotten = await Read<ReferralDto>(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = referrer.Id, newProspect = new { name = "Forgotten", kind = "Company" }, channel = "Phone" }, Json), HttpStatusCode.Created);
        foreach (var r in new[] { thanked, forgotten })
            await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{r.Id}/status", new { status = "Won" }, Json));
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{thanked.Id}/thanks", new { method = "Hand-written card" }, Json));

        Assert.Empty((await Read<Page<ReferralDto>>(await rep.GetAsync("/api/v1/referrals?thanksDue=true"))).Items);
        App.Travel(App.Clock.GetUtcNow().UtcDateTime.AddDays(7).AddMinutes(1));
        rep = await As(Who.Rep1);
        var due = await Read<Page<ReferralDto>>(await rep.GetAsync("/api/v1/referrals?thanksDue=true"));
        Assert.Equal([forgotten.Id], due.Items.Select(r => r.Id));
    }
}

public sealed class ReferralThanksTestsOnSqlite(SqliteApp app) : ReferralThanksTests<SqliteApp>(app);

public sealed class ReferralThanksTestsOnSqlServer(SqlServerApp app) : ReferralThanksTests<SqlServerApp>(app);
