using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Api.Persistence;

/// <summary>
/// What the counts kept on write (<see cref="PortfolioCounts"/>, <see cref="LoyaltyStageCounts"/>) have in common: the
/// change a save makes to them, read off the tracker before the save accepts its changes, and the increments written
/// to the stored counts, atomically on both providers, so that two saves on the same count cannot lose each other's change.
/// </summary>
internal static class CountsKeptOnWrite
{
    /// <summary>
    /// One away from the count each changed <typeparamref name="TEntity"/> was in and one to the count it is in now; an
    /// entity in no count has a null key. A modified entity moves only when one of <paramref name="counted"/> changed.
    /// </summary>
    public static Dictionary<TKey, int> Difference<TEntity, TKey>(CrmDbContext db, Func<EntityEntry<TEntity>, TKey?> original, Func<TEntity, TKey?> current,
        params string[] counted) where TEntity : class where TKey : struct
    {
        var difference = new Dictionary<TKey, int>();
        void Add(TKey? key, int n)
        {
            if (key is { } k) difference[k] = difference.GetValueOrDefault(k) + n;
        }
        foreach (var e in db.ChangeTracker.Entries<TEntity>())
        {
            switch (e.State)
            {
                case EntityState.Added:
                    Add(current(e.Entity), 1);
                    break;
                case EntityState.Deleted:
                    Add(original(e), -1);
                    break;
                case EntityState.Modified when TrackedChanges.AnyChanged(e, counted):
                    Add(original(e), -1);
                    Add(current(e.Entity), 1);
                    break;
            }
        }
        foreach (var unchanged in difference.Where(d => d.Value == 0).Select(d => d.Key).ToList()) difference.Remove(unchanged);
        return difference;
    }

    /// <summary>
    /// Adds <paramref name="n"/> to the count of <paramref name="table"/> stored under the key columns' values, creating
    /// it the first time an owner has such customers. Counts that reach zero stay; readers skip them.
    /// </summary>
    public static async Task AddAsync(CrmDbContext db, string table, IReadOnlyList<(string Column, object Value)> key, int n, CancellationToken ct)
    {
        var sqlServer = !db.Database.IsSqlite();
        // Guids as EF Core stores them on SQLite: upper-case text.
        object[] values = [.. key.Select(k => !sqlServer && k.Value is Guid g ? g.ToString().ToUpperInvariant() : k.Value), n];
        var columns = key.Select(k => k.Column).ToList();
        var placeholders = string.Join(", ", Enumerable.Range(0, values.Length).Select(i => $"{{{i}}}"));
        // SQL Server: HOLDLOCK keeps the key range locked from the match to the insert, so two saves that create the
        // same count at once queue instead of one failing on the key. SQLite has one writer at a time.
        var sql = sqlServer
            ? $"""
               MERGE [{table}] WITH (HOLDLOCK) AS t
               USING (VALUES ({placeholders})) AS s ({string.Join(", ", columns.Select(c => $"[{c}]"))}, [Customers])
               ON {string.Join(" AND ", columns.Select(c => $"t.[{c}] = s.[{c}]"))}
               WHEN MATCHED THEN UPDATE SET [Customers] = t.[Customers] + s.[Customers]
               WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns.Select(c => $"[{c}]"))}, [Customers])
                   VALUES ({string.Join(", ", columns.Select(c => $"s.[{c}]"))}, s.[Customers]);
               """
            : $"""
               INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}, "Customers") VALUES ({placeholders})
               ON CONFLICT ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) DO UPDATE SET "Customers" = "Customers" + excluded."Customers"
               """;
        await db.Database.ExecuteSqlRawAsync(sql, values, ct);
    }
}
