using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Visits;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

public enum LoyaltyStage { None, Cognitive, Emotional, Behavioural }

/// <summary>One part of the loyalty index: the raw value it was computed from, its 0–100 score and its weight.</summary>
public sealed record LoyaltyComponentDto(string Key, string Name, double Value, double Score, int Weight);

public sealed record CustomerLoyaltyDto
{
    public Guid CustomerId { get; init; }
    public DateOnly AsOf { get; init; }
    public int Purchases { get; init; }
    public int PurchasesLast12Months { get; init; }
    public int PurchasesAfterFirst { get; init; }
    public int MonthsWithPurchaseLast12 { get; init; }
    /// <summary>重复购买率: share of the last 12 months with a purchase.</summary>
    public double RepeatPurchaseRate { get; init; }
    public int? RecencyDays { get; init; }
    public decimal MonetaryLast12Months { get; init; }
    public int RecencyScore { get; init; }
    public int FrequencyScore { get; init; }
    public int MonetaryScore { get; init; }
    /// <summary>Median days between purchases.</summary>
    public double? CadenceDays { get; init; }
    /// <summary>Days since the last purchase divided by the cadence: above 1 the customer is late, above 2 at risk of lapsing.</summary>
    public double? LapseRatio { get; init; }
    public string LapseRisk { get; init; } = "";
    public int TenureDays { get; init; }
    public int ReferralsMade { get; init; }
    public int ReferralsWon { get; init; }
    public int Complaints { get; init; }
    public int RecurringComplaints { get; init; }
    public double? AverageSatisfaction { get; init; }
    public double VisitsPerMonth { get; init; }
    public ComplianceStatus? VisitComplianceThisWeek { get; init; }
    /// <summary>Share of the last 12 months' purchases made below list price (价格敏感度).</summary>
    public double? PriceSensitivity { get; init; }
    public long Points { get; init; }
    public string? Tier { get; init; }
    public LoyaltyStage Stage { get; init; }
    public string StageReason { get; init; } = "";
    public double LoyaltyIndex { get; init; }
    public IReadOnlyList<LoyaltyComponentDto> Components { get; init; } = [];
    /// <summary>The portfolio's quintile cut points the R, F and M scores were read from.</summary>
    public required RfmCutPointsDto Quintiles { get; init; }
}

/// <summary>
/// 客户忠诚度 for one customer, every figure with its inputs: repeat purchase, RFM with 1–5 scores, cadence and lapse
/// risk, tenure, referrals, complaints, visits, price sensitivity, points and tier, the loyalty stage by the rules in
/// docs/loyalty.md, and a 0–100 loyalty index with its components and weights.
/// </summary>
public sealed record CustomerLoyaltyQuery(Guid CustomerId) : IRequest<CustomerLoyaltyDto>;

public sealed class CustomerLoyaltyHandler(CrmDbContext db, OrganisationCalendar calendar, RfmQuintiles quintiles) : IRequestHandler<CustomerLoyaltyQuery, CustomerLoyaltyDto>
{
    // Every call runs these two statements, so they are compiled once: EF Core then neither walks the expression tree
    // for its parameters nor looks the query up in its cache on each call. The scope filters still apply, with the
    // caller of the context passed in.

    /// <summary>
    /// The customer, its statistics row (complaint and referral figures kept on write; none yet: no row) and its visits
    /// since <c>visitsSince</c> in one statement: each statement costs more to prepare than these seeks cost to run.
    /// </summary>
    private static readonly Func<CrmDbContext, Guid, DateTime, CancellationToken, Task<CustomerRowOfLoyalty?>> CustomerRow =
        EF.CompileAsyncQuery((CrmDbContext db, Guid customerId, DateTime visitsSince, CancellationToken ct) => (
                from c in db.Customers.AsNoTracking().Where(c => c.Id == customerId)
                join row in db.CustomerStats.AsNoTracking() on c.Id equals row.CustomerId into statsRow
                from row in statsRow.DefaultIfEmpty()
                select new CustomerRowOfLoyalty(c.Id, c.CreatedAt, c.Points, c.Tier, c.Level, c.ArchivedAt != null,
                    row == null ? 0 : row.Complaints, row == null ? 0 : row.RecurringComplaints,
                    row == null ? 0 : row.RatedComplaints, row == null ? 0 : row.SatisfactionTotal,
                    row == null ? 0 : row.ReferralsMade, row == null ? 0 : row.ReferralsWon,
                    db.Visits.Count(v => v.CustomerId == c.Id && v.Status == VisitStatus.Completed && v.ActualStart >= visitsSince)))
            .FirstOrDefault());

