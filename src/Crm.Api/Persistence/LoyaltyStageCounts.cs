using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps <see cref="LoyaltyStageCount"/> in step with the statistics rows, in the same transaction. Every change to a
/// statistics row goes through the change tracker (the recompute after a purchase, complaint or referral, the owner and
/// lifecycle copied after a transfer, archive or restore, the rebuild at start-up), so the save takes one away from the
/// count the row was in and adds one to the count it is in now. A customer deleted in a save (no use case does) has its
/// row deleted with it by the tracker, not by the database's cascade, so that it leaves its count too. The stored counts
/// move by increments (<see cref="CountsKeptOnWrite"/>).
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
    internal static Dictionary<Key, int> Difference(CrmDbContext db) =>
        CountsKeptOnWrite.Difference<CustomerStats, Key>(db, e =>
            {
                T Value<T>(string name) => (T)e.Property(name).OriginalValue!;
                return Of(Value<Guid>(nameof(CustomerStats.OwnerId)), Value<Lifecycle>(nameof(CustomerStats.Lifecycle)), Value<int>(nameof(CustomerStats.Purchases)),
                    Value<int?>(nameof(CustomerStats.FirstPurchaseDay)), Value<int?>(nameof(CustomerStats.LastPurchaseDay)), Value<int>(nameof(CustomerStats.RatedComplaints)),
                    Value<int>(nameof(CustomerStats.SatisfactionTotal)), Value<int>(nameof(CustomerStats.ReferralsMade)));
            },
            s => Of(s.OwnerId, s.Lifecycle, s.Purchases, s.FirstPurchaseDay, s.LastPurchaseDay, s.RatedComplaints, s.SatisfactionTotal, s.ReferralsMade),
            nameof(CustomerStats.OwnerId), nameof(CustomerStats.Lifecycle), nameof(CustomerStats.Purchases), nameof(CustomerStats.FirstPurchaseDay),
            nameof(CustomerStats.LastPurchaseDay), nameof(CustomerStats.RatedComplaints), nameof(CustomerStats.SatisfactionTotal), nameof(CustomerStats.ReferralsMade));

    /// <summary>Adds the difference to the stored counts: an upsert per count.</summary>
    internal static async Task WriteAsync(CrmDbContext db, Dictionary<Key, int> difference, CancellationToken ct)
    {
        foreach (var (key, n) in difference)
            await CountsKeptOnWrite.AddAsync(db, "LoyaltyStageCounts", [("OwnerId", key.OwnerId), ("RepeatOverAYear", key.RepeatOverAYear),
                ("RepeatWithPositiveSignals", key.RepeatWithPositiveSignals), ("LastPurchaseBlock", key.LastPurchaseBlock)], n, ct);
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
