using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Webhooks;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Features.Integration;

/// <summary>Webhooks: outbox in the change's transaction, signed at-least-once delivery, retries, redelivery, leases, SSRF guard.</summary>
public abstract class WebhookTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private Task<int> DispatchAsync() => App.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);

    private async Task<(Guid Id, string Secret)> SubscribeAsync(string url, params string[] types)
    {
        var created = await Read<CreatedWebhookDto>(await (await As(Who.Admin)).PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = types }, Json), HttpStatusCode.Created);
        Assert.StartsWith("whsec_", created.Secret);
        return (created.Webhook.Id, created.Secret);
    }

    private async Task<int> OutboxCountAsync(string type)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().OutboxEvents.CountAsync(e => e.Type == type);
    }

    private static string Hmac(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    [Fact]
    public async Task An_event_is_written_when_its_change_commits_and_not_when_it_fails()
    {
        var before = await OutboxCountAsync("customer.created");
        var admin = await As(Who.Admin);
        var first = await Arrange.CreateAsync(admin, new { name = "Webhook Co", kind = "Company", code = $"WH-{Guid.NewGuid():N}"[..12] });
        Assert.Equal(before + 1, await OutboxCountAsync("customer.created"));

        // Same code again: the change fails with 409 and leaves no event behind.
        await Problem(await admin.PostAsJsonAsync("/api/v1/customers", new { name = "Webhook Co 2", kind = "Company", code = first.Code }, Json), HttpStatusCode.Conflict);
        Assert.Equal(before + 1, await OutboxCountAsync("customer.created"));

        // A change saved and then rolled back takes its event with it: the outbox row is in the same transaction.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Customers.Add(new Customer(App.UserIds[Who.Rep1]) { Name = "Rolled back", Code = $"RB-{Guid.NewGuid():N}"[..12] });
            await db.SaveChangesAsync();
            Assert.Equal(before + 2, await db.OutboxEvents.CountAsync(e => e.Type == "customer.created"));
            await transaction.RollbackAsync();
        }
        Assert.Equal(before + 1, await OutboxCountAsync("customer.created"));
    }

    [Fact]
    public async Task A_webhook_created_on_this_replica_gets_the_next_event_although_no_subscription_was_just_read()
    {
        // No active subscription (the other tests' are switched off), and no answer kept from before.
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CrmDbContext>().WebhookSubscriptions.ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false));
        App.Clock.Advance(TimeSpan.FromSeconds(16)); // Crm:Caching:WebhookSubscriptionsSeconds, default 15
        var admin = await As(Who.Admin);
        // A write that raises an event learns, and keeps for a few seconds, that nobody subscribes.
        await Arrange.CreateAsync(admin, new { name = "Before the hook", kind = "Company", code = $"BH-{Guid.NewGuid():N}"[..12] });
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (hookId, _) = await SubscribeAsync(receiver.Url, "customer.created");

        await Arrange.CreateAsync(admin, new { name = "After the hook", kind = "Company", code = $"AH-{Guid.NewGuid():N}"[..12] });

        var deliveries = await Read<Page<WebhookDeliveryDto>>(await admin.GetAsync($"/api/v1/webhooks/{hookId}/deliveries"));
        Assert.Equal("customer.created", Assert.Single(deliveries.Items).EventType);
        // Left active, the hook would add deliveries to the other tests' dispatch counts.
        await admin.DeleteAsync($"/api/v1/webhooks/{hookId}");
    }

    [Fact]
    public async Task A_delivery_is_signed_retried_with_backoff_and_redelivered_with_the_same_event_id()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (webhookId, secret) = await SubscribeAsync(receiver.Url, "purchase.created");
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        receiver.Status = 500;
        Assert.Equal(HttpStatusCode.Created, (await (await As(Who.Rep1)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
            new { purchasedOn = "2026-11-17", product = "P", category = "C", quantity = 2, unitPrice = 50 }, Json)).StatusCode);

        Assert.Equal(1, await DispatchAsync());
        var failed = Assert.Single(receiver.Requests);
        var deliveries = await Read<Page<WebhookDeliveryDto>>(await (await As(Who.Admin)).GetAsync($"/api/v1/webhooks/{webhookId}/deliveries"));
        var delivery = Assert.Single(deliveries.Items);
        Assert.Equal((DeliveryStatus.Pending, 1, (int?)500), (delivery.Status, delivery.Attempts, delivery.LastStatusCode));
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), delivery.NextAttemptAt);   // first retry after 30 s

        // Not due yet: nothing is sent. Half a minute later it is, and succeeds, with the same event id.
        Assert.Equal(0, await DispatchAsync());
        receiver.Status = 204;
        App.Travel(App.Clock.GetUtcNow().UtcDateTime.AddSeconds(31));
        Assert.Equal(1, await DispatchAsync());
        var delivered = receiver.Requests.Last();
        Assert.Equal(failed.Id, delivered.Id);
        Assert.Equal(delivery.EventId.ToString(), delivered.Id);

        // The signature is HMAC-SHA256 over "timestamp.body" with the secret; the body is the event.
        Assert.Equal("v1=" + Hmac(secret, delivered.Timestamp, delivered.Body), delivered.Signature);
        Assert.NotEqual("v1=" + Hmac("whsec_wrong", delivered.Timestamp, delivered.Body), delivered.Signature);
        using var body = JsonDocument.Parse(delivered.Body);
        Assert.Equal(("purchase.created", delivered.Id, 100m), (body.RootElement.GetProperty("type").GetString(), body.RootElement.GetProperty("id").GetString(),
            body.RootElement.GetProperty("data").GetProperty("amount").GetDecimal()));
        Assert.Equal(DeliveryStatus.Delivered, (await Read<Page<WebhookDeliveryDto>>(await (await As(Who.Admin)).GetAsync($"/api/v1/webhooks/{webhookId}/deliveries"))).Items.Single().Status);

        // Manual redelivery sends the same event again.
        Assert.Equal(HttpStatusCode.Accepted, (await (await As(Who.Admin)).PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{delivery.Id}/redeliver", null)).StatusCode);
        Assert.Equal(1, await DispatchAsync());
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Equal(failed.Id, receiver.Requests.Last().Id);
        await (await As(Who.Admin)).DeleteAsync($"/api/v1/webhooks/{webhookId}");
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_each_event_once()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (webhookId, _) = await SubscribeAsync(receiver.Url, "customer.created");
        for (var i = 0; i < 8; i++) await Arrange.OwnedByAsync(App, Who.Rep2);

        var dispatcher = App.Services.GetRequiredService<WebhookDispatcher>();
        var counts = await Task.WhenAll(dispatcher.DispatchDueAsync(CancellationToken.None), dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(8, counts.Sum());
        Assert.Equal(8, receiver.Requests.Count);
        Assert.Equal(8, receiver.Requests.Select(r => r.Id).Distinct().Count());
        await (await As(Who.Admin)).DeleteAsync($"/api/v1/webhooks/{webhookId}");
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_disabled_and_re_enabling_clears_the_count()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Status = 503;
        var (webhookId, _) = await SubscribeAsync(receiver.Url, "contact.created");
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await (await As(Who.Rep1)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = $"C{i}" }, Json)).StatusCode);

        // Three deliveries × up to 8 attempts: the 20th consecutive failure disables the subscription.
        for (var round = 0; round < 8; round++)
        {
            await DispatchAsync();
            App.Travel(App.Clock.GetUtcNow().UtcDateTime.AddHours(7));
        }
        var admin = await As(Who.Admin);
        var response = await admin.GetAsync($"/api/v1/webhooks/{webhookId}");
        var webhook = await Read<WebhookDto>(response);
        Assert.False(webhook.IsActive);
        Assert.Equal(20, webhook.ConsecutiveFailures);
        Assert.Contains("20 consecutive", webhook.DisabledReason);
        Assert.Equal(20, receiver.Requests.Count);

        var enable = WithIfMatch(HttpMethod.Put, $"/api/v1/webhooks/{webhookId}", response.Headers.ETag?.Tag, new { url = receiver.Url, eventTypes = new[] { "contact.created" }, isActive = true });
        var enabled = await Read<WebhookDto>(await admin.SendAsync(enable));
        Assert.True(enabled.IsActive);
        Assert.Equal(0, enabled.ConsecutiveFailures);
        await admin.DeleteAsync($"/api/v1/webhooks/{webhookId}");
    }

    [Theory]
    [InlineData("https://10.0.0.8/hook")]
    [InlineData("https://192.168.1.20/hook")]
    [InlineData("https://172.20.0.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://100.100.100.200/latest/meta-data/")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    public async Task Internal_and_malformed_urls_are_refused(string url)
    {
        var problem = await Problem(await (await As(Who.Admin)).PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "*" } }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), problem.GetRawText());
    }

    [Fact]
    public async Task Only_admins_manage_webhooks_and_unknown_event_types_are_refused()
    {
        await Problem(await (await As(Who.ManagerA)).GetAsync("/api/v1/webhooks"), HttpStatusCode.Forbidden);
        var problem = await Problem(await (await As(Who.Admin)).PostAsJsonAsync("/api/v1/webhooks", new { url = "https://8.8.8.8/hook", eventTypes = new[] { "customer.eaten" } }, Json), HttpStatusCode.BadRequest);
        Assert.Contains("Unknown event type", problem.GetRawText());
    }

    [Fact]
    public async Task A_complaint_past_its_committed_time_is_reported_once()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (webhookId, _) = await SubscribeAsync(receiver.Url, "complaint.sla_breached");
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        Assert.Equal(HttpStatusCode.Created, (await (await As(Who.Service)).PostAsJsonAsync("/api/v1/complaints",
            new { customerId = customer.Id, channel = "Phone", category = "ProductQuality", severity = "Low", description = "Scratched" }, Json)).StatusCode);
        await DispatchAsync();
        Assert.Empty(receiver.Requests);

        App.Travel(App.Clock.GetUtcNow().UtcDateTime.AddDays(30));
        await DispatchAsync();
        await DispatchAsync();
        var breach = Assert.Single(receiver.Requests);
        Assert.Equal("complaint.sla_breached", breach.EventType);
        await (await As(Who.Admin)).DeleteAsync($"/api/v1/webhooks/{webhookId}");
    }
}

public sealed class WebhookTestsOnSqlite(SqliteApp app) : WebhookTests<SqliteApp>(app);

public sealed class WebhookTestsOnSqlServer(SqlServerApp app) : WebhookTests<SqlServerApp>(app);
