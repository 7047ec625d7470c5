namespace Crm.Api.Domain;

/// <summary>A row whose Version is its concurrency token and ETag; SaveChanges moves it on with every change.</summary>
public interface IVersionedRow
{
    long Version { get; set; }
}

/// <summary>
/// Every mutable record carries its audit stamp and a version. The version is the optimistic
/// concurrency token behind ETag/If-Match; it is bumped on every save on both providers because
/// SQLite has no rowversion.
/// </summary>
public abstract class AuditedEntity : IVersionedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public long Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>A broken business rule. Handlers surface it as a 409 or 400 problem.</summary>
public class DomainRuleException(string message) : Exception(message);
