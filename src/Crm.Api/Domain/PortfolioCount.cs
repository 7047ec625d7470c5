namespace Crm.Api.Domain;

/// <summary>
/// How many customers one owner has in one lifecycle stage, membership tier and level, kept on write
/// (Persistence/PortfolioCounts.cs, docs/decisions/0016-portfolio-counts.md). The dashboard's tier mix, the size of
/// the portfolio its loyalty stages are shares of, and the number of key accounts the visit compliance is counted over
/// add up a scope's few hundred counts instead of reading an index entry per customer: 50,000 for a team at a million
/// customers.
/// </summary>
public class PortfolioCount
{
    public Guid OwnerId { get; set; }
    public Lifecycle Lifecycle { get; set; }
    /// <summary>The membership tier's name; "" for customers in no tier.</summary>
    public string Tier { get; set; } = "";
    public CustomerLevel Level { get; set; }
    public int Customers { get; set; }
}
