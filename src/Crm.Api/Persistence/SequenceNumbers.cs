using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Numbers for people-facing codes (C-000123, CMP-2026-00042), taken from a counter row inside the creating
/// transaction: the UPDATE locks the row until commit, so two replicas never hand out the same number.
/// A rolled-back transaction returns its number too; a gap can only come from a later failure, which is tolerated.
/// </summary>
internal static class SequenceNumbers
{
    public static async Task<long> NextAsync(CrmDbContext db, string name, CancellationToken ct)
    {
        var updated = await db.Sequences.Where(s => s.Name == name).ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, x => x.Next + 1), ct);
        if (updated == 0)
        {
            db.Sequences.Add(new Sequence { Name = name, Next = 1 });
            await db.SaveChangesAsync(ct);
            return 1;
        }
        return await db.Sequences.Where(s => s.Name == name).Select(s => s.Next).SingleAsync(ct);
    }

    /// <summary>Reserves a block of numbers at once (bulk imports); returns the first.</summary>
    public static async Task<long> ReserveAsync(CrmDbContext db, string name, int count, CancellationToken ct)
    {
        var first = await NextAsync(db, name, ct);
        if (count > 1)
            await db.Sequences.Where(s => s.Name == name).ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, x => x.Next + (count - 1)), ct);
        return first;
    }
}
