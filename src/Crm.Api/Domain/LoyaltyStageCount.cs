namespace Crm.Api.Domain;

/// <summary>
/// How many of one owner's customers that have bought and are not archived share two loyalty signals and the 30-day
/// block of their last purchase, kept on write from <see cref="CustomerStats"/> (Persistence/LoyaltyStageCounts.cs,
/// docs/decisions/0016-portfolio-counts.md). The loyalty stage mix of a scope adds up these few rows per owner instead of
/// reading every statistics row (22,000 for a team at a million customers). The stages depend on today only through the
/// last purchase's day, so the counts serve any day: every block after the one a year ago is within the year, every
/// block before it is not, and that one block is read exactly.
/// </summary>
public class LoyaltyStageCount
{
    /// <summary>Days in a block of <see cref="LastPurchaseBlock"/>.</summary>
    public const int BlockDays = 30;

    public Guid OwnerId { get; set; }
    /// <summary>Two purchases or more, the first and the last at least 365 days apart (behavioural, if the last is within a year).</summary>
    public bool RepeatOverAYear { get; set; }
    /// <summary>Two purchases or more and positive signals: no rated complaint, average satisfaction of 4 or more, or a referral made (emotional).</summary>
    public bool RepeatWithPositiveSignals { get; set; }
    /// <summary>The last purchase's <see cref="DateOnly.DayNumber"/> divided by <see cref="BlockDays"/>.</summary>
    public int LastPurchaseBlock { get; set; }
    public int Customers { get; set; }
}
