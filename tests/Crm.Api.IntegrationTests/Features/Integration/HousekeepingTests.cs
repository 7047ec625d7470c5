using System.Net;
using System.Net.Http.Json;
using Crm.Api.Domain;
using Crm.Api.Features.Housekeeping;
using Crm.Api.Features.Sync;
using Crm.Api.Features.Webhooks;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Features.Integration;

/// <summary>Housekeeping keeps the integration tables bounded without changing what any client sees.</summary>
public abstract class HousekeepingTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private Task<HousekeepingResult> RunAsync() => App.Services.GetRequiredService<Housekeeping>().RunOnceAsync(CancellationToken.None);

    private void TravelDays(double days) => App.Travel(App.Clock.GetUtcNow().UtcDateTime.AddDays(days));

    /// <summary>Every change after the cursor, page by page, and the cursor to continue from.</summary>
    private async Task<(List<SyncChangeDto> Changes, string Cursor)> SyncFromAsync(Who who, string? cursor = null)
    {
        var client = await As(who);
        var all = new List<SyncChangeDto>();
        while (true)
        {
            var page = await Read<SyncPageDto>(await client.GetAsync("/api/v1/sync?limit=1000" + (cursor is null ? "" : $"&since={cursor}")));
            all.AddRange(page.Changes);
            cursor = page.NextCursor;
            if (!page.HasMore) return (all, cursor);
        }
    }

    private async Task<List<SyncChangeDto>> SyncAllAsync(Who who, string? cursor = null) => (await SyncFromAsync(who, cursor)).Changes;

    private static HttpRequestMessage Put(string url, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    [Fact]
    public async Task Idempotency_keys_are_forgotten_after_their_lifetime_and_not_before()
    {
        var rep = await As(Who.Rep1);
        using var create = Arrange.CustomerCreateWithKey("housekeeping-key-1", "幂等清理");
        Assert.Equal(HttpStatusCode.Created, (await rep.SendAsync(create)).StatusCode);

        TravelDays(0.5);
        await RunAsync();
        Assert.Equal(1, App.WithDb(db => db.IdempotencyRecords.Count(r => r.Key == "housekeeping-key-1")));

        TravelDays(0.6);   // 26.4 hours after the request
        Assert.True((await RunAsync()).IdempotencyKeys >= 1);
        Assert.Equal(0, App.WithDb(db => db.IdempotencyRecords.Count(r => r.Key == "housekeeping-key-1")));
    }

    [Fact]
    public async Task Finished_deliveries_and_their_events_go_after_the_retention_but_pending_ones_stay()
    {
        var admin = await As(Who.Admin);
        var created = await Read<CreatedWebhookDto>(await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "customer.created" } }, Json), HttpStatusCode.Created);
        var delivered = await Arrange.OwnedByAsync(App, Who.Rep1, "已送达事件");
        var pending = await Arrange.OwnedByAsync(App, Who.Rep1, "待送达事件");
        Guid EventOf(Guid customerId) => App.WithDb(db => db.OutboxEvents.Where(e => e.Type == "customer.created" && e.Payload.Contains(customerId.ToString())).Select(e => e.Id).Single());
        var (deliveredEvent, pendingEvent) = (EventOf(delivered.Id), EventOf(pending.Id));
        App.WithDb(db =>
        {
            var delivery = db.WebhookDeliveries.Single(d => d.EventId == deliveredEvent && d.SubscriptionId == created.Webhook.Id);
            (delivery.Status, delivery.DeliveredAt) = (DeliveryStatus.Delivered, App.Clock.GetUtcNow().UtcDateTime);
            return db.SaveChanges();
        });

        TravelDays(29);
        await RunAsync();
        Assert.Equal(1, App.WithDb(db => db.WebhookDeliveries.Count(d => d.EventId == deliveredEvent)));   // the log keeps 30 days

        TravelDays(2);
        var removed = await RunAsync();
        Assert.True(removed.Deliveries >= 1 && removed.Events >= 1, removed.ToString());
        Assert.Equal(0, App.WithDb(db => db.WebhookDeliveries.Count(d => d.EventId == deliveredEvent)));
        Assert.Equal(0, App.WithDb(db => db.OutboxEvents.Count(e => e.Id == deliveredEvent)));
        // Still being retried: the delivery and its event stay, however old.
        Assert.Equal(1, App.WithDb(db => db.WebhookDeliveries.Count(d => d.EventId == pendingEvent)));
        Assert.Equal(1, App.WithDb(db => db.OutboxEvents.Count(e => e.Id == pendingEvent)));
    }

    [Fact]
    public async Task Compacting_the_change_log_keeps_what_every_client_sees_from_any_cursor()
    {
        var rep1 = await As(Who.Rep1);
        var (_, rep1Cursor) = await SyncFromAsync(Who.Rep1);
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "压缩日志客户");
        for (var i = 1; i <= 3; i++)
        {
            var current = await rep1.GetAsync($"/api/v1/customers/{customer.Id}");
            var dto = await Read<Crm.Api.Features.Customers.CustomerDto>(current);
            Assert.Equal(HttpStatusCode.OK, (await rep1.SendAsync(Put($"/api/v1/customers/{customer.Id}", current.Headers.ETag?.Tag,
                Arrange.UpdateBody(dto, b => b["region"] = $"区域 {i}")))).StatusCode);
        }
        // Transferred to Rep3: the transfer's change is the only one that tells Rep1 the customer left.
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep3], reason = "区域调整" }, Json)).StatusCode);
        var rep3 = await As(Who.Rep3);
        var afterTransfer = await rep3.GetAsync($"/api/v1/customers/{customer.Id}");
        Assert.Equal(HttpStatusCode.OK, (await rep3.SendAsync(Put($"/api/v1/customers/{customer.Id}", afterTransfer.Headers.ETag?.Tag,
            Arrange.UpdateBody(await Read<Crm.Api.Features.Customers.CustomerDto>(afterTransfer), b => b["region"] = "区域 新")))).StatusCode);

        var rowsBefore = App.WithDb(db => db.ChangeRecords.Count(c => c.EntityId == customer.Id));
        var rep1Before = Summary(await SyncAllAsync(Who.Rep1, rep1Cursor), customer.Id);
        var rep3Before = Summary(await SyncAllAsync(Who.Rep3), customer.Id);
        Assert.Equal([("customer", "remove")], rep1Before);
        Assert.Equal([("customer", "upsert")], rep3Before);

        TravelDays(3);
        Assert.Equal(0, (await RunAsync()).Changes);   // younger than a week: left alone
        TravelDays(5);
        Assert.True((await RunAsync()).Changes >= 4);

        // Created and three updates under Rep1 are covered by the transfer; the transfer itself stays (it reaches Rep1),
        // and so does the latest change.
        var rows = App.WithDb(db => db.ChangeRecords.Where(c => c.EntityId == customer.Id).OrderBy(c => c.Sequence)
            .Select(c => new { c.OwnerId, c.PreviousOwnerId }).ToList());
        Assert.True(rows.Count < rowsBefore, $"{rows.Count} of {rowsBefore}");
        Assert.Contains(rows, r => r.PreviousOwnerId == App.UserIds[Who.Rep1]);
        Assert.Equal(rep1Before, Summary(await SyncAllAsync(Who.Rep1, rep1Cursor), customer.Id));
        Assert.Equal(rep3Before, Summary(await SyncAllAsync(Who.Rep3), customer.Id));
    }

    [Fact]
    public async Task Compaction_removes_exactly_the_superseded_changes_pass_after_pass()
    {
        var edited = await Arrange.OwnedByAsync(App, Who.Rep1, "精确压缩 甲");
        var untouched = await Arrange.OwnedByAsync(App, Who.Rep1, "精确压缩 乙");
        var transferred = await Arrange.OwnedByAsync(App, Who.Rep1, "精确压缩 丙");
        await EditAsync(Who.Rep1, edited.Id, "一");
        await EditAsync(Who.Rep1, edited.Id, "二");
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{transferred.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep3], reason = "区域调整" }, Json)).StatusCode);
        await EditAsync(Who.Rep3, transferred.Id, "新");

        TravelDays(8);
        Assert.True(await PassRemovesExactlyTheSupersededAsync() >= 3);
        // After a pass: a record already compacted changes twice more, another changes for the first time.
        await EditAsync(Who.Rep1, edited.Id, "三");
        await EditAsync(Who.Rep1, edited.Id, "四");
        await EditAsync(Who.Rep1, untouched.Id, "一");
        TravelDays(3);
        Assert.Equal(2, await PassRemovesExactlyTheSupersededAsync());   // 二 and 乙's first change; 三 is too young
        // A week after 三 it goes, although the pass before had already read past it.
        TravelDays(5);
        Assert.Equal(1, await PassRemovesExactlyTheSupersededAsync());
    }

    /// <summary>Runs a pass and checks that it removed exactly what the rule, applied to the whole log, calls superseded.</summary>
    private async Task<int> PassRemovesExactlyTheSupersededAsync()
    {
        var compactBefore = App.Clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var log = App.WithDb(db => db.ChangeRecords.AsNoTracking().OrderBy(c => c.Sequence).ToList());
        var expected = log.Where(r => !(r.ChangedAt < compactBefore && log.Any(later =>
                later.EntityId == r.EntityId && later.EntityType == r.EntityType && later.Sequence > r.Sequence
                && (later.OwnerId == r.OwnerId || later.PreviousOwnerId == r.OwnerId)
                && (r.PreviousOwnerId == null || later.OwnerId == r.PreviousOwnerId || later.PreviousOwnerId == r.PreviousOwnerId))))
            .Select(r => r.Sequence).ToList();
        var removed = (await RunAsync()).Changes;
        Assert.Equal(expected, App.WithDb(db => db.ChangeRecords.OrderBy(c => c.Sequence).Select(c => c.Sequence).ToList()));
        Assert.Equal(log.Count - expected.Count, removed);
        return removed;
    }

    private async Task EditAsync(Who who, Guid customerId, string region)
    {
        var client = await As(who);
        var current = await client.GetAsync($"/api/v1/customers/{customerId}");
        var dto = await Read<Crm.Api.Features.Customers.CustomerDto>(current);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Put($"/api/v1/customers/{customerId}", current.Headers.ETag?.Tag,
            Arrange.UpdateBody(dto, b => b["region"] = $"区域 {region}")))).StatusCode);
    }

    private static List<(string, string)> Summary(List<SyncChangeDto> changes, Guid customerId) =>
        changes.Where(c => c.Id == customerId).Select(c => (c.Type, c.Operation)).ToList();
}

