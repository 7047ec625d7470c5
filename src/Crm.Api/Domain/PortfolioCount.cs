namespace Crm.Api.Domain;

/// <summary>
/// How many customers one owner has in one lifecycle stage and membership tier, kept on write
/// (Persistence/PortfolioCounts.cs, docs/decisions/0016-portfolio-counts.md). The dashboard's tier mix and the size of
/// the portfolio its loyalty stages are shares of add up a scope's few hundred counts instead of reading an index
/// entry per customer: 50,000 for a team at a million customers.
/// </summary>
public class PortfolioCount
{
    public Guid OwnerId { get; set; }
    public Lifecycle Lifecycle { get; set; }
    /// <summary>The membership tier's name; "" for customers in no tier.</summary>
    public string Tier { get; set; } = "";
    public int Customers { get; set; }
}
