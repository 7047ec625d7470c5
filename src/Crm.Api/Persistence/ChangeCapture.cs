using System.Text.Json;
using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Api.Persistence;

/// <summary>
/// Runs in every save, before it: numbers each change to a synced record (ChangeRecord, for delta sync) and writes
/// business events to the outbox with one delivery per matching webhook subscription. Both commit or roll back with
/// the change itself, so an event exists exactly when its change does.
/// </summary>
internal static class ChangeCapture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static async Task CaptureAsync(CrmDbContext db, DateTime now, CancellationToken ct)
    {
        var changes = new List<(string Type, Guid Id, Guid CustomerId, bool Deleted)>();
        var transfers = new List<(Guid CustomerId, Guid From, Guid To)>();
        var events = new List<(string Type, object Data)>();
        var owners = new Dictionary<Guid, Guid>();

        foreach (var e in db.ChangeTracker.Entries<Customer>().Where(IsChanged))
        {
            var c = e.Entity;
            owners[c.Id] = c.OwnerId;
            changes.Add(("customer", c.Id, c.Id, false));
            var data = new { customerId = c.Id, c.Code, c.Name, c.OwnerId, c.Lifecycle, c.Level };
            if (e.State == EntityState.Added) { events.Add(("customer.created", data)); continue; }
            var previousOwner = e.Property(x => x.OwnerId).OriginalValue;
            if (previousOwner != c.OwnerId)
            {
                transfers.Add((c.Id, previousOwner, c.OwnerId));
                events.Add(("customer.transferred", new { customerId = c.Id, c.Code, c.Name, c.OwnerId, previousOwnerId = previousOwner }));
            }
            else if (c.Lifecycle == Lifecycle.Archived && e.Property(x => x.Lifecycle).OriginalValue != Lifecycle.Archived)
                events.Add(("customer.archived", data));
            else events.Add(("customer.updated", data));
        }
        foreach (var e in db.ChangeTracker.Entries<Contact>().Where(IsChanged))
        {
            var c = e.Entity;
            changes.Add(("contact", c.Id, c.CustomerId, e.State == EntityState.Deleted));
            var kind = e.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" };
            events.Add(($"contact.{kind}", new { contactId = c.Id, c.CustomerId, c.Name }));
        }
        foreach (var e in db.ChangeTracker.Entries<Purchase>().Where(IsChanged))
        {
            var p = e.Entity;
            changes.Add(("purchase", p.Id, p.CustomerId, e.State == EntityState.Deleted));
            if (e.State == EntityState.Added)
                events.Add(("purchase.created", new { purchaseId = p.Id, p.CustomerId, p.PurchasedOn, p.Product, p.Category, p.Amount, p.Currency }));
        }
        foreach (var e in db.ChangeTracker.Entries<Visit>().Where(IsChanged))
        {
            var v = e.Entity;
            changes.Add(("visit", v.Id, v.CustomerId, e.State == EntityState.Deleted));
            var data = new { visitId = v.Id, v.CustomerId, v.VisitorId, v.Status, v.ReviewStatus };
            if (Became(e, x => x.Status, VisitStatus.Completed)) events.Add(("visit.completed", data));
            if (Became(e, x => x.ReviewStatus, ReviewStatus.Approved)) events.Add(("visit.approved", data));
            if (Became(e, x => x.ReviewStatus, ReviewStatus.Returned)) events.Add(("visit.returned", data));
        }
        foreach (var e in db.ChangeTracker.Entries<Complaint>().Where(IsChanged))
        {
            var c = e.Entity;
            changes.Add(("complaint", c.Id, c.CustomerId, e.State == EntityState.Deleted));
            if (e.State == EntityState.Added)
                events.Add(("complaint.created", new { complaintId = c.Id, c.Number, c.CustomerId, c.Category, c.Severity, c.Status, c.ResolutionDueAt }));
            else if (e.Property(x => x.Status).OriginalValue is var before && before != c.Status)
                events.Add(("complaint.status_changed", new { complaintId = c.Id, c.Number, c.CustomerId, previousStatus = before, c.Status }));
        }
        foreach (var e in db.ChangeTracker.Entries<Referral>().Where(IsChanged))
            if (Became(e, x => x.Status, ReferralStatus.Won))
                events.Add(("referral.won", new { referralId = e.Entity.Id, e.Entity.ReferrerId, e.Entity.ReferredId }));
        foreach (var e in db.ChangeTracker.Entries<PointsEntry>().Where(x => x.State == EntityState.Added))
            events.Add(("points.changed", new { entryId = e.Entity.Id, e.Entity.CustomerId, e.Entity.Kind, e.Entity.Source, points = e.Entity.Amount, e.Entity.BalanceAfter }));
        foreach (var e in db.ChangeTracker.Entries<TierChange>().Where(x => x.State == EntityState.Added))
            events.Add(("tier.changed", new { e.Entity.CustomerId, e.Entity.FromTier, e.Entity.ToTier }));

        if (changes.Count > 0) await RecordChangesAsync(db, changes, transfers, owners, now, ct);
        if (events.Count > 0) await WriteOutboxAsync(db, events, now, ct);
    }

    private static bool IsChanged(EntityEntry e) => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private static bool Became<T, TValue>(EntityEntry<T> e, System.Linq.Expressions.Expression<Func<T, TValue>> property, TValue value) where T : class
    {
        var p = e.Property(property);
        return EqualityComparer<TValue>.Default.Equals(p.CurrentValue, value)
            && (e.State == EntityState.Added || !EqualityComparer<TValue>.Default.Equals(p.OriginalValue, value));
    }

    private static async Task RecordChangesAsync(CrmDbContext db, List<(string Type, Guid Id, Guid CustomerId, bool Deleted)> changes,
        List<(Guid CustomerId, Guid From, Guid To)> transfers, Dictionary<Guid, Guid> owners, DateTime now, CancellationToken ct)
    {
        var unknown = changes.Select(c => c.CustomerId).Where(id => !owners.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            foreach (var o in await db.Customers.IgnoreQueryFilters().Where(c => unknown.Contains(c.Id)).Select(c => new { c.Id, c.OwnerId }).ToListAsync(ct))
                owners[o.Id] = o.OwnerId;
        var moved = transfers.ToDictionary(t => t.CustomerId, t => t.From);
        foreach (var (type, id, customerId, deleted) in changes)
            db.Derived.Add(new ChangeRecord
            {
                EntityType = type, EntityId = id, CustomerId = customerId, OwnerId = owners.GetValueOrDefault(customerId), Deleted = deleted, ChangedAt = now,
                PreviousOwnerId = moved.TryGetValue(customerId, out var from) ? from : null,
            });

        // A transfer moves everything under the customer into another scope: each child changes scope too.
        foreach (var (customerId, from, to) in transfers)
        {
            var children = new List<(string, Guid)>();
            children.AddRange((await db.Contacts.IgnoreQueryFilters().Where(x => x.CustomerId == customerId).Select(x => x.Id).ToListAsync(ct)).Select(id => ("contact", id)));
            children.AddRange((await db.Purchases.IgnoreQueryFilters().Where(x => x.CustomerId == customerId).Select(x => x.Id).ToListAsync(ct)).Select(id => ("purchase", id)));
            children.AddRange((await db.Visits.IgnoreQueryFilters().Where(x => x.CustomerId == customerId).Select(x => x.Id).ToListAsync(ct)).Select(id => ("visit", id)));
            children.AddRange((await db.Complaints.IgnoreQueryFilters().Where(x => x.CustomerId == customerId).Select(x => x.Id).ToListAsync(ct)).Select(id => ("complaint", id)));
            foreach (var (type, id) in children.Where(c => !changes.Any(x => x.Id == c.Item2)))
                db.Derived.Add(new ChangeRecord { EntityType = type, EntityId = id, CustomerId = customerId, OwnerId = to, PreviousOwnerId = from, ChangedAt = now });
        }
    }

    public static async Task WriteOutboxAsync(CrmDbContext db, List<(string Type, object Data)> events, DateTime now, CancellationToken ct)
    {
        // Most deployments have no webhooks: a replica keeps that answer for a few seconds instead of asking on every write.
        var cache = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<WebhookSubscriptionCache>().FirstOrDefault();
        var anyActive = cache is null || await cache.GetAsync(true, token => db.WebhookSubscriptions.AnyAsync(s => s.IsActive, token), ct);
        var subscriptions = anyActive
            ? await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsActive).Select(s => new { s.Id, s.EventTypes }).ToListAsync(ct)
            : [];
        foreach (var (type, data) in events)
        {
            var outbox = new OutboxEvent { Type = type, OccurredAt = now };
            outbox.Payload = JsonSerializer.Serialize(new { id = outbox.Id, type, occurredAt = now, data }, Json);
            db.Derived.Add(outbox);
            foreach (var s in subscriptions.Where(s => WebhookEventTypes.Matches(s.EventTypes, type)))
                db.Derived.Add(new WebhookDelivery { SubscriptionId = s.Id, EventId = outbox.Id, EventType = type, Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now });
        }
    }

}

/// <summary>The event types a webhook can subscribe to; "*" subscribes to all.</summary>
public static class WebhookEventTypes
{
    public static readonly string[] All =
    [
        "customer.created", "customer.updated", "customer.archived", "customer.transferred",
        "contact.created", "contact.updated", "contact.deleted",
        "purchase.created",
        "visit.completed", "visit.approved", "visit.returned",
        "complaint.created", "complaint.status_changed", "complaint.sla_breached",
        "referral.won", "points.changed", "tier.changed",
    ];

    public static bool Matches(string subscribed, string type) =>
        subscribed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(s => s == "*" || s == type);
}
