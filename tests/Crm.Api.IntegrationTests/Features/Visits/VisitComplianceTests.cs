using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Visits;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Visits;

/// <summary>
/// Visit frequency by level (拜访频率): Special ≥ 2 on-site a week, A ≥ 1 visit a week. The clock stands at
/// Wednesday 2026-11-18 10:00 in Shanghai, ISO week 2026-W47 (Monday 16 November).
/// </summary>
public abstract class VisitComplianceTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static readonly DateTime ThisMonday = new(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc); // 09:00 Shanghai

    private async Task<CustomerDto> KeyAccount(string level = "Special", Who owner = Who.Rep1) =>
        await Arrange.OwnedByAsync(App, owner, extra: new { level, isKeyAccount = true });

    private async Task<ComplianceRowDto> Row(Guid customerId, string? week = null, Who who = Who.Rep1) =>
        Assert.Single((await AllPages(who, week is null ? "" : "week=" + week)).Rows, r => r.CustomerId == customerId);

    /// <summary>Every page of the report, following nextCursor, with each page as it came.</summary>
    private async Task<(List<ComplianceRowDto> Rows, List<VisitComplianceDto> Pages)> AllPages(Who who, string query = "", int limit = 200)
    {
        var client = await As(who);
        var pages = new List<VisitComplianceDto>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/visits/compliance?limit={limit}" + (query == "" ? "" : "&" + query) + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            pages.Add(await Read<VisitComplianceDto>(await client.GetAsync(url)));
            cursor = pages[^1].NextCursor;
            Assert.True(pages.Count < 1000, "the cursor moves on");
        }
        while (cursor is not null);
        return (pages.SelectMany(p => p.Items).ToList(), pages);
    }

    [Fact]
    public async Task A_special_customer_with_one_on_site_and_one_phone_visit_is_short_of_an_on_site_visit()
    {
        var customer = await KeyAccount();
        var rep = await As(Who.Rep1);
        await VisitArrange.LogAsync(rep, customer.Id, "OnSite", ThisMonday);
        await VisitArrange.LogAsync(rep, customer.Id, "Phone", ThisMonday.AddDays(1));

        var row = await Row(customer.Id);
        Assert.Equal(2, row.RequiredOnSite);
        Assert.Equal(1, row.DoneOnSite);
        Assert.Equal(2, row.DoneTotal);
        Assert.Equal(1, row.Shortfall);
        Assert.Equal(ComplianceStatus.AtRisk, row.Status);

        await VisitArrange.LogAsync(rep, customer.Id, "OnSite", ThisMonday.AddDays(1).AddHours(3));
        Assert.Equal(ComplianceStatus.Met, (await Row(customer.Id)).Status);
    }

    [Fact]
    public async Task A_transferred_key_account_brings_its_weeks_visits_to_the_new_owners_report()
    {
        var customer = await KeyAccount("A");
        await VisitArrange.LogAsync(await As(Who.Rep1), customer.Id, "OnSite", ThisMonday);
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer", new { newOwnerId = App.UserIds[Who.Rep2] }, Json)).StatusCode);

        var row = await Row(customer.Id, who: Who.Rep2);
        Assert.Equal((1, ComplianceStatus.Met), (row.DoneTotal, row.Status));
        Assert.DoesNotContain((await AllPages(Who.Rep1)).Rows, r => r.CustomerId == customer.Id);
    }

    [Fact]
    public async Task The_dashboard_counts_the_same_met_at_risk_and_missing_key_accounts_as_the_report()
    {
        // The dashboard reads a summary of its own (counts only); it must agree with the report it summarises.
        var rep = await As(Who.Rep2);
        var met = await KeyAccount(owner: Who.Rep2);
        await VisitArrange.LogAsync(rep, met.Id, "OnSite", ThisMonday);
        await VisitArrange.LogAsync(rep, met.Id, "OnSite", ThisMonday.AddDays(1));
        var metByPhone = await KeyAccount("A", Who.Rep2);
        await VisitArrange.LogAsync(rep, metByPhone.Id, "Phone", ThisMonday);
        var short1 = await KeyAccount(owner: Who.Rep2);
        await VisitArrange.LogAsync(rep, short1.Id, "OnSite", ThisMonday);
        await KeyAccount("A", Who.Rep2);

        var report = await Read<VisitComplianceDto>(await rep.GetAsync("/api/v1/visits/compliance?limit=1"));
        var dashboard = await Read<Crm.Api.Features.Analytics.DashboardDto>(await rep.GetAsync("/api/v1/dashboard"));
        Assert.True(report.Summary.Met >= 2 && report.Summary.AtRisk >= 2, "the arrangement has met and unmet accounts");
        Assert.Equal(report.Summary, dashboard.VisitCompliance);
    }

    [Fact]
    public async Task A_past_week_that_was_not_met_is_missed()
    {
        var customer = await KeyAccount();
        var rep = await As(Who.Rep1);
        await VisitArrange.LogAsync(rep, customer.Id, "OnSite", ThisMonday.AddDays(-6));
        await VisitArrange.LogAsync(rep, customer.Id, "Phone", ThisMonday.AddDays(-5));
        var row = await Row(customer.Id, "2026-W46");
        Assert.Equal(ComplianceStatus.Missed, row.Status);
        Assert.Equal(1, row.DoneOnSite);
    }

    [Fact]
    public async Task A_cancelled_or_no_show_visit_never_counts()
    {
        var customer = await KeyAccount("A");
        var rep = await As(Who.Rep1);
        var cancelled = await VisitArrange.PlanAsync(rep, customer.Id, ThisMonday.AddHours(2));
        await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{cancelled.Id}/appointment", new { change = "CancelByCustomer" }, Json));
        var noShow = await VisitArrange.PlanAsync(rep, customer.Id, ThisMonday.AddHours(5));
        await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{noShow.Id}/appointment", new { change = "NoShow" }, Json));

        var row = await Row(customer.Id);
        Assert.Equal(0, row.DoneTotal);
        Assert.Equal(1, row.Shortfall);
    }

    [Fact]
    public async Task A_returned_record_does_not_count_until_it_is_resubmitted()
    {
        var customer = await KeyAccount("A");
        var rep = await As(Who.Rep1);
        var visit = await VisitArrange.LogAsync(rep, customer.Id, "Phone", ThisMonday);
        Assert.Equal(ComplianceStatus.Met, (await Row(customer.Id)).Status);
        await Read<VisitDto>(await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Return", comment = "More detail please" }, Json));
        Assert.Equal(ComplianceStatus.AtRisk, (await Row(customer.Id)).Status);
    }

    [Fact]
    public async Task Weeks_roll_over_at_monday_midnight_in_the_organisations_time_zone_not_utc()
    {
        var customer = await KeyAccount("A");
        var rep = await As(Who.Rep1);
        // Sunday 8 November 16:30 UTC is already Monday 9 November 00:30 in Shanghai: week 46, not week 45.
        await VisitArrange.LogAsync(rep, customer.Id, "OnSite", new DateTime(2026, 11, 8, 16, 30, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await Row(customer.Id, "2026-W46")).DoneTotal);
        Assert.Equal(0, (await Row(customer.Id, "2026-W45")).DoneTotal);

        // Sunday 8 November 15:30 UTC is Sunday 23:30 in Shanghai: still week 45.
        await VisitArrange.LogAsync(rep, customer.Id, "Phone", new DateTime(2026, 11, 8, 15, 30, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await Row(customer.Id, "2026-W45")).DoneTotal);
    }

    [Fact]
    public async Task Compliance_covers_only_customers_in_the_callers_scope_and_levels_with_a_minimum()
    {
        var mine = await KeyAccount("A");
        var theirs = await KeyAccount("Special", Who.Rep3);
        var plain = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "B" });
        // A colleague's account visited enough this week must not count in Rep1's totals either.
        var colleagues = await KeyAccount("A", Who.Rep2);
        await VisitArrange.LogAsync(await As(Who.Rep2), colleagues.Id, "Phone", ThisMonday);
        var (mineRows, minePages) = await AllPages(Who.Rep1, limit: 1);
        Assert.Contains(mineRows, r => r.CustomerId == mine.Id);
        Assert.DoesNotContain(mineRows, r => r.CustomerId == theirs.Id);
        Assert.DoesNotContain(mineRows, r => r.CustomerId == colleagues.Id);
        Assert.DoesNotContain(mineRows, r => r.CustomerId == plain.Id);
        Assert.All(mineRows, r => Assert.Equal(App.UserIds[Who.Rep1], r.OwnerId));
        Assert.Equal(mineRows.Count(r => r.Status == ComplianceStatus.Met), minePages[0].Summary.Met);
        Assert.Equal("2026-W47", minePages[0].Week);
        Assert.Equal(new DateTime(2026, 11, 15, 16, 0, 0, DateTimeKind.Utc), minePages[0].FromUtc);

        // A rep asking for another rep's or another team's accounts gets none of them, not an error.
        var (otherRows, otherPages) = await AllPages(Who.Rep1, $"ownerId={App.UserIds[Who.Rep3]}");
        Assert.Empty(otherRows);
        Assert.Equal(0, otherPages[0].Summary.Customers);

        var (team, _) = await AllPages(Who.ManagerB, $"teamId={App.TeamB}", limit: 1);
        Assert.Contains(team, r => r.CustomerId == theirs.Id);
        Assert.DoesNotContain(team, r => r.CustomerId == mine.Id);

        var (all, _) = await AllPages(Who.Admin);
        Assert.Contains(all, r => r.CustomerId == mine.Id);
        Assert.Contains(all, r => r.CustomerId == theirs.Id);

        // The team and owner filters narrow what the caller may see.
        var (adminsTeamB, adminsTeamBPages) = await AllPages(Who.Admin, $"teamId={App.TeamB}");
        Assert.Contains(adminsTeamB, r => r.CustomerId == theirs.Id);
        Assert.DoesNotContain(adminsTeamB, r => r.CustomerId == mine.Id);
        Assert.Equal(adminsTeamB.Count, adminsTeamBPages[0].Summary.Customers);
        var (adminsRep1, _) = await AllPages(Who.Admin, $"ownerId={App.UserIds[Who.Rep1]}");
        Assert.Contains(adminsRep1, r => r.CustomerId == mine.Id);
        Assert.All(adminsRep1, r => Assert.Equal(App.UserIds[Who.Rep1], r.OwnerId));
    }

    [Fact]
    public async Task The_report_lists_every_key_account_once_furthest_behind_first_then_by_name()
    {
        var rep = await As(Who.Rep2);
        var untouchedSpecial = await KeyAccount("Special", Who.Rep2);
        var halfwaySpecial = await KeyAccount("Special", Who.Rep2);
        await VisitArrange.LogAsync(rep, halfwaySpecial.Id, "OnSite", ThisMonday);
        var metA = await KeyAccount("A", Who.Rep2);
        await VisitArrange.LogAsync(rep, metA.Id, "Phone", ThisMonday);
        // Two accounts of the same name and shortfall: the id decides, so no page repeats or skips one of them.
        var twin1 = await Arrange.OwnedByAsync(App, Who.Rep2, "同名客户 Twin", new { level = "A", isKeyAccount = true });
        var twin2 = await Arrange.OwnedByAsync(App, Who.Rep2, "同名客户 Twin", new { level = "A", isKeyAccount = true });

        var (rows, pages) = await AllPages(Who.Rep2, limit: 2);

        Assert.True(pages.Count >= 3, "the rows span several pages");
        Assert.Equal(rows.Count, rows.Select(r => r.CustomerId).Distinct().Count());
        Assert.Equal(pages[0].Summary.Customers, rows.Count);
        foreach (var arranged in new[] { untouchedSpecial, halfwaySpecial, metA, twin1, twin2 })
            Assert.Contains(rows, r => r.CustomerId == arranged.Id);
        // The id decides between equal names in the database's own order of ids (SQL Server orders uniqueidentifiers
        // differently from .NET), so the documented order is checked up to that: a stable sort keeps the twins as they came.
        var documented = rows.OrderByDescending(r => r.Shortfall).ThenBy(r => r.CustomerName, StringComparer.Ordinal).ToList();
        Assert.Equal(documented.Select(r => r.CustomerId), rows.Select(r => r.CustomerId));
        Assert.True(rows.FindIndex(r => r.CustomerId == untouchedSpecial.Id) < rows.FindIndex(r => r.CustomerId == halfwaySpecial.Id));
        Assert.True(rows.FindIndex(r => r.CustomerId == halfwaySpecial.Id) < rows.FindIndex(r => r.CustomerId == metA.Id));
    }

    [Fact]
    public async Task Every_page_carries_the_totals_of_the_whole_scope_not_of_the_page()
    {
        var rep = await As(Who.Rep2);
        var met = await KeyAccount("A", Who.Rep2);
        await VisitArrange.LogAsync(rep, met.Id, "Phone", ThisMonday);
        await KeyAccount("Special", Who.Rep2);
        await KeyAccount("A", Who.Rep2);

        var (rows, pages) = await AllPages(Who.Rep2, limit: 1);

        var whole = new ComplianceSummaryDto(rows.Count, rows.Count(r => r.Status == ComplianceStatus.Met), rows.Count(r => r.Status == ComplianceStatus.AtRisk),
            rows.Count(r => r.Status == ComplianceStatus.Missed), Math.Round(100.0 * rows.Count(r => r.Status == ComplianceStatus.Met) / rows.Count, 1));
        Assert.True(pages.Count >= 3);
        Assert.All(pages, p => Assert.Equal(whole, p.Summary));
        Assert.All(pages, p => Assert.True(p.Items.Count <= 1));
        Assert.Null(pages[^1].NextCursor);
    }

    [Fact]
    public async Task The_status_filter_narrows_the_rows_but_not_the_totals()
    {
        var rep = await As(Who.Rep2);
        var met = await KeyAccount("A", Who.Rep2);
        await VisitArrange.LogAsync(rep, met.Id, "Phone", ThisMonday);
        var due = await KeyAccount("A", Who.Rep2);

        var (metRows, metPages) = await AllPages(Who.Rep2, "status=Met", limit: 1);
        Assert.Contains(metRows, r => r.CustomerId == met.Id);
        Assert.DoesNotContain(metRows, r => r.CustomerId == due.Id);
        Assert.All(metRows, r => Assert.Equal(ComplianceStatus.Met, r.Status));
        var (allRows, allPages) = await AllPages(Who.Rep2);
        Assert.Equal(allPages[0].Summary, metPages[0].Summary);
        Assert.True(allRows.Count > metRows.Count);

        // This week is still running: nothing is missed yet, however far behind.
        var (missed, _) = await AllPages(Who.Rep2, "status=Missed");
        Assert.Empty(missed);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=eyJLIjpudWxsLCJJIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIn0")] // {"K":null,"I":"0000..."}
    [InlineData("cursor=eyJLIjoiQWNtZSIsIkkiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ")] // a customer list's cursor: {"K":"Acme",...}
    [InlineData("status=Late")]
    public async Task A_bad_page_size_cursor_or_status_is_a_bad_request(string query) =>
        await Problem(await (await As(Who.ManagerA)).GetAsync("/api/v1/visits/compliance?" + query), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("2026-47")]
    [InlineData("2026-W54")]
    [InlineData("last week")]
    public async Task A_malformed_week_is_a_bad_request(string week) =>
        await Problem(await (await As(Who.Rep1)).GetAsync("/api/v1/visits/compliance?week=" + Uri.EscapeDataString(week)), HttpStatusCode.BadRequest);

    [Fact]
    public async Task My_week_lists_key_accounts_still_due_and_the_planned_visits_that_cover_them()
    {
        var due = await KeyAccount("Special", Who.Rep2);
        var covered = await KeyAccount("A", Who.Rep2);
        var done = await KeyAccount("A", Who.Rep2);
        var rep = await As(Who.Rep2);
        await VisitArrange.LogAsync(rep, done.Id, "Phone", ThisMonday);
        await VisitArrange.PlanAsync(rep, covered.Id, ThisMonday.AddDays(3), "Phone");
        await VisitArrange.PlanAsync(rep, due.Id, ThisMonday.AddDays(3));

        var week = await Read<Crm.Api.Common.Page<DueVisitDto>>(await rep.GetAsync("/api/v1/visits/due"));
        Assert.DoesNotContain(week.Items, d => d.Compliance.CustomerId == done.Id);
        var special = Assert.Single(week.Items, d => d.Compliance.CustomerId == due.Id);
        Assert.Equal(2, special.Compliance.Shortfall);
        Assert.False(special.CoveredByPlan);
        Assert.True(Assert.Single(week.Items, d => d.Compliance.CustomerId == covered.Id).CoveredByPlan);
    }

    [Fact]
    public async Task Rep_statistics_count_visits_by_form_completion_broken_appointments_and_first_time_approvals()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep3, extra: new { level = "C" });
        var rep = await As(Who.Rep3);
        var manager = await As(Who.ManagerB);
        var first = await VisitArrange.LogAsync(rep, customer.Id, "OnSite", ThisMonday);
        var second = await VisitArrange.LogAsync(rep, customer.Id, "Phone", ThisMonday.AddHours(3));
        await Read<VisitDto>(await manager.PostAsJsonAsync($"/api/v1/visits/{first.Id}/review", new { decision = "Approve" }, Json));
        await Read<VisitDto>(await manager.PostAsJsonAsync($"/api/v1/visits/{second.Id}/review", new { decision = "Return", comment = "Who attended?" }, Json));
        await Read<VisitDto>(await rep.PostAsync($"/api/v1/visits/{second.Id}/resubmit", null));
        await Read<VisitDto>(await manager.PostAsJsonAsync($"/api/v1/visits/{second.Id}/review", new { decision = "Approve" }, Json));

        var planned = await VisitArrange.PlanAsync(rep, customer.Id, ThisMonday.AddHours(6));
        await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{planned.Id}/complete", VisitArrange.Record(ThisMonday.AddHours(6)), Json));
        var broken = await VisitArrange.PlanAsync(rep, customer.Id, ThisMonday.AddHours(8));
        await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{broken.Id}/appointment", new { change = "NoShow" }, Json));

        var stats = await Read<VisitStatsDto>(await manager.GetAsync($"/api/v1/visits/stats?from=2026-11-01&to=2026-11-30&visitorId={App.UserIds[Who.Rep3]}"));
        var row = Assert.Single(stats.Reps);
        Assert.Equal(21, stats.WorkingDays);
        Assert.Equal(3, row.VisitsMade);
        Assert.Equal(2, row.OnSite);
        Assert.Equal(1, row.Phone);
        Assert.Equal(Math.Round(3.0 / 21, 2), row.VisitsPerWorkingDay);
        Assert.Equal(2, row.PlannedFinished);
        Assert.Equal(50.0, row.CompletionRate);
        Assert.Equal(50.0, row.BrokenAppointmentRate);
        Assert.Equal(2, row.RecordsApproved);
        Assert.Equal(50.0, row.FirstTimeApprovalRate);
        Assert.Equal(3, stats.Total.VisitsMade);
    }
}

