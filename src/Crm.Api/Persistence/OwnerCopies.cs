using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Rows that carry a copy of their customer's owner, so that a scope's rows are one range of an index instead of a seek
/// into the customers for every row: <see cref="CustomerStats"/> (owner and lifecycle, for the stage mix and the
/// win-back list) and <see cref="Referral"/> (the referred customer's owner, which decides who sees a referral).
/// <see cref="CustomerMonthSales"/> carries its own copies (<see cref="MonthlySales"/>). The copies follow every save,
/// in its transaction: a new or re-pointed referral before the save, and both kinds of row of a customer given another
/// owner or lifecycle after it.
/// </summary>
internal static class OwnerCopies
{
    /// <summary>Customers given another owner or lifecycle (transfer, archive, restore), with their new values.</summary>
    public static Dictionary<Guid, Customer> MovedCustomers(CrmDbContext db) =>
        db.ChangeTracker.Entries<Customer>()
            .Where(e => e.State == EntityState.Modified && TrackedChanges.AnyChanged(e, nameof(Customer.OwnerId), nameof(Customer.Lifecycle)))
            .ToDictionary(e => e.Entity.Id, e => e.Entity);

    /// <summary>Before the save: a new referral, or one that now names another customer, takes that customer's owner.</summary>
    public static async Task StampReferralsAsync(CrmDbContext db, CancellationToken ct)
    {
        var stamped = db.ChangeTracker.Entries<Referral>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && TrackedChanges.AnyChanged(e, nameof(Referral.ReferredId))))
            .Select(e => e.Entity).ToList();
        if (stamped.Count == 0) return;
        // A prospect created in the same save (a referral with a new prospect) is only in the tracker.
        var owners = db.ChangeTracker.Entries<Customer>().ToDictionary(e => e.Entity.Id, e => e.Entity.OwnerId);
        var unknown = stamped.Select(r => r.ReferredId).Where(id => !owners.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            foreach (var c in await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => unknown.Contains(c.Id)).Select(c => new { c.Id, c.OwnerId }).ToListAsync(ct))
                owners[c.Id] = c.OwnerId;
        // A referral naming a customer that does not exist fails on its foreign key in this save.
        foreach (var referral in stamped)
            if (owners.TryGetValue(referral.ReferredId, out var owner)) referral.ReferredOwnerId = owner;
    }

    /// <summary>After the save: the statistics row and the referrals of each customer that moved take its new values.</summary>
    public static async Task RefreshAsync(CrmDbContext db, Dictionary<Guid, Customer> moved, CancellationToken ct)
    {
        // A customer without a statistics row has none to move: it counts as a prospect until its first row is written.
        foreach (var chunk in moved.Keys.Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var stats in await db.CustomerStats.IgnoreQueryFilters().Where(s => ids.Contains(s.CustomerId)).ToListAsync(ct))
                (stats.OwnerId, stats.Lifecycle) = (moved[stats.CustomerId].OwnerId, moved[stats.CustomerId].Lifecycle);
            foreach (var referral in await db.Referrals.IgnoreQueryFilters().Where(r => ids.Contains(r.ReferredId)).ToListAsync(ct))
                referral.ReferredOwnerId = moved[referral.ReferredId].OwnerId;
        }
    }
}
