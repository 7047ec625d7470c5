using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps <see cref="PortfolioCount"/> in step with the customers, in the same transaction. Every change to a customer's
/// owner, lifecycle, tier or level goes through the change tracker (create, import, edit, transfer, archive, restore, merge,
/// lapse, a tier move on a points posting), so the save takes one away from the count the customer was in and adds one
/// to the count it is in now. The stored counts move by increments, atomically on both providers, so two saves on the
/// same owner's count cannot lose each other's change.
/// </summary>
public static class PortfolioCounts
{
    public readonly record struct Key(Guid OwnerId, Lifecycle Lifecycle, string Tier, CustomerLevel Level);

    /// <summary>The change a save makes to the counts, read off the tracker before the save accepts its changes.</summary>
    internal static Dictionary<Key, int> Difference(CrmDbContext db)
    {
        var difference = new Dictionary<Key, int>();
        void Add(Key key, int n) => difference[key] = difference.GetValueOrDefault(key) + n;
        Key Original(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Customer> e) => new(
            (Guid)e.Property(nameof(Customer.OwnerId)).OriginalValue!, (Lifecycle)e.Property(nameof(Customer.Lifecycle)).OriginalValue!,
            (string?)e.Property(nameof(Customer.Tier)).OriginalValue ?? "", (CustomerLevel)e.Property(nameof(Customer.Level)).OriginalValue!);
        static Key Current(Customer c) => new(c.OwnerId, c.Lifecycle, c.Tier ?? "", c.Level);

        foreach (var e in db.ChangeTracker.Entries<Customer>())
        {
            switch (e.State)
            {
                case EntityState.Added:
                    Add(Current(e.Entity), 1);
                    break;
                case EntityState.Deleted:
                    Add(Original(e), -1);
                    break;
                case EntityState.Modified when TrackedChanges.AnyChanged(e, nameof(Customer.OwnerId), nameof(Customer.Lifecycle), nameof(Customer.Tier), nameof(Customer.Level)):
                    Add(Original(e), -1);
                    Add(Current(e.Entity), 1);
                    break;
            }
        }
        foreach (var unchanged in difference.Where(d => d.Value == 0).Select(d => d.Key).ToList()) difference.Remove(unchanged);
        return difference;
    }

    /// <summary>Adds the difference to the stored counts: an upsert per count, which creates a count the first time an owner has such a customer.</summary>
    internal static async Task WriteAsync(CrmDbContext db, Dictionary<Key, int> difference, CancellationToken ct)
    {
        var sqlServer = !db.Database.IsSqlite();
        foreach (var (key, n) in difference)
        {
            // Guids as EF Core stores them on SQLite: upper-case text.
            object[] values = [sqlServer ? key.OwnerId : key.OwnerId.ToString().ToUpperInvariant(), key.Lifecycle.ToString(), key.Tier, (int)key.Level, n];
            // SQL Server: HOLDLOCK keeps the key range locked from the match to the insert, so two saves that create
            // the same count at once queue instead of one failing on the key. SQLite has one writer at a time.
            await db.Database.ExecuteSqlRawAsync(sqlServer
                ? """
                  MERGE [PortfolioCounts] WITH (HOLDLOCK) AS t
                  USING (VALUES ({0}, {1}, {2}, {3}, {4})) AS s ([OwnerId], [Lifecycle], [Tier], [Level], [Customers])
                  ON t.[OwnerId] = s.[OwnerId] AND t.[Lifecycle] = s.[Lifecycle] AND t.[Tier] = s.[Tier] AND t.[Level] = s.[Level]
                  WHEN MATCHED THEN UPDATE SET [Customers] = t.[Customers] + s.[Customers]
                  WHEN NOT MATCHED THEN INSERT ([OwnerId], [Lifecycle], [Tier], [Level], [Customers]) VALUES (s.[OwnerId], s.[Lifecycle], s.[Tier], s.[Level], s.[Customers]);
                  """
                : """
                  INSERT INTO "PortfolioCounts" ("OwnerId", "Lifecycle", "Tier", "Level", "Customers") VALUES ({0}, {1}, {2}, {3}, {4})
                  ON CONFLICT ("OwnerId", "Lifecycle", "Tier", "Level") DO UPDATE SET "Customers" = "Customers" + excluded."Customers"
                  """, values, ct);
        }
    }

    /// <summary>The counts of the customers there are, in one statement: for the migration that gives the counts a level and for the benchmark's generated files.</summary>
    public static string FillSql(bool sqlServer) => Fill(sqlServer, ["OwnerId", "Lifecycle", "Tier", "Level"]);

    /// <summary>
    /// The counts as the table had them before they had a level: the statement of the migration that added the table,
    /// which runs before the level's column exists, and of the way back from the level's migration.
    /// </summary>
    public static string FillByTierSql(bool sqlServer) => Fill(sqlServer, ["OwnerId", "Lifecycle", "Tier"]);

    private static string Fill(bool sqlServer, string[] key)
    {
        var (q, qEnd) = sqlServer ? ("[", "]") : ("\"", "\"");
        string N(string name) => name == "Tier" ? $"COALESCE({q}Tier{qEnd}, '')" : q + name + qEnd;
        var columns = string.Join(", ", key.Select(k => q + k + qEnd));
        var values = string.Join(", ", key.Select(N));
        return $"""
            INSERT INTO {q}PortfolioCounts{qEnd} ({columns}, {q}Customers{qEnd})
            SELECT {values}, COUNT(*) FROM {q}Customers{qEnd}
            GROUP BY {values};
            """;
    }
}