public sealed class VisitComplianceTestsOnSqlite(SqliteApp app) : VisitComplianceTests<SqliteApp>(app);

public sealed class VisitComplianceTestsOnSqlServer(SqlServerApp app) : VisitComplianceTests<SqlServerApp>(app);

/// <summary>Changes the organisation's policy, so it has an app of its own.</summary>
public abstract class VisitPolicyTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task The_default_policy_follows_the_manuals_and_a_change_applies_to_compliance_at_once()
    {
        var admin = await As(Who.Admin);
        var response = await admin.GetAsync("/api/v1/settings/visit-policy");
        var policy = await Read<VisitPolicyDto>(response);
        Assert.Contains(policy.Levels, l => l is { Level: Crm.Api.Domain.CustomerLevel.Special, MinOnSitePerWeek: 2 });
        Assert.Contains(policy.Levels, l => l is { Level: Crm.Api.Domain.CustomerLevel.A, MinTotalPerWeek: 1 });
        Assert.Contains(policy.Levels, l => l is { Level: Crm.Api.Domain.CustomerLevel.B, MinTotalPerWeek: 0, MinOnSitePerWeek: 0 });

        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "B" });
        var before = await Read<VisitComplianceDto>(await (await As(Who.Rep1)).GetAsync("/api/v1/visits/compliance?limit=200"));
        Assert.DoesNotContain(before.Items, r => r.CustomerId == customer.Id);

        var body = new { levels = new[] { new { level = "B", minOnSitePerWeek = 1, minTotalPerWeek = 1 } } };
        await Problem(await admin.SendAsync(WithIfMatch(HttpMethod.Put, "/api/v1/settings/visit-policy", null, body)), HttpStatusCode.PreconditionRequired);
        await Problem(await (await As(Who.ManagerA)).SendAsync(WithIfMatch(HttpMethod.Put, "/api/v1/settings/visit-policy", response.Headers.ETag!.Tag, body)), HttpStatusCode.Forbidden);
        await Read<VisitPolicyDto>(await admin.SendAsync(WithIfMatch(HttpMethod.Put, "/api/v1/settings/visit-policy", response.Headers.ETag!.Tag, body)));

        var after = await Read<VisitComplianceDto>(await (await As(Who.Rep1)).GetAsync("/api/v1/visits/compliance?limit=200"));
        var row = Assert.Single(after.Items, r => r.CustomerId == customer.Id);
        Assert.Equal(1, row.RequiredOnSite);
        Assert.Equal(ComplianceStatus.AtRisk, row.Status);
    }

    [Fact]
    public async Task A_total_minimum_below_the_on_site_minimum_is_refused()
    {
        var admin = await As(Who.Admin);
        var response = await admin.GetAsync("/api/v1/settings/visit-policy");
        var body = new { levels = new[] { new { level = "A", minOnSitePerWeek = 3, minTotalPerWeek = 1 } } };
        await Problem(await admin.SendAsync(WithIfMatch(HttpMethod.Put, "/api/v1/settings/visit-policy", response.Headers.ETag!.Tag, body)), HttpStatusCode.BadRequest);
    }
}

public sealed class VisitPolicyTestsOnSqlite(SqliteApp app) : VisitPolicyTests<SqliteApp>(app);

public sealed class VisitPolicyTestsOnSqlServer(SqlServerApp app) : VisitPolicyTests<SqlServerApp>(app);
