using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps CustomerSearchTerms in step with customers and contacts on every save, whatever the code path,
/// so search never drifts from the records it finds. Each term carries its customer's owner as the save leaves it;
/// a customer given another owner without a change to its searched fields has its terms moved by OwnerCopies.
/// </summary>
internal static class CustomerSearchIndex
{
    public static async Task RefreshAsync(CrmDbContext db, CancellationToken ct)
    {
        var changes = new List<(Guid CustomerId, Guid IndexedUnder, Guid SourceId, EntityState State, string?[] Texts)>();
        // A save that changes none of the searched fields (a purchase marking the customer active, a level change)
        // keeps the terms: rewriting them was about 17 deletes and 17 inserts on every such save.
        foreach (var e in db.ChangeTracker.Entries<Customer>())
            if (e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && TrackedChanges.AnyChanged(e, nameof(Customer.Name), nameof(Customer.Code), nameof(Customer.Phone), nameof(Customer.Email))))
                changes.Add((e.Entity.Id, e.Entity.Id, e.Entity.Id, e.State, [e.Entity.Name, e.Entity.Code, e.Entity.Phone, e.Entity.Email]));
        foreach (var e in db.ChangeTracker.Entries<Contact>())
            if (e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && TrackedChanges.AnyChanged(e, nameof(Contact.CustomerId), nameof(Contact.Name), nameof(Contact.Mobile), nameof(Contact.Phone), nameof(Contact.Email))))
                // A contact moved to another customer (a merge) has its terms under the one it came from.
                changes.Add((e.Entity.CustomerId, e.State == EntityState.Added ? e.Entity.CustomerId : e.Property(c => c.CustomerId).OriginalValue, e.Entity.Id, e.State,
                    [e.Entity.Name, e.Entity.Mobile, e.Entity.Phone, e.Entity.Email]));
        if (changes.Count == 0) return;

        db.Derived.ReplaceTermsOf(changes.Where(c => c.State != EntityState.Added).Select(c => (c.IndexedUnder, c.SourceId)));
        var owners = await OwnerCopies.OwnersOfAsync(db, changes.Where(c => c.State != EntityState.Deleted).Select(c => c.CustomerId), ct);
        foreach (var (customerId, _, sourceId, state, texts) in changes)
        {
            // A contact of a customer that does not exist fails on its foreign key in this save.
            if (state == EntityState.Deleted || !owners.TryGetValue(customerId, out var owner)) continue;
            foreach (var term in CustomerSearchTerm.TermsOf(texts))
                db.Derived.Add(new CustomerSearchTerm { CustomerId = customerId, SourceId = sourceId, OwnerId = owner, Term = term });
        }
    }
}