    /// <summary>One customer's purchase history, oldest first: dates and prices only.</summary>
    private static readonly Func<CrmDbContext, Guid, IAsyncEnumerable<PurchaseRow>> PurchaseHistory =
        EF.CompileAsyncQuery((CrmDbContext db, Guid customerId) => db.Purchases.AsNoTracking().Where(p => p.CustomerId == customerId)
            .OrderBy(p => p.PurchasedOn).Select(p => new PurchaseRow(p.PurchasedOn, p.Amount, p.UnitPrice, p.ListUnitPrice)));

    private sealed record CustomerRowOfLoyalty(Guid Id, DateTime CreatedAt, long Points, string? Tier, CustomerLevel Level, bool Archived,
        int Complaints, int RecurringComplaints, int RatedComplaints, int SatisfactionTotal, int ReferralsMade, int ReferralsWon, int Visits);

    private sealed record PurchaseRow(DateOnly PurchasedOn, decimal Amount, decimal UnitPrice, decimal? ListUnitPrice);

    public async Task<CustomerLoyaltyDto> Handle(CustomerLoyaltyQuery request, CancellationToken ct)
    {
        var today = calendar.Today;
        var yearAgo = today.AddDays(-365);
        var threeMonthsAgo = calendar.StartOfDayUtc(today.AddMonths(-3));
        var customer = await CustomerRow(db, request.CustomerId, threeMonthsAgo, ct) ?? throw new NotFoundException("The customer");
        var purchases = new List<PurchaseRow>();
        await foreach (var purchase in PurchaseHistory(db, customer.Id).WithCancellation(ct)) purchases.Add(purchase);
        var recent = purchases.Where(p => p.PurchasedOn > yearAgo).ToList();
        var months = recent.Select(p => (p.PurchasedOn.Year, p.PurchasedOn.Month)).Distinct().Count();
        var gaps = purchases.Zip(purchases.Skip(1), (a, b) => (double)(b.PurchasedOn.DayNumber - a.PurchasedOn.DayNumber)).Where(g => g > 0).Order().ToList();
        double? cadence = gaps.Count == 0 ? null : gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[gaps.Count / 2 - 1] + gaps[gaps.Count / 2]) / 2;
        int? recency = purchases.Count == 0 ? null : today.DayNumber - purchases[^1].PurchasedOn.DayNumber;
        double? lapse = cadence is > 0 && recency is not null ? Math.Round(recency.Value / cadence.Value, 2) : null;
        var monetary = recent.Sum(p => p.Amount);
        var priced = recent.Where(p => p.ListUnitPrice is not null).ToList();

        double? satisfaction = customer.RatedComplaints > 0 ? (double)customer.SatisfactionTotal / customer.RatedComplaints : null;
        // This customer's status only: reading the whole portfolio's compliance to pick one row cost a query per key account in scope.
        var compliance = await VisitComplianceReader.StatusAsync(db, calendar, calendar.CurrentWeek, customer.Id, customer.Level, customer.Archived, ct);

        var tenure = purchases.Count > 0 ? today.DayNumber - purchases[0].PurchasedOn.DayNumber : today.DayNumber - DateOnly.FromDateTime(customer.CreatedAt).DayNumber;
        var (stage, reason) = LoyaltyRules.Stage(purchases.Count, recency, purchases.Count == 0 ? 0 : purchases[^1].PurchasedOn.DayNumber - purchases[0].PurchasedOn.DayNumber,
            satisfaction, customer.ReferralsMade);

