namespace Crm.Api.Domain;

public enum AuditAction { Create, Update, Delete, SignIn, SignInFailed, KeyUse }

/// <summary>
/// One append-only line of the audit trail: who (a user or an API key), when, what (entity and field-level
/// before/after), through which door (SPA, mobile, API key) and under which trace id. Never a secret.
/// </summary>
public class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string Source { get; set; } = "";
    public string? TraceId { get; set; }
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>JSON: [{ "field": ..., "before": ..., "after": ... }].</summary>
    public string? Changes { get; set; }
}
