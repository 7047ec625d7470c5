using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Features.Analytics;
using Crm.Api.IntegrationTests.Features.Complaints;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

public abstract class DashboardTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task The_dashboard_gathers_targets_compliance_complaints_referrals_tasks_and_reminders_for_the_callers_scope()
    {
        var manager = await As(Who.ManagerA);
        await Read<TargetBoardDto>(await manager.PostAsJsonAsync("/api/v1/targets", new { month = "2026-11", userId = App.UserIds[Who.Rep1], amount = 10000 }, Json));
        var special = await Arrange.OwnedByAsync(App, Who.Rep1, "Dashboard special", new { level = "Special", isKeyAccount = true });
        var rep = await As(Who.Rep1);
        await rep.PostAsJsonAsync($"/api/v1/customers/{special.Id}/purchases", new { purchasedOn = "2026-11-05", product = "P", category = "C", quantity = 1, unitPrice = 2500 }, Json);
        await ComplaintArrange.LogAsync(await As(Who.Service), special.Id, "Critical", receivedAt: App.Clock.GetUtcNow().UtcDateTime.AddHours(-30));
        await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = special.Id, newProspect = new { name = "Dashboard lead", kind = "Company" }, channel = "Phone" }, Json);
        await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Today", dueDate = "2026-11-18" }, Json);
        await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 100, "2026-09-01", "2026-10-01");
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3, "Not mine", new { level = "Special" });
        await ComplaintArrange.LogAsync(await As(Who.Service), theirs.Id, "Critical", receivedAt: App.Clock.GetUtcNow().UtcDateTime.AddHours(-30));

        var dashboard = await Read<DashboardDto>(await rep.GetAsync("/api/v1/dashboard"));
        Assert.Equal("2026-11", dashboard.Targets.Month);
        Assert.Equal(10000m, dashboard.Targets.Target);
        Assert.Equal(2500m, dashboard.Targets.Actual);
        Assert.Equal(25.0, dashboard.Targets.AttainmentPercent);
        Assert.Equal(2, dashboard.VisitCompliance.AtRisk); // the Special customer, and the referred lead (an A-grade lead: weekly visits)
        Assert.Equal(1, dashboard.Complaints.Breached);
        Assert.Equal(1, dashboard.Referrals.New);
        Assert.Equal(1, dashboard.Tasks.DueToday);
        Assert.Contains(dashboard.RemindersToday, r => r.Kind == ReminderKind.ComplaintDue);
        // Stages by the loyalty rules: the Special customer bought once (cognitive), the two-purchase customer without
        // complaints is emotional, the referred lead has not bought yet (none).
        Assert.Equal(new Dictionary<string, (int, double)> { ["None"] = (1, 33.3), ["Cognitive"] = (1, 33.3), ["Emotional"] = (1, 33.3), ["Behavioural"] = (0, 0) },
            dashboard.LoyaltyStages.ToDictionary(s => s.Key, s => (s.Customers, s.Share)));

        var admin = await Read<DashboardDto>(await (await As(Who.Admin)).GetAsync("/api/v1/dashboard"));
        Assert.Equal(2, admin.Complaints.Breached);
        Assert.Equal(2, admin.LoyaltyStages.Single(s => s.Key == "None").Customers);   // Rep3's customer too
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.NewClient().GetAsync("/api/v1/dashboard")).StatusCode);
    }
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests<SqliteApp>(app);

public sealed class DashboardTestsOnSqlServer(SqlServerApp app) : DashboardTests<SqlServerApp>(app);

/// <summary>
/// The dashboard's reminders, in a database of their own: the day's birthdays and quiet accounts added here would change
/// the whole base's figures the test above checks for the administrator.
/// </summary>
public abstract class DashboardReminderTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task The_dashboard_shows_the_first_twenty_of_todays_reminders_in_the_lists_order()
    {
        // Today (2026-11-18) brings 15 birthdays, then 8 special accounts not contacted for two weeks, each of which also
        // still needs its visit this week: the first twenty are the birthdays and five of the quiet accounts, by title.
        var rep = await As(Who.Rep2);
        var family = await Arrange.OwnedByAsync(App, Who.Rep2, "Birthday family", new { level = "C" });
        for (var i = 1; i <= 15; i++)
            await Read<object>(await rep.PostAsJsonAsync($"/api/v1/customers/{family.Id}/contacts", new { name = $"Contact {i:00}", birthday = "1980-11-18" }, Json), HttpStatusCode.Created);
        for (var i = 1; i <= 8; i++)
        {
            var quiet = await Arrange.OwnedByAsync(App, Who.Rep2, $"Quiet special {i}", new { level = "Special" });
            await Read<object>(await rep.PostAsJsonAsync($"/api/v1/customers/{quiet.Id}/purchases", new { purchasedOn = "2026-10-01", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json), HttpStatusCode.Created);
        }

        var today = await Read<Page<ReminderDto>>(await rep.GetAsync("/api/v1/reminders?from=2026-11-18&to=2026-11-18"));
        var dashboard = await Read<DashboardDto>(await rep.GetAsync("/api/v1/dashboard"));

        Assert.Contains(today.Items, r => r.Kind == ReminderKind.VisitDue);
        Assert.Equal(today.Items.Take(20), dashboard.RemindersToday);
        Assert.Equal(15, dashboard.RemindersToday.Count(r => r.Kind == ReminderKind.Birthday));
        Assert.Equal(5, dashboard.RemindersToday.Count(r => r.Kind == ReminderKind.NotContacted));
    }
}

public sealed class DashboardReminderTestsOnSqlite(SqliteApp app) : DashboardReminderTests<SqliteApp>(app);

public sealed class DashboardReminderTestsOnSqlServer(SqlServerApp app) : DashboardReminderTests<SqlServerApp>(app);
