using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Api.Persistence;

/// <summary>What a save is about to change, read off the change tracker by the save hooks.</summary>
internal static class TrackedChanges
{
    /// <summary>
    /// The customers a save touches through <paramref name="foreignKey"/> of <typeparamref name="T"/>: where added,
    /// changed or removed records point now, and where a changed record pointed before (a merge moves records).
    /// </summary>
    public static void AddCustomersOf<T>(CrmDbContext db, string foreignKey, HashSet<Guid> into) where T : class
    {
        foreach (var e in db.ChangeTracker.Entries<T>())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var key = e.Property(foreignKey);
            into.Add((Guid)key.CurrentValue!);
            if (e.State == EntityState.Modified) into.Add((Guid)key.OriginalValue!);
        }
    }

    public static bool AnyChanged(EntityEntry e, params string[] properties) =>
        properties.Any(p => !Equals(e.Property(p).OriginalValue, e.Property(p).CurrentValue));
}
