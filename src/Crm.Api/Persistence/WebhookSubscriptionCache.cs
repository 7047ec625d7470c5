using Crm.Api.Domain;

namespace Crm.Api.Persistence;

/// <summary>
/// Whether any webhook subscription is active, read by every write that raises an event (ChangeCapture.WriteOutboxAsync)
/// and kept for <c>Crm:Caching:WebhookSubscriptionsSeconds</c> (default 15 s; 0 reads it on every write). Only the
/// answer "none" saves work: the list itself is read fresh whenever there is one, because a delivery row references its
/// subscription and a subscription deleted on another replica must not make this replica's writes fail. A subscription
/// created on this replica applies to the next write at once; one created on another replica within that time.
/// </summary>
public sealed class WebhookSubscriptionCache(TimeProvider clock, IConfiguration config)
    : ReplicaCache<bool, bool>(clock, TimeSpan.FromSeconds(config.GetValue("Crm:Caching:WebhookSubscriptionsSeconds", 15)))
{
    protected override bool Watches(Type entityType) => entityType == typeof(WebhookSubscription);
}
