using System.Net.Http.Json;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Visits;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Features.Visits;

/// <summary>
/// The last visit that counts for compliance is kept on the customer's statistics row (CustomerStats.LastVisitAt) on
/// every visit write; the compliance report reads it. The clock stands at Wednesday 2026-11-18 (week 2026-W47).
/// </summary>
public abstract class LastVisitTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static readonly DateTime ThisMonday = new(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc);

    private DateTime? Kept(Guid customerId) =>
        App.WithDb(db => db.CustomerStats.IgnoreQueryFilters().Where(s => s.CustomerId == customerId).Select(s => s.LastVisitAt).SingleOrDefault());

    private async Task<ComplianceRowDto> Row(Guid customerId, string? week = null)
    {
        var report = await Read<VisitComplianceDto>(await (await As(Who.Rep1)).GetAsync("/api/v1/visits/compliance" + (week is null ? "" : "?week=" + week)));
        return Assert.Single(report.Items, r => r.CustomerId == customerId);
    }

    [Fact]
    public async Task The_kept_last_visit_follows_completion_and_review_and_a_returned_record_stops_counting()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "A", isKeyAccount = true });
        var rep = await As(Who.Rep1);
        Assert.Null(Kept(customer.Id));

        await VisitArrange.LogAsync(rep, customer.Id, "Phone", ThisMonday.AddDays(-9));
        var latest = await VisitArrange.LogAsync(rep, customer.Id, "OnSite", ThisMonday);
        Assert.Equal(ThisMonday, Kept(customer.Id));
        Assert.Equal(ThisMonday, (await Row(customer.Id)).LastVisitAt);

        await Read<VisitDto>(await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/visits/{latest.Id}/review", new { decision = "Return", comment = "More detail please" }, Json));
        Assert.Equal(ThisMonday.AddDays(-9), Kept(customer.Id));
        Assert.Equal(ThisMonday.AddDays(-9), (await Row(customer.Id)).LastVisitAt);
    }

    [Fact]
    public async Task A_past_weeks_report_shows_the_last_visit_before_that_week_ended_not_a_later_one()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "A", isKeyAccount = true });
        var rep = await As(Who.Rep1);
        await VisitArrange.LogAsync(rep, customer.Id, "Phone", ThisMonday.AddDays(-6));
        await VisitArrange.LogAsync(rep, customer.Id, "OnSite", ThisMonday.AddDays(1));

        Assert.Equal(ThisMonday.AddDays(-6), (await Row(customer.Id, "2026-W46")).LastVisitAt);
        Assert.Equal(ThisMonday.AddDays(1), (await Row(customer.Id)).LastVisitAt);
    }
}

public sealed class LastVisitTestsOnSqlite(SqliteApp app) : LastVisitTests<SqliteApp>(app);

public sealed class LastVisitTestsOnSqlServer(SqlServerApp app) : LastVisitTests<SqlServerApp>(app);
