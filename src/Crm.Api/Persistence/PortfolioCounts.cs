using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps <see cref="PortfolioCount"/> in step with the customers, in the same transaction. Every change to a customer's
/// owner, lifecycle, tier or level goes through the change tracker (create, import, edit, transfer, archive, restore, merge,
/// lapse, a tier move on a points posting), so the save takes one away from the count the customer was in and adds one
/// to the count it is in now (<see cref="CountsKeptOnWrite"/>).
/// </summary>
public static class PortfolioCounts
{
    public readonly record struct Key(Guid OwnerId, Lifecycle Lifecycle, string Tier, CustomerLevel Level);

    /// <summary>The change a save makes to the counts, read off the tracker before the save accepts its changes.</summary>
    internal static Dictionary<Key, int> Difference(CrmDbContext db) =>
        CountsKeptOnWrite.Difference<Customer, Key>(db,
            e => new Key((Guid)e.Property(nameof(Customer.OwnerId)).OriginalValue!, (Lifecycle)e.Property(nameof(Customer.Lifecycle)).OriginalValue!,
                (string?)e.Property(nameof(Customer.Tier)).OriginalValue ?? "", (CustomerLevel)e.Property(nameof(Customer.Level)).OriginalValue!),
            c => new Key(c.OwnerId, c.Lifecycle, c.Tier ?? "", c.Level),
            nameof(Customer.OwnerId), nameof(Customer.Lifecycle), nameof(Customer.Tier), nameof(Customer.Level));

    /// <summary>Adds the difference to the stored counts: an upsert per count.</summary>
    internal static async Task WriteAsync(CrmDbContext db, Dictionary<Key, int> difference, CancellationToken ct)
    {
        foreach (var (key, n) in difference)
            await CountsKeptOnWrite.AddAsync(db, "PortfolioCounts",
                [("OwnerId", key.OwnerId), ("Lifecycle", key.Lifecycle.ToString()), ("Tier", key.Tier), ("Level", (int)key.Level)], n, ct);
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