        var cuts = await quintiles.GetAsync(today, ct);
        var recencyScore = cuts.RecencyScore(recency);
        var frequencyScore = cuts.FrequencyScore(recent.Count);
        var monetaryScore = cuts.MonetaryScore(monetary);
        var components = new List<LoyaltyComponentDto>
        {
            new("recency", "最近购买 Recency (days)", recency ?? -1, recencyScore * 20, 20),
            new("frequency", "购买频率 Purchases in 12 months", recent.Count, frequencyScore * 20, 20),
            new("monetary", "购买金额 Amount in 12 months", (double)monetary, monetaryScore * 20, 15),
            new("repeat", "重复购买率 Months with a purchase (%)", Math.Round(100.0 * months / 12, 1), Math.Round(100.0 * months / 12, 1), 15),
            new("tenure", "合作年限 Tenure (days)", tenure, Math.Min(100, Math.Round(tenure / 7.3, 1)), 10),
            new("satisfaction", "投诉满意度 Complaint satisfaction", satisfaction ?? 0, satisfaction is { } s ? Math.Round((s - 1) * 25, 1) : 100, 10),
            new("referrals", "转介绍 Referrals won", customer.ReferralsWon, Math.Min(100, customer.ReferralsWon * 50), 10),
        };
        var index = Math.Round(components.Sum(c => c.Score * c.Weight) / 100, 1);

        return new CustomerLoyaltyDto
        {
            CustomerId = customer.Id, AsOf = today, Purchases = purchases.Count, PurchasesLast12Months = recent.Count,
            PurchasesAfterFirst = Math.Max(0, purchases.Count - 1), MonthsWithPurchaseLast12 = months, RepeatPurchaseRate = Math.Round(100.0 * months / 12, 1),
            RecencyDays = recency, MonetaryLast12Months = Math.Round(monetary, 2), RecencyScore = recencyScore, FrequencyScore = frequencyScore, MonetaryScore = monetaryScore,
            CadenceDays = cadence, LapseRatio = lapse, LapseRisk = lapse switch { null => "unknown", <= 1 => "low", <= 2 => "medium", _ => "high" },
            TenureDays = tenure, ReferralsMade = customer.ReferralsMade, ReferralsWon = customer.ReferralsWon,
            Complaints = customer.Complaints, RecurringComplaints = customer.RecurringComplaints,
            AverageSatisfaction = satisfaction is { } avg ? Math.Round(avg, 2) : null,
            VisitsPerMonth = Math.Round(customer.Visits / 3.0, 2), VisitComplianceThisWeek = compliance,
            PriceSensitivity = priced.Count == 0 ? null : Math.Round(100.0 * priced.Count(p => p.UnitPrice < p.ListUnitPrice) / priced.Count, 1),
            Points = customer.Points, Tier = customer.Tier, Stage = stage, StageReason = reason, LoyaltyIndex = index, Components = components, Quintiles = cuts,
        };
    }
}

/// <summary>The documented rules (docs/loyalty.md) in one place.</summary>
public static class LoyaltyRules
{
    /// <summary>
    /// Behavioural (行为忠诚): repeat purchases over at least 12 months, the last within a year.
    /// Emotional (情感忠诚): repeat purchases and positive signals (no complaints or average satisfaction ≥ 4, or a referral made).
    /// Cognitive (认知忠诚): has bought, but neither of the above — the product fits a need and the customer is easily lost.
    /// </summary>
    public static (LoyaltyStage Stage, string Reason) Stage(int purchases, int? recencyDays, int spanDays, double? satisfaction, int referralsMade)
    {
        if (purchases == 0) return (LoyaltyStage.None, "No purchase yet.");
        if (purchases >= 2 && spanDays >= 365 && recencyDays <= 365)
            return (LoyaltyStage.Behavioural, $"{purchases} purchases over {spanDays} days, the last {recencyDays} days ago.");
        var positive = satisfaction is null or >= 4 || referralsMade > 0;
        if (purchases >= 2 && positive)
            return (LoyaltyStage.Emotional, $"{purchases} purchases with positive signals (satisfaction {satisfaction?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "no complaints"}, {referralsMade} referral(s)).");
        return (LoyaltyStage.Cognitive, purchases == 1 ? "One purchase so far." : "Repeat purchases without positive signals (complaints with low satisfaction).");
    }
}
