using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Tasks;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>客户关系评估表 with the default scorecard: weights 15/25/20/15/10/15, grades A ≥ 85, B ≥ 70, C ≥ 50, D below.</summary>
public abstract class AssessmentTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static Dictionary<string, int> Scores(int tenure, int volume, int payment, int complaints, int engagement, int loyalty) => new()
    {
        ["tenure"] = tenure, ["volume"] = volume, ["payment"] = payment, ["complaints"] = complaints, ["engagement"] = engagement, ["loyalty"] = loyalty,
    };

    private async Task<CustomerDto> ActiveCustomer(Who owner)
    {
        var customer = await Arrange.OwnedByAsync(App, owner);
        await (await As(owner)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases", new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json);
        return customer;
    }

    [Fact]
    public async Task An_assessment_returns_the_weighted_total_grade_and_suggestion_with_its_inputs_and_updates_the_customer()
    {
        var customer = await ActiveCustomer(Who.Rep1);
        var rep = await As(Who.Rep1);
        var assessment = await Read<AssessmentDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments",
            new { scores = Scores(80, 90, 70, 60, 50, 100) }, Json), HttpStatusCode.Created);

        Assert.Equal(77.5m, assessment.Total);
        Assert.Equal("B", assessment.Grade);
        Assert.Equal(Recommendation.Maintain, assessment.Recommendation);
        Assert.Equal(22.5m, assessment.Scores.Single(s => s.Key == "volume").Weighted);
        Assert.Equal(100, assessment.Scores.Sum(s => s.Weight));
        var after = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{customer.Id}"));
        Assert.Equal("B", after.LatestGrade);
        Assert.Equal(new DateOnly(2026, 11, 18), after.LastAssessedOn);
    }

    [Fact]
    public async Task Overriding_the_suggestion_needs_a_reason()
    {
        var customer = await ActiveCustomer(Who.Rep1);
        var rep = await As(Who.Rep1);
        var problem = await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments",
            new { scores = Scores(90, 90, 90, 90, 90, 90), recommendation = "Terminate" }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("overrideReason", out _));
        var overridden = await Read<AssessmentDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments",
            new { scores = Scores(90, 90, 90, 90, 90, 90), recommendation = "Terminate", overrideReason = "Moving production abroad" }, Json), HttpStatusCode.Created);
        Assert.Equal(Recommendation.Maintain, overridden.Suggested);
        Assert.Equal(Recommendation.Terminate, overridden.Recommendation);
    }

    [Fact]
    public async Task Recommending_improvement_gives_the_account_manager_an_improvement_task()
    {
        var customer = await ActiveCustomer(Who.Rep2);
        var assessment = await Read<AssessmentDto>(await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments",
            new { scores = Scores(50, 60, 50, 60, 50, 60) }, Json), HttpStatusCode.Created);
        Assert.Equal("C", assessment.Grade);
        Assert.Equal(Recommendation.Improve, assessment.Recommendation);
        var task = Assert.Single((await Read<Page<TaskDto>>(await (await As(Who.Rep2)).GetAsync($"/api/v1/tasks?sourceId={assessment.Id}"))).Items);
        Assert.Equal(TaskSource.AssessmentAction, task.Source);
        Assert.Equal(App.UserIds[Who.Rep2], task.AssigneeId);

        // The next assessment no longer asks for improvement: the improvement task closes with it.
        await Read<AssessmentDto>(await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments",
            new { scores = Scores(90, 90, 90, 90, 90, 90) }, Json), HttpStatusCode.Created);
        var closed = Assert.Single((await Read<Page<TaskDto>>(await (await As(Who.Rep2)).GetAsync($"/api/v1/tasks?sourceId={assessment.Id}"))).Items);
        Assert.Equal(TaskItemStatus.Done, closed.Status);
    }

    [Fact]
    public async Task Incomplete_or_out_of_range_scores_are_refused_and_out_of_scope_customers_do_not_exist()
    {
        var customer = await ActiveCustomer(Who.Rep1);
        var rep = await As(Who.Rep1);
        await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments", new { scores = new { tenure = 80 } }, Json), HttpStatusCode.BadRequest);
        var tooHigh = Scores(80, 90, 70, 60, 50, 100);
        tooHigh["loyalty"] = 101;
        await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments", new { scores = tooHigh }, Json), HttpStatusCode.BadRequest);
        await Problem(await (await As(Who.Rep3)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments", new { scores = Scores(1, 1, 1, 1, 1, 1) }, Json), HttpStatusCode.NotFound);
        Assert.Empty((await Read<Page<AssessmentDto>>(await rep.GetAsync($"/api/v1/customers/{customer.Id}/assessments"))).Items);
    }

    [Fact]
    public async Task Customers_never_or_long_ago_assessed_are_due()
    {
        var never = await ActiveCustomer(Who.Rep3);
        var assessed = await ActiveCustomer(Who.Rep3);
        var rep = await As(Who.Rep3);
        await Read<AssessmentDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{assessed.Id}/assessments", new { scores = Scores(80, 80, 80, 80, 80, 80) }, Json), HttpStatusCode.Created);
        var due = await Read<Page<AssessmentDueDto>>(await rep.GetAsync("/api/v1/assessments/due?limit=200"));
        Assert.Contains(due.Items, d => d.CustomerId == never.Id);
        Assert.DoesNotContain(due.Items, d => d.CustomerId == assessed.Id);
    }
}

public sealed class AssessmentTestsOnSqlite(SqliteApp app) : AssessmentTests<SqliteApp>(app);

public sealed class AssessmentTestsOnSqlServer(SqlServerApp app) : AssessmentTests<SqlServerApp>(app);

/// <summary>Publishes a new scorecard version, so it has an app of its own.</summary>
public abstract class ScorecardVersionTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task Weights_must_sum_to_100_and_old_assessments_keep_their_scorecard_version()
    {
        var admin = await As(Who.Admin);
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases", new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json);
        var first = await Read<AssessmentDto>(await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments",
            new { scores = new Dictionary<string, int> { ["tenure"] = 80, ["volume"] = 80, ["payment"] = 80, ["complaints"] = 80, ["engagement"] = 80, ["loyalty"] = 80 } }, Json), HttpStatusCode.Created);

        var bad = await Problem(await admin.PostAsJsonAsync("/api/v1/settings/scorecard-template",
            new { name = "Short", indicators = new[] { new { key = "a", name = "A", weight = 50 }, new { key = "b", name = "B", weight = 40 } } }, Json), HttpStatusCode.BadRequest);
        Assert.Contains("100", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem(await (await As(Who.ManagerA)).PostAsJsonAsync("/api/v1/settings/scorecard-template",
            new { name = "Mine", indicators = new[] { new { key = "a", name = "A", weight = 100 } } }, Json), HttpStatusCode.Forbidden);

        var v2 = await Read<ScorecardTemplateDto>(await admin.PostAsJsonAsync("/api/v1/settings/scorecard-template",
            new { name = "Two indicators", indicators = new[] { new { key = "service", name = "Service", weight = 60 }, new { key = "price", name = "Price", weight = 40 } } }, Json));
        Assert.Equal(2, v2.TemplateVersion);

        var second = await Read<AssessmentDto>(await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/assessments",
            new { scores = new Dictionary<string, int> { ["service"] = 100, ["price"] = 50 } }, Json), HttpStatusCode.Created);
        Assert.Equal(80m, second.Total);

        var history = await Read<Page<AssessmentDto>>(await admin.GetAsync($"/api/v1/customers/{customer.Id}/assessments"));
        var old = history.Items.Single(a => a.Id == first.Id);
        Assert.Equal(1, old.TemplateVersion);
        Assert.Equal(6, old.Scores.Count);
        Assert.Equal(2, history.Items.Single(a => a.Id == second.Id).TemplateVersion);
    }
}

public sealed class ScorecardVersionTestsOnSqlite(SqliteApp app) : ScorecardVersionTests<SqliteApp>(app);

public sealed class ScorecardVersionTestsOnSqlServer(SqlServerApp app) : ScorecardVersionTests<SqlServerApp>(app);
