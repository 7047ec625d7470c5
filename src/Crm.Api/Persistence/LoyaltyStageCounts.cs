using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps <see cref="LoyaltyStageCount"/> in step with the statistics rows, in the same transaction. Every change to a
/// statistics row goes through the change tracker (the recompute after a purchase, complaint or referral, the owner and
/// lifecycle copied after a transfer, archive or restore, the rebuild at start-up), so the save takes one away from the
/// count the row was in and adds one to the count it is in now. A customer deleted in a save (no use case does) has its
/// row deleted with it by the tracker, not by the database's cascade, so that it leaves its count too. The stored counts
/// move by increments, atomically on both providers, like <see cref="PortfolioCounts"/>.
/// </summary>
public static class LoyaltyStageCounts
{
    public readonly record struct Key(Guid OwnerId, bool RepeatOverAYear, bool RepeatWithPositiveSignals, int LastPurchaseBlock);

    /// <summary>The count a statistics row is in; none for a customer that has not bought or is archived.</summary>
    public static Key? Of(Guid ownerId, Lifecycle lifecycle, int purchases, int? firstPurchaseDay, int? lastPurchaseDay, int ratedComplaints, int satisfactionTotal, int referralsMade) =>
        lifecycle == Lifecycle.Archived || purchases == 0 || lastPurchaseDay is not { } last ? null
        : new Key(ownerId,
            purchases >= 2 && last - firstPurchaseDay >= 365,
            purchases >= 2 && (ratedComplaints == 0 || satisfactionTotal >= 4 * ratedComplaints || referralsMade > 0),
            last / LoyaltyStageCount.BlockDays);

    /// <summary>Before the save: the statistics rows of the customers it deletes are deleted by the tracker, so that <see cref="Difference"/> sees them go.</summary>
    internal static async Task TrackStatisticsOfDeletedCustomersAsync(CrmDbContext db, CancellationToken ct)
    {
        var deleted = db.ChangeTracker.Entries<Customer>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        foreach (var chunk in deleted.Chunk(500))
            db.CustomerStats.RemoveRange(await db.CustomerStats.IgnoreQueryFilters().Where(s => chunk.Contains(s.CustomerId)).ToListAsync(ct));
    }

    /// <summary>The change a save makes to the counts, read off the tracker before the save accepts its changes.</summary>
    internal static Dictionary<Key, int> Difference(CrmDbContext db)
    {
        var difference = new Dictionary<Key, int>();
        void Add(Key? key, int n)
        {
            if (key is { } k) difference[k] = difference.GetValueOrDefault(k) + n;
        }
        static Key? Original(EntityEntry<CustomerStats> e)
        {
            T Value<T>(string name) => (T)e.Property(name).OriginalValue!;
            return Of(Value<Guid>(nameof(CustomerStats.OwnerId)), Value<Lifecycle>(nameof(CustomerStats.Lifecycle)), Value<int>(nameof(CustomerStats.Purchases)),
                Value<int?>(nameof(CustomerStats.FirstPurchaseDay)), Value<int?>(nameof(CustomerStats.LastPurchaseDay)), Value<int>(nameof(CustomerStats.RatedComplaints)),
                Value<int>(nameof(CustomerStats.SatisfactionTotal)), Value<int>(nameof(CustomerStats.ReferralsMade)));
        }
        static Key? Current(CustomerStats s) =>
            Of(s.OwnerId, s.Lifecycle, s.Purchases, s.FirstPurchaseDay, s.LastPurchaseDay, s.RatedComplaints, s.SatisfactionTotal, s.ReferralsMade);

        foreach (var e in db.ChangeTracker.Entries<CustomerStats>())
        {
            switch (e.State)
            {
                case EntityState.Added:
                    Add(Current(e.Entity), 1);
                    break;
                case EntityState.Deleted:
                    Add(Original(e), -1);
                    break;
                case EntityState.Modified:
                    Add(Original(e), -1);
                    Add(Current(e.Entity), 1);
                    break;
            }
        }
        foreach (var unchanged in difference.Where(d => d.Value == 0).Select(d => d.Key).ToList()) difference.Remove(unchanged);
        return difference;
    }

