namespace Crm.Api.Domain;

/// <summary>
/// One customer's purchase, complaint and referral figures, kept in step with those records on every save
/// (Persistence/CustomerStatistics.cs) so that portfolio analytics read one narrow row per customer instead of
/// aggregating millions of purchases. Days are <see cref="DateOnly.DayNumber"/> values so SQL can do arithmetic on them.
/// </summary>
public class CustomerStats
{
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>
    /// The customer's owner and lifecycle, copied on every save that changes them: a scope's statistics (the loyalty-stage
    /// mix of a team's 50,000 customers) are then one range of an index, not two seeks per customer into other tables.
    /// </summary>
    public Guid OwnerId { get; set; }
    public Lifecycle Lifecycle { get; set; }
    public int Purchases { get; set; }
    public decimal TotalAmount { get; set; }
    public DateOnly? FirstPurchaseOn { get; set; }
    public DateOnly? LastPurchaseOn { get; set; }
    public int? FirstPurchaseDay { get; set; }
    public int? LastPurchaseDay { get; set; }
    /// <summary>Median days between consecutive purchases on different days; null below two purchase days.</summary>
    public double? CadenceDays { get; set; }
    public int Complaints { get; set; }
    public int RecurringComplaints { get; set; }
    public int RatedComplaints { get; set; }
    public int SatisfactionTotal { get; set; }
    public int ReferralsMade { get; set; }
    public int ReferralsWon { get; set; }
    /// <summary>Start of the latest visit that counts for compliance (completed, approved or waiting for review).</summary>
    public DateTime? LastVisitAt { get; set; }
}