public sealed class HousekeepingTestsOnSqlite(SqliteApp app) : HousekeepingTests<SqliteApp>(app);

public sealed class HousekeepingTestsOnSqlServer(SqlServerApp app) : HousekeepingTests<SqlServerApp>(app);

/// <summary>The API with housekeeping on its own schedule; the other housekeeping tests run passes themselves.</summary>
public sealed class ScheduledHousekeepingSqliteApp : SqliteApp
{
    public const double FirstPassAfterMinutes = 2 * 24 * 60;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Crm:Housekeeping:Enabled", "true");
        builder.UseSetting("Crm:Housekeeping:FirstPassAfterMinutes", FirstPassAfterMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Crm:Housekeeping:EveryMinutes", "60");
    }
}

public sealed class HousekeepingScheduleTestsOnSqlite(ScheduledHousekeepingSqliteApp app) : ApiTest<ScheduledHousekeepingSqliteApp>(app)
{
    [Fact]
    public async Task The_first_pass_waits_for_the_configured_delay_after_start_up()
    {
        var rep = await As(Who.Rep1);
        using var create = Arrange.CustomerCreateWithKey("housekeeping-first-pass", "首轮延迟");
        Assert.Equal(HttpStatusCode.Created, (await rep.SendAsync(create)).StatusCode);
        int Keys() => App.WithDb(db => db.IdempotencyRecords.Count(r => r.Key == "housekeeping-first-pass"));
        var started = App.Clock.GetUtcNow().UtcDateTime;

        // Past the key's 24 hours, and many hourly passes later, but before the first pass is due: nothing has run.
        App.Travel(started.AddMinutes(ScheduledHousekeepingSqliteApp.FirstPassAfterMinutes - 60));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(1, Keys());

        App.Travel(started.AddMinutes(ScheduledHousekeepingSqliteApp.FirstPassAfterMinutes + 1));
        for (var waited = 0; Keys() > 0 && waited < 100; waited++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(0, Keys());
    }
}
