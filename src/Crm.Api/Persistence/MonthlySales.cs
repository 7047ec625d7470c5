using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Maintains <see cref="CustomerMonthSales"/> on write, in the same transaction: a save that adds, corrects, moves
/// (merge) or removes a purchase, or changes a customer's owner, level, region or industry (transfer, edit, import),
/// recomputes the touched customers' month rows from their purchases and current fields. Recomputing one customer's
/// rows rather than adding deltas keeps them right whatever the code path, at the cost of reading that customer's
/// purchases, which is what <see cref="CustomerStatistics"/> does on the same saves already. The composition cells
/// built from these rows follow them (<see cref="CompositionCells"/>).
/// </summary>
internal static class MonthlySales
{
    public static HashSet<Guid> TouchedCustomers(CrmDbContext db)
    {
        var ids = new HashSet<Guid>();
        TrackedChanges.AddCustomersOf<Purchase>(db, nameof(Purchase.CustomerId), ids);
        foreach (var e in db.ChangeTracker.Entries<Customer>().Where(e => e.State == EntityState.Modified))
            if (TrackedChanges.AnyChanged(e, nameof(Customer.OwnerId), nameof(Customer.Level), nameof(Customer.Region), nameof(Customer.Industry)))
                ids.Add(e.Entity.Id);
        return ids;
    }

    /// <summary>Runs after the records are saved, so it reads them as they now are.</summary>
    public static async Task RefreshAsync(CrmDbContext db, IEnumerable<Guid> customerIds, CancellationToken ct)
    {
        var cells = new CompositionCells.Difference();
        foreach (var chunk in customerIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var sums = await db.Purchases.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.CustomerId))
                .GroupBy(p => new { p.CustomerId, p.PurchasedOn.Year, p.PurchasedOn.Month, p.Category })
                .Select(g => new { g.Key.CustomerId, g.Key.Year, g.Key.Month, g.Key.Category, Amount = g.Sum(p => p.Amount), Count = g.Count() })
                .ToListAsync(ct);
            var customers = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.OwnerId, c.Level, c.Region, c.Industry }).ToDictionaryAsync(c => c.Id, ct);
            var existing = await db.CustomerMonthSales.IgnoreQueryFilters().Where(s => ids.Contains(s.CustomerId)).ToListAsync(ct);
            var stale = existing.ToDictionary(s => (s.CustomerId, s.Month, s.Category));
            foreach (var rows in existing.GroupBy(s => s.CustomerId))
                cells.Count(rows.Select(CompositionCells.MonthRow.Of).ToList(), -1);

            var current = new List<CustomerMonthSales>();
            foreach (var sum in sums)
            {
                // A deleted customer's rows go with it (cascade); its purchases went too.
                if (!customers.TryGetValue(sum.CustomerId, out var c)) continue;
                var key = (sum.CustomerId, new DateOnly(sum.Year, sum.Month, 1), sum.Category);
                if (!stale.Remove(key, out var row))
                    db.CustomerMonthSales.Add(row = new CustomerMonthSales { CustomerId = key.CustomerId, Month = key.Item2, Category = key.Category });
                (row.OwnerId, row.Level, row.Region, row.Industry, row.Amount, row.Purchases) = (c.OwnerId, c.Level, c.Region, c.Industry, sum.Amount, sum.Count);
                current.Add(row);
            }
            db.CustomerMonthSales.RemoveRange(stale.Values);
            foreach (var rows in current.GroupBy(s => s.CustomerId))
                cells.Count(rows.Select(CompositionCells.MonthRow.Of).ToList(), 1);
        }
        await cells.WriteAsync(db, ct);
    }
}
