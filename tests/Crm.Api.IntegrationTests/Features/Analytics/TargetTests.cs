using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Analytics;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>
/// 销售目标 for November 2026: 21 weekdays, less the holiday on Friday 20 November, leaves 20 working days.
/// Rep3's target of 20,000 is 1,000 a working day; weeks 45–49 hold 5, 5, 4, 5 and 1 working days of the month.
/// </summary>
public abstract class TargetTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_monthly_target_is_split_over_working_days_and_tracked_against_actuals()
    {
        var admin = await As(Who.Admin);
        await Read<Crm.Api.Common.Page<HolidayDto>>(await admin.PostAsJsonAsync("/api/v1/settings/holidays", new { date = "2026-11-20", name = "Company day", isWorkingDay = false }, Json));
        var manager = await As(Who.ManagerB);
        await Read<TargetBoardDto>(await manager.PostAsJsonAsync("/api/v1/targets", new { month = "2026-11", userId = App.UserIds[Who.Rep3], amount = 20000 }, Json));

        var customer = await Arrange.OwnedByAsync(App, Who.Rep3);
        var rep = await As(Who.Rep3);
        foreach (var (on, amount) in new[] { ("2026-10-15", 4000m), ("2026-11-03", 3000m), ("2026-11-17", 2500m) })
            Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
                new { purchasedOn = on, product = "P", category = "C", quantity = 1, unitPrice = amount }, Json)).StatusCode);

        var board = await Read<TargetBoardDto>(await manager.GetAsync($"/api/v1/targets?month=2026-11&teamId={App.TeamB}"));
        Assert.Equal(20, board.WorkingDays);
        var row = Assert.Single(board.Reps, r => r.UserId == App.UserIds[Who.Rep3]);
        Assert.Equal(20000m, row.Target);
        Assert.Equal(1000m, row.DailyTarget);
        Assert.Equal(5500m, row.Actual);
        Assert.Equal(27.5, row.AttainmentPercent);
        Assert.Equal([("2026-W44", 0, 0m), ("2026-W45", 5, 5000m), ("2026-W46", 5, 5000m), ("2026-W47", 4, 4000m), ("2026-W48", 5, 5000m), ("2026-W49", 1, 1000m)],
            row.Weeks.Select(w => (w.Period, w.WorkingDays, w.Target)));
        Assert.Equal(3000m, row.Weeks.Single(w => w.Period == "2026-W45").Actual);
        Assert.Equal(62.5, row.Weeks.Single(w => w.Period == "2026-W47").AttainmentPercent);
        var october = board.History.Single(h => h.Month == "2026-10");
        var november = board.History.Single(h => h.Month == "2026-11");
        Assert.Equal(4000m, october.Actual);
        Assert.Equal(37.5, november.ChangePercent);
    }

    [Fact]
    public async Task Only_the_reps_own_manager_or_an_admin_sets_their_target()
    {
        await Problem(await (await As(Who.ManagerA)).PostAsJsonAsync("/api/v1/targets", new { month = "2026-11", userId = App.UserIds[Who.Rep3], amount = 1 }, Json), HttpStatusCode.BadRequest);
        await Problem(await (await As(Who.Rep3)).PostAsJsonAsync("/api/v1/targets", new { month = "2026-11", userId = App.UserIds[Who.Rep3], amount = 1 }, Json), HttpStatusCode.Forbidden);
        await Problem(await (await As(Who.Admin)).PostAsJsonAsync("/api/v1/targets", new { month = "2026-13", userId = App.UserIds[Who.Rep3], amount = 1 }, Json), HttpStatusCode.BadRequest);
        await Problem(await (await As(Who.Admin)).PostAsJsonAsync("/api/v1/targets", new { month = "2026-11", userId = App.UserIds[Who.Rep3], amount = -5 }, Json), HttpStatusCode.BadRequest);
    }
}

public sealed class TargetTestsOnSqlite(SqliteApp app) : TargetTests<SqliteApp>(app);

public sealed class TargetTestsOnSqlServer(SqlServerApp app) : TargetTests<SqlServerApp>(app);