    /// <summary>Adds the difference to the stored counts: an upsert per count, which creates a count the first time an owner has such customers.</summary>
    internal static async Task WriteAsync(CrmDbContext db, Dictionary<Key, int> difference, CancellationToken ct)
    {
        var sqlServer = !db.Database.IsSqlite();
        foreach (var (key, n) in difference)
        {
            // Guids as EF Core stores them on SQLite: upper-case text.
            object[] values = [sqlServer ? key.OwnerId : key.OwnerId.ToString().ToUpperInvariant(), key.RepeatOverAYear, key.RepeatWithPositiveSignals, key.LastPurchaseBlock, n];
            // SQL Server: HOLDLOCK keeps the key range locked from the match to the insert (PortfolioCounts.WriteAsync).
            await db.Database.ExecuteSqlRawAsync(sqlServer
                ? """
                  MERGE [LoyaltyStageCounts] WITH (HOLDLOCK) AS t
                  USING (VALUES ({0}, {1}, {2}, {3}, {4})) AS s ([OwnerId], [RepeatOverAYear], [RepeatWithPositiveSignals], [LastPurchaseBlock], [Customers])
                  ON t.[OwnerId] = s.[OwnerId] AND t.[RepeatOverAYear] = s.[RepeatOverAYear] AND t.[RepeatWithPositiveSignals] = s.[RepeatWithPositiveSignals]
                     AND t.[LastPurchaseBlock] = s.[LastPurchaseBlock]
                  WHEN MATCHED THEN UPDATE SET [Customers] = t.[Customers] + s.[Customers]
                  WHEN NOT MATCHED THEN INSERT ([OwnerId], [RepeatOverAYear], [RepeatWithPositiveSignals], [LastPurchaseBlock], [Customers])
                      VALUES (s.[OwnerId], s.[RepeatOverAYear], s.[RepeatWithPositiveSignals], s.[LastPurchaseBlock], s.[Customers]);
                  """
                : """
                  INSERT INTO "LoyaltyStageCounts" ("OwnerId", "RepeatOverAYear", "RepeatWithPositiveSignals", "LastPurchaseBlock", "Customers") VALUES ({0}, {1}, {2}, {3}, {4})
                  ON CONFLICT ("OwnerId", "RepeatOverAYear", "RepeatWithPositiveSignals", "LastPurchaseBlock") DO UPDATE SET "Customers" = "Customers" + excluded."Customers"
                  """, values, ct);
        }
    }

    /// <summary>The counts of the statistics rows there are, in one statement: for the migration that adds the table and for the benchmark's generated files.</summary>
    public static string FillSql(bool sqlServer)
    {
        var (q, qEnd) = sqlServer ? ("[", "]") : ("\"", "\"");
        string N(string name) => q + name + qEnd;
        var (yes, no) = sqlServer ? ("CAST(1 AS bit)", "CAST(0 AS bit)") : ("1", "0");
        return $"""
            INSERT INTO {N("LoyaltyStageCounts")} ({N("OwnerId")}, {N("RepeatOverAYear")}, {N("RepeatWithPositiveSignals")}, {N("LastPurchaseBlock")}, {N("Customers")})
            SELECT {N("OwnerId")}, {N("RepeatOverAYear")}, {N("RepeatWithPositiveSignals")}, {N("LastPurchaseBlock")}, COUNT(*)
            FROM (
                SELECT {N("OwnerId")},
                    CASE WHEN {N("Purchases")} >= 2 AND {N("LastPurchaseDay")} - {N("FirstPurchaseDay")} >= 365 THEN {yes} ELSE {no} END AS {N("RepeatOverAYear")},
                    CASE WHEN {N("Purchases")} >= 2 AND ({N("RatedComplaints")} = 0 OR {N("SatisfactionTotal")} >= 4 * {N("RatedComplaints")} OR {N("ReferralsMade")} > 0)
                        THEN {yes} ELSE {no} END AS {N("RepeatWithPositiveSignals")},
                    {N("LastPurchaseDay")} / {LoyaltyStageCount.BlockDays} AS {N("LastPurchaseBlock")}
                FROM {N("CustomerStats")}
                WHERE {N("Lifecycle")} <> 'Archived' AND {N("Purchases")} > 0 AND {N("LastPurchaseDay")} IS NOT NULL
            ) AS s
            GROUP BY {N("OwnerId")}, {N("RepeatOverAYear")}, {N("RepeatWithPositiveSignals")}, {N("LastPurchaseBlock")};
            """;
    }
}
