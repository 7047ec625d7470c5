namespace Crm.Api.Domain;

/// <summary>
/// One row per change to a customer, contact, purchase, visit or complaint, numbered by a database sequence that only
/// grows: mobile clients sync by asking for everything after the last number they saw. The owner at the time of the
/// change (and the previous owner on a transfer) lets a caller see the changes of records entering or leaving their scope.
/// </summary>
public class ChangeRecord
{
    public long Sequence { get; set; }
    /// <summary>customer, contact, purchase, visit or complaint.</summary>
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid OwnerId { get; set; }
    public Guid? PreviousOwnerId { get; set; }
    public bool Deleted { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>A business event, written in the same transaction as the change it reports; webhooks deliver it.</summary>
public class OutboxEvent
{
    /// <summary>Stable event id: every delivery and redelivery of the event carries it.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Type { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    /// <summary>The JSON body receivers get: { id, type, occurredAt, data }.</summary>
    public string Payload { get; set; } = "";
}

public class WebhookSubscription : IVersionedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Url { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Event types separated by commas.</summary>
    public string EventTypes { get; set; } = "";
    /// <summary>The signing secret, protected with the application's data-protection keys.</summary>
    public string ProtectedSecret { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int ConsecutiveFailures { get; set; }
    public DateTime? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public long Version { get; set; } = 1;

    public IReadOnlyList<string> Types => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>One event for one subscription: its attempts, its lease while a dispatcher holds it, and its outcome.</summary>
public class WebhookDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public OutboxEvent? Event { get; set; }
    public string EventType { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>A dispatcher owns the delivery until then; another replica may take it over afterwards.</summary>
    public DateTime? LeaseUntil { get; set; }
    public Guid? LeaseToken { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Marks that a complaint's breach of its committed time has been reported, so it is reported once per commitment.</summary>
public class SlaBreachNotice
{
    public Guid ComplaintId { get; set; }
    public DateTime ResolutionDueAt { get; set; }
    public DateTime ReportedAt { get; set; }
}

public enum ImportStatus { Queued, Running, Succeeded, CompletedWithErrors, Failed }

/// <summary>A CSV import running in the background: progress, counts and the per-row errors.</summary>
public class ImportJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Kind { get; set; } = "customers";
    public ImportStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    /// <summary>JSON array of { row, field, message }, at most 1,000.</summary>
    public string Errors { get; set; } = "[]";
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>
/// The uploaded file of a queued or running import, kept apart from its job: progress is written after every batch
/// and read by every poll, and with the file in the same row each of those rewrote or walked up to 50 MB.
/// Removed when the import ends.
/// </summary>
public class ImportFile
{
    public Guid JobId { get; set; }
    public string Content { get; set; } = "";
}
