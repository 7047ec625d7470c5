using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Api.Persistence;

/// <summary>
/// Rows that carry a copy of their customer's owner, so that a scope's rows are one range of an index instead of a seek
/// into the customers for every row: <see cref="CustomerStats"/> (owner and lifecycle, for the stage mix and the
/// win-back list), <see cref="Referral"/> (the referred customer's owner, which decides who sees a referral),
/// <see cref="Visit"/> (for a week's visits of a scope), <see cref="Complaint"/> (a scope's open complaints) and
/// <see cref="Contact"/> (a scope's birthdays of the day), <see cref="CustomerSearchTerm"/> (a scope's search; new terms
/// take the owner in <see cref="CustomerSearchIndex"/>). <see cref="CustomerMonthSales"/> carries its own copies
/// (<see cref="MonthlySales"/>). The copies follow every save, in its transaction: a new or re-pointed referral, visit,
/// complaint or contact before the save, and every copy of a customer given another owner or lifecycle after it.
/// </summary>
internal static class OwnerCopies
{
    /// <summary>Customers given another owner or lifecycle (transfer, archive, restore), with their new values.</summary>
    public static Dictionary<Guid, Customer> MovedCustomers(CrmDbContext db) =>
        db.ChangeTracker.Entries<Customer>()
            .Where(e => e.State == EntityState.Modified && TrackedChanges.AnyChanged(e, nameof(Customer.OwnerId), nameof(Customer.Lifecycle)))
            .ToDictionary(e => e.Entity.Id, e => e.Entity);

    /// <summary>
    /// Before the save: a new referral, visit or complaint, or one that now names another customer (a merge moves them),
    /// takes that customer's owner.
    /// </summary>
    public static async Task StampAsync(CrmDbContext db, CancellationToken ct)
    {
        static bool Stamped(EntityEntry e, string customer) =>
            e.State == EntityState.Added || (e.State == EntityState.Modified && TrackedChanges.AnyChanged(e, customer));
        var referrals = db.ChangeTracker.Entries<Referral>().Where(e => Stamped(e, nameof(Referral.ReferredId))).Select(e => e.Entity).ToList();
        var visits = db.ChangeTracker.Entries<Visit>().Where(e => Stamped(e, nameof(Visit.CustomerId))).Select(e => e.Entity).ToList();
        var complaints = db.ChangeTracker.Entries<Complaint>().Where(e => Stamped(e, nameof(Complaint.CustomerId))).Select(e => e.Entity).ToList();
        var contacts = db.ChangeTracker.Entries<Contact>().Where(e => Stamped(e, nameof(Contact.CustomerId))).Select(e => e.Entity).ToList();
        if (referrals.Count == 0 && visits.Count == 0 && complaints.Count == 0 && contacts.Count == 0) return;
        var owners = await OwnersOfAsync(db, referrals.Select(r => r.ReferredId).Concat(visits.Select(v => v.CustomerId)).Concat(complaints.Select(c => c.CustomerId))
            .Concat(contacts.Select(c => c.CustomerId)), ct);
        // A row naming a customer that does not exist fails on its foreign key in this save.
        foreach (var referral in referrals)
            if (owners.TryGetValue(referral.ReferredId, out var owner)) referral.ReferredOwnerId = owner;
        foreach (var visit in visits)
            if (owners.TryGetValue(visit.CustomerId, out var owner)) visit.CustomerOwnerId = owner;
        foreach (var complaint in complaints)
            if (owners.TryGetValue(complaint.CustomerId, out var owner)) complaint.CustomerOwnerId = owner;
        foreach (var contact in contacts)
            if (owners.TryGetValue(contact.CustomerId, out var owner)) contact.CustomerOwnerId = owner;
    }

    /// <summary>
    /// The owners of these customers as this save leaves them: from the tracker (a customer created or transferred in the
    /// same save is only there), else read. A customer that does not exist is left out.
    /// </summary>
    public static async Task<Dictionary<Guid, Guid>> OwnersOfAsync(CrmDbContext db, IEnumerable<Guid> customers, CancellationToken ct)
    {
        var owners = db.ChangeTracker.Entries<Customer>().ToDictionary(e => e.Entity.Id, e => e.Entity.OwnerId);
        foreach (var chunk in customers.Where(id => !owners.ContainsKey(id)).Distinct().Chunk(500))
            foreach (var c in await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.OwnerId }).ToListAsync(ct))
                owners[c.Id] = c.OwnerId;
        return owners;
    }

    /// <summary>
    /// After the save: the statistics row, the referrals, the visits, the complaints, the contacts and the search terms of each customer that moved take
    /// its new values.
    /// One UPDATE per table for the customers that moved to the same owner and lifecycle, in this save's transaction,
    /// without loading the rows: a customer's visits are many, and nothing else on these rows changes here. The
    /// statistics rows, one per customer, are the exception: they are saved through the tracker. A customer
    /// without a statistics row has none to move: it counts as a prospect until its first row is written.
    /// </summary>
    public static async Task RefreshAsync(CrmDbContext db, Dictionary<Guid, Customer> moved, CancellationToken ct)
    {
        foreach (var group in moved.Values.GroupBy(c => (c.OwnerId, c.Lifecycle)))
            foreach (var chunk in group.Select(c => c.Id).Chunk(500))
            {
                var ids = chunk.ToList();
                var (owner, lifecycle) = group.Key;
                // The statistics rows through the tracker, one per customer: the loyalty stage counts follow them (LoyaltyStageCounts).
                foreach (var stats in await db.CustomerStats.IgnoreQueryFilters().Where(s => ids.Contains(s.CustomerId)).ToListAsync(ct))
                    (stats.OwnerId, stats.Lifecycle) = (owner, lifecycle);
                await db.Referrals.IgnoreQueryFilters().Where(r => ids.Contains(r.ReferredId) && r.ReferredOwnerId != owner)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReferredOwnerId, owner), ct);
                await db.Visits.IgnoreQueryFilters().Where(v => ids.Contains(v.CustomerId) && v.CustomerOwnerId != owner)
                    .ExecuteUpdateAsync(u => u.SetProperty(v => v.CustomerOwnerId, owner), ct);
                await db.Complaints.IgnoreQueryFilters().Where(c => ids.Contains(c.CustomerId) && c.CustomerOwnerId != owner)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.CustomerOwnerId, owner), ct);
                await db.Contacts.IgnoreQueryFilters().Where(c => ids.Contains(c.CustomerId) && c.CustomerOwnerId != owner)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.CustomerOwnerId, owner), ct);
                await db.CustomerSearchTerms.IgnoreQueryFilters().Where(t => ids.Contains(t.CustomerId) && t.OwnerId != owner)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.OwnerId, owner), ct);
            }
    }
}
