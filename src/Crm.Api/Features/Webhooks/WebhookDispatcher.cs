using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Webhooks;

/// <summary>
/// Delivers outbox events to webhook subscriptions, at least once. Each pass reports newly breached complaint commitments,
/// claims a batch of due deliveries with a lease (a conditional UPDATE, so two replicas never send the same attempt),
/// posts each event signed with HMAC-SHA256 over "timestamp.body", and records the outcome: delivered, or retried with
/// exponential backoff, failed after the last attempt. A subscription that keeps failing is disabled.
/// </summary>
public sealed class WebhookDispatcher : BackgroundService
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly ILogger<WebhookDispatcher> log;
    private readonly HttpClient http;
    private readonly IDataProtector secrets;
    private readonly IConfiguration config;
    private readonly WebhookSubscriptionCache subscriptionCache;

    public WebhookDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WebhookDispatcher> log, WebhookUrlGuard guard,
        IDataProtectionProvider protection, IConfiguration config, WebhookSubscriptionCache subscriptionCache)
    {
        (this.scopes, this.clock, this.log, this.config, this.subscriptionCache) = (scopes, clock, log, config, subscriptionCache);
        secrets = protection.CreateProtector(WebhookSecrets.Purpose);
        http = new HttpClient(new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(config.GetValue("Crm:Webhooks:TimeoutSeconds", 10)),
        };
    }

    private int MaxAttempts => config.GetValue("Crm:Webhooks:MaxAttempts", 8);
    private int DisableAfterFailures => config.GetValue("Crm:Webhooks:DisableAfterConsecutiveFailures", 20);
    private TimeSpan FirstRetry => TimeSpan.FromSeconds(config.GetValue("Crm:Webhooks:FirstRetrySeconds", 30));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Crm:Webhooks:Dispatcher", true)) return;
        var every = TimeSpan.FromSeconds(config.GetValue("Crm:Webhooks:PollSeconds", 2.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Webhook dispatch pass failed; retrying");
                try { await Task.Delay(every * 5, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>One pass: report breaches, then send every due delivery (batch by batch). Returns the number of attempts made.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await ReportSlaBreachesAsync(ct);
        var attempts = 0;
        while (!ct.IsCancellationRequested)
        {
            var sent = await DispatchBatchAsync(ct);
            attempts += sent;
            if (sent == 0) break;
        }
        return attempts;
    }

    private async Task ReportSlaBreachesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.IsActive, ct)) return;
        var breached = await db.Complaints.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed && c.ResolutionDueAt < now
                && !db.SlaBreachNotices.Any(n => n.ComplaintId == c.Id && n.ResolutionDueAt == c.ResolutionDueAt))
            .OrderBy(c => c.ResolutionDueAt).Take(100)
            .Select(c => new { c.Id, c.Number, c.CustomerId, c.Status, c.ResolutionDueAt, c.AssigneeId }).ToListAsync(ct);
        if (breached.Count == 0) return;
        foreach (var c in breached)
            db.SlaBreachNotices.Add(new SlaBreachNotice { ComplaintId = c.Id, ResolutionDueAt = c.ResolutionDueAt, ReportedAt = now });
        await ChangeCapture.WriteOutboxAsync(db, breached.Select(c => ("complaint.sla_breached", (object)new { complaintId = c.Id, c.Number, c.CustomerId, c.Status, c.ResolutionDueAt, c.AssigneeId })).ToList(), now, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now)
                && db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.IsActive))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(20).ToListAsync(ct);
        if (due.Count == 0) return 0;

        // The claim re-checks the lease in the UPDATE itself: of two replicas racing for a row, one updates it, the other none.
        var token = Guid.NewGuid();
        var leaseUntil = now + Lease;
        await db.WebhookDeliveries.Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LeaseToken, token).SetProperty(d => d.LeaseUntil, leaseUntil), ct);
        var claimed = await db.WebhookDeliveries.Include(d => d.Event).Where(d => d.LeaseToken == token).ToListAsync(ct);
        var subscriptionIds = claimed.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        var disabled = new HashSet<Guid>();
        foreach (var delivery in claimed)
        {
            var subscription = subscriptions[delivery.SubscriptionId];
            if (disabled.Contains(subscription.Id))
            {
                // Disabled during this batch: hand the delivery back untouched; it goes out if the webhook is re-enabled.
                (delivery.LeaseToken, delivery.LeaseUntil) = (null, null);
                await db.SaveChangesAsync(ct);
                continue;
            }
            var (ok, status, error) = await SendAsync(subscription, delivery, ct);
            var at = clock.GetUtcNow().UtcDateTime;
            delivery.Attempts++;
            (delivery.LastAttemptAt, delivery.LastStatusCode, delivery.LastError, delivery.LeaseToken, delivery.LeaseUntil) = (at, status, error, null, null);
            if (ok)
            {
                (delivery.Status, delivery.DeliveredAt) = (DeliveryStatus.Delivered, at);
                await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.ConsecutiveFailures != 0)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConsecutiveFailures, 0), ct);
            }
            else
            {
                if (delivery.Attempts >= MaxAttempts) delivery.Status = DeliveryStatus.Failed;
                else delivery.NextAttemptAt = at + RetryDelay(delivery.Attempts);
                await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConsecutiveFailures, s => s.ConsecutiveFailures + 1), ct);
                var limit = DisableAfterFailures;
                var reason = $"Disabled after {limit} consecutive failed deliveries; the last: {error}";
                if (reason.Length > 400) reason = reason[..400];
                if (await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.IsActive && s.ConsecutiveFailures >= limit)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false).SetProperty(s => s.DisabledAt, at)
                            .SetProperty(s => s.DisabledReason, reason).SetProperty(s => s.Version, s => s.Version + 1), ct) > 0)
                {
                    disabled.Add(subscription.Id);
                    // Written past the change tracker: this replica's outbox must stop queueing deliveries for it now.
                    subscriptionCache.Clear();
                    log.LogWarning("Webhook {Id} disabled after {Count} consecutive failures", subscription.Id, limit);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return claimed.Count;
    }

    /// <summary>First retry after FirstRetrySeconds (default 30 s), doubling each time, at most 6 hours apart.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(FirstRetry.TotalSeconds * Math.Pow(2, attempts - 1), TimeSpan.FromHours(6).TotalSeconds));

    private async Task<(bool Ok, int? Status, string? Error)> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var body = delivery.Event!.Payload;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Webhook-Id", delivery.EventId.ToString());
        request.Headers.Add("Webhook-Timestamp", timestamp);
        request.Headers.Add("Webhook-Signature", "v1=" + Sign(secrets.Unprotect(subscription.ProtectedSecret), timestamp, body));
        request.Headers.Add("Webhook-Event", delivery.EventType);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (true, code, null) : (false, code, $"The receiver answered {code}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var message = e is TaskCanceledException ? "The receiver did not answer in time." : e.Message;
            return (false, null, message.Length > 400 ? message[..400] : message);
        }
    }

    /// <summary>Hex HMAC-SHA256 of "timestamp.body" with the subscription's secret: what receivers recompute to verify.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }
}
