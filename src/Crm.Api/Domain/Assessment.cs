namespace Crm.Api.Domain;

/// <summary>What the relationship assessment recommends: 改进关系 / 维持关系 / 终止关系.</summary>
public enum Recommendation { Improve, Maintain, Terminate }

/// <summary>One indicator of the scorecard, with its weight (the weights of a template sum to 100).</summary>
public sealed record ScorecardIndicator(string Key, string Name, int Weight);

/// <summary>
/// 客户关系评估表 template. Changing the scorecard makes a new version; assessments keep the version they were made with.
/// </summary>
public class ScorecardTemplate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public int TemplateVersion { get; set; } = 1;
    public bool IsCurrent { get; set; } = true;
    public List<ScorecardIndicator> Indicators { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    /// <summary>Grade by total: A from 85, B from 70, C from 50, D below.</summary>
    public static string GradeOf(decimal total) => total >= 85 ? "A" : total >= 70 ? "B" : total >= 50 ? "C" : "D";

    /// <summary>The recommendation a grade suggests; an assessor may choose another with a reason.</summary>
    public static Recommendation SuggestionFor(string grade) => grade switch
    {
        "A" or "B" => Recommendation.Maintain,
        "C" => Recommendation.Improve,
        _ => Recommendation.Terminate,
    };

    public static void EnsureWeightsSumTo100(IReadOnlyCollection<ScorecardIndicator> indicators)
    {
        if (indicators.Sum(i => i.Weight) != 100) throw new DomainRuleException("The indicators' weights must sum to 100.");
    }

    /// <summary>Total = Σ weight × score / 100, every indicator scored once from 0 to 100.</summary>
    public decimal TotalOf(IReadOnlyDictionary<string, int> scores)
    {
        if (Indicators.Count != scores.Count || Indicators.Any(i => !scores.ContainsKey(i.Key)))
            throw new DomainRuleException("Score every indicator of the scorecard exactly once.");
        if (scores.Values.Any(s => s is < 0 or > 100)) throw new DomainRuleException("Scores run from 0 to 100.");
        return Math.Round(Indicators.Sum(i => i.Weight * (decimal)scores[i.Key]) / 100, 1);
    }

    public static ScorecardTemplate Default => new()
    {
        Id = Guid.Parse("01930000-0000-7000-8000-00000000a001"),
        Name = "客户关系评估表 Relationship scorecard",
        CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Indicators =
        [
            new("tenure", "合作年限 Relationship length", 15),
            new("volume", "购买金额 Purchase volume", 25),
            new("payment", "付款信誉 Payment reliability", 20),
            new("complaints", "投诉情况 Complaint record", 15),
            new("engagement", "高层互动 Executive engagement", 10),
            new("loyalty", "忠诚度与转介绍 Loyalty and referrals", 15),
        ],
    };
}

/// <summary>One filled-in scorecard for a customer.</summary>
public class Assessment : AuditedEntity
{
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public Guid TemplateId { get; set; }
    public Dictionary<string, int> Scores { get; set; } = [];
    public decimal Total { get; set; }
    public string Grade { get; set; } = "";
    public Recommendation Suggested { get; set; }
    public Recommendation Recommendation { get; set; }
    public string? OverrideReason { get; set; }
    public string? Notes { get; set; }
    public DateOnly AssessedOn { get; set; }
}
