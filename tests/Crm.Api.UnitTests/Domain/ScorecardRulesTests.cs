using Crm.Api.Domain;

namespace Crm.Api.UnitTests.Domain;

public class ScorecardRulesTests
{
    [Theory]
    [InlineData(100, "A")]
    [InlineData(85, "A")]
    [InlineData(84.9, "B")]
    [InlineData(70, "B")]
    [InlineData(69.9, "C")]
    [InlineData(50, "C")]
    [InlineData(49.9, "D")]
    [InlineData(0, "D")]
    public void Grades_follow_the_thresholds(decimal total, string grade) => Assert.Equal(grade, ScorecardTemplate.GradeOf(total));

    [Theory]
    [InlineData("A", Recommendation.Maintain)]
    [InlineData("B", Recommendation.Maintain)]
    [InlineData("C", Recommendation.Improve)]
    [InlineData("D", Recommendation.Terminate)]
    public void Each_grade_suggests_a_recommendation(string grade, Recommendation suggested) => Assert.Equal(suggested, ScorecardTemplate.SuggestionFor(grade));

    [Fact]
    public void The_total_is_the_weighted_sum_of_the_scores()
    {
        var scores = new Dictionary<string, int> { ["tenure"] = 80, ["volume"] = 90, ["payment"] = 70, ["complaints"] = 60, ["engagement"] = 50, ["loyalty"] = 100 };
        // (15·80 + 25·90 + 20·70 + 15·60 + 10·50 + 15·100) / 100
        Assert.Equal(77.5m, ScorecardTemplate.Default.TotalOf(scores));
    }

    [Fact]
    public void Weights_must_sum_to_one_hundred()
    {
        Assert.Throws<DomainRuleException>(() => ScorecardTemplate.EnsureWeightsSumTo100([new("a", "A", 50), new("b", "B", 40)]));
        ScorecardTemplate.EnsureWeightsSumTo100([new("a", "A", 60), new("b", "B", 40)]);
        Assert.Equal(100, ScorecardTemplate.Default.Indicators.Sum(i => i.Weight));
    }

    [Fact]
    public void Every_indicator_is_scored_exactly_once() =>
        Assert.Throws<DomainRuleException>(() => ScorecardTemplate.Default.TotalOf(new Dictionary<string, int> { ["tenure"] = 80 }));
}
