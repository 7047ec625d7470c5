using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Api.Persistence;

/// <summary>
/// Writes the audit trail inside the same SaveChanges as the change itself, so a change and its audit line commit
/// or roll back together. Secrets (password and token hashes, stamps) are never recorded.
/// </summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.ConcurrencyStamp), nameof(ApiKey.SecretHash), nameof(RefreshSession.TokenHash),
    };

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        nameof(AuditedEntity.Version), nameof(AuditedEntity.UpdatedAt), nameof(AuditedEntity.UpdatedBy), nameof(AuditedEntity.CreatedAt), nameof(AuditedEntity.CreatedBy),
        nameof(Customer.ListOrder), nameof(User.NormalizedEmail), nameof(User.NormalizedUserName), nameof(User.AccessFailedCount), nameof(User.LockoutEnd),
    };

    /// <summary>The business records whose every change is audited.</summary>
    private static readonly HashSet<Type> Audited =
    [
        typeof(Customer), typeof(Contact), typeof(Purchase), typeof(Visit), typeof(Complaint), typeof(Referral), typeof(TaskItem), typeof(Assessment),
        typeof(SalesTarget), typeof(Team), typeof(ApiKey), typeof(User), typeof(CustomerTransfer), typeof(VisitPolicy), typeof(ComplaintSlaTarget),
        typeof(LoyaltyPolicy), typeof(MembershipTier), typeof(ScorecardTemplate), typeof(StandardAnswer), typeof(Holiday),
    ];

    public static void Record(CrmDbContext db, DateTime now)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Audited.Contains(e.Entity.GetType()))
            .ToList();
        foreach (var entry in entries)
        {
            var changes = entry.Properties
                .Where(p => !Secret.Contains(p.Metadata.Name) && !Noise.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty())
                // A created or deleted record lists the fields it had: an empty one (null before and after) says nothing
                // and was half of every create's line (an imported customer's was 1.7 KB).
                .Where(p => entry.State switch
                {
                    EntityState.Modified => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue),
                    EntityState.Added => p.CurrentValue is not null,
                    _ => p.OriginalValue is not null,
                })
                .Select(p => new FieldChange(Camel(p.Metadata.Name),
                    entry.State == EntityState.Added ? null : Text(p.OriginalValue),
                    entry.State == EntityState.Deleted ? null : Text(p.CurrentValue)))
                .ToList();
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            db.Derived.Add(new AuditEntry
            {
                At = now, ActorId = db.Caller.ActorId, Source = db.Caller.Source, TraceId = Activity.Current?.TraceId.ToString(),
                Action = entry.State switch { EntityState.Added => AuditAction.Create, EntityState.Deleted => AuditAction.Delete, _ => AuditAction.Update },
                EntityType = entry.Entity.GetType().Name, EntityId = Key(entry),
                Changes = JsonSerializer.Serialize(changes, JsonOptions),
            });
        }
    }

    public static AuditEntry Event(CrmDbContext db, AuditAction action, string entityType, Guid? entityId, Guid? actorId, DateTime now, string? detail = null) => new()
    {
        At = now, ActorId = actorId, Source = db.Caller.Source, TraceId = Activity.Current?.TraceId.ToString(), Action = action,
        EntityType = entityType, EntityId = entityId?.ToString(), Changes = detail is null ? null : JsonSerializer.Serialize(new[] { new FieldChange("detail", null, detail) }, JsonOptions),
    };

    private sealed record FieldChange(string Field, string? Before, string? After);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static string? Key(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => JsonSerializer.Serialize(e, JsonOptions),
        _ => value.ToString(),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
