using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Complaints;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Complaints;

internal static class ComplaintArrange
{
    public static async Task<ComplaintDto> LogAsync(HttpClient client, Guid customerId, string severity = "Medium", string category = "LateDelivery", DateTime? receivedAt = null, string description = "The order arrived two weeks late.")
    {
        var response = await client.PostAsJsonAsync("/api/v1/complaints", new { customerId, channel = "Phone", category, severity, description, receivedAt }, CrmApp.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Logging a complaint failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<ComplaintDto>(text, CrmApp.Json)!;
    }

    public static object Factual => new { isFactual = true, resolutionType = "Replacement", rootCause = "Warehouse picked the wrong batch", correctiveAction = "Batch scan added at packing" };
}

public abstract class ComplaintTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    [Theory]
    [InlineData("Critical", "C", false, 4, 48)]
    [InlineData("Critical", "Special", false, 2, 24)]
    [InlineData("Critical", "C", true, 2, 24)]
    [InlineData("High", "A", false, 4, 48)]
    [InlineData("High", "B", false, 8, 72)]
    [InlineData("Medium", "B", false, 24, 120)]
    [InlineData("Low", "C", false, 48, 240)]
    [InlineData("Low", "A", false, 24, 120)]
    public async Task The_committed_time_comes_from_the_policy_for_the_severity_and_the_customer(string severity, string level, bool keyAccount, int respondHours, int resolveHours)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level, isKeyAccount = keyAccount });
        var received = Now.AddMinutes(-10);
        var complaint = await ComplaintArrange.LogAsync(await As(Who.Service), customer.Id, severity, receivedAt: received);
        Assert.Equal(received.AddHours(respondHours), complaint.FirstResponseDueAt);
        Assert.Equal(received.AddHours(resolveHours), complaint.ResolutionDueAt);
        Assert.Matches(@"^CMP-2026-\d{5}$", complaint.Number);
        Assert.Equal(ComplaintStatus.Open, complaint.Status);
        Assert.Equal(customer.OwnerId, complaint.AssigneeId);
    }

    [Fact]
    public async Task A_factual_complaint_is_not_resolved_without_root_cause_and_corrective_action()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id);
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Investigate" }, Json));

        var problem = await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", new { isFactual = true, resolutionType = "Refund" }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rootCause", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("correctiveAction", out _));
        Assert.Equal(ComplaintStatus.Investigating, (await Read<ComplaintDto>(await agent.GetAsync($"/api/v1/complaints/{complaint.Id}"))).Status);

        var resolved = await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", ComplaintArrange.Factual, Json));
        Assert.Equal(ComplaintStatus.Resolved, resolved.Status);
        Assert.Equal(SlaState.Met, resolved.Sla);
        Assert.Equal("Batch scan added at packing", resolved.CorrectiveAction);
    }

    [Fact]
    public async Task A_complaint_that_was_not_factual_is_resolved_with_the_explanation_given()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id, category: "Price", description: "价格比上月贵了 price went up");
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json));
        await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", new { isFactual = false }, Json), HttpStatusCode.BadRequest);
        var resolved = await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve",
            new { isFactual = false, explanation = "The list price changed on 1 November, announced in October.", goodwillDescription = "Tea set from stock", goodwillValue = 200 }, Json));
        Assert.False(resolved.IsFactual);
        Assert.Equal(200m, resolved.GoodwillValue);
    }

    [Fact]
    public async Task Closing_needs_a_satisfaction_score_from_one_to_five_and_a_closed_complaint_cannot_be_resolved_again()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id);
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", ComplaintArrange.Factual, Json));

        await Problem(await agent.PostAsync($"/api/v1/complaints/{complaint.Id}/close", new StringContent("{\"comment\":\"called back\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/close", new { satisfaction = 6 }, Json), HttpStatusCode.BadRequest);
        await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/close", new { satisfaction = 0 }, Json), HttpStatusCode.BadRequest);
        var closed = await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/close", new { satisfaction = 4, comment = "回访: satisfied" }, Json));
        Assert.Equal(4, closed.Satisfaction);

        var again = await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", ComplaintArrange.Factual, Json), HttpStatusCode.Conflict);
        Assert.Contains("Investigating", again.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Skipping_a_step_is_an_illegal_transition()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id);
        var problem = await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", ComplaintArrange.Factual, Json), HttpStatusCode.Conflict);
        Assert.Equal(["Acknowledged"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!));
    }

    [Fact]
    public async Task A_complaint_is_recurring_when_the_customer_complained_in_the_same_category_within_the_window()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2);
        var agent = await As(Who.Service);
        var old = await ComplaintArrange.LogAsync(agent, customer.Id, category: "ProductQuality", receivedAt: Now.AddDays(-200));
        var first = await ComplaintArrange.LogAsync(agent, customer.Id, category: "ProductQuality", receivedAt: Now.AddDays(-60));
        Assert.False(first.IsRecurring);

        var other = await ComplaintArrange.LogAsync(agent, customer.Id, category: "Price", receivedAt: Now.AddDays(-1));
        Assert.False(other.IsRecurring);
        var again = await ComplaintArrange.LogAsync(agent, customer.Id, category: "ProductQuality");
        Assert.True(again.IsRecurring);
        Assert.Equal(first.Id, again.RecurringOfId);
        Assert.NotEqual(old.Id, again.RecurringOfId);
    }

    [Fact]
    public async Task Committing_to_a_later_time_than_the_policy_needs_a_reason_and_an_earlier_one_does_not()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id, "High");
        var later = complaint.ResolutionDueAt.AddDays(2);

        var problem = await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/commitment", new { committedAt = later }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(complaint.ResolutionDueAt, (await Read<ComplaintDto>(await agent.GetAsync($"/api/v1/complaints/{complaint.Id}"))).ResolutionDueAt);

        var earlier = await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/commitment", new { committedAt = Now.AddHours(5) }, Json));
        Assert.Equal(Now.AddHours(5), earlier.ResolutionDueAt);
        var extended = await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/commitment", new { committedAt = later, reason = "Spare part ships from Germany" }, Json));
        Assert.Equal(later, extended.ResolutionDueAt);
        Assert.Equal("Spare part ships from Germany", extended.CommitmentReason);
    }

    public static TheoryData<string> BadComplaints() => new()
    {
        "{\"customerId\":\"{id}\",\"channel\":\"Phone\",\"category\":\"Weather\",\"severity\":\"Low\",\"description\":\"x\"}",
        "{\"customerId\":\"{id}\",\"channel\":\"Pigeon\",\"category\":\"Price\",\"severity\":\"Low\",\"description\":\"x\"}",
        "{\"customerId\":\"{id}\",\"channel\":\"Phone\",\"category\":\"Price\",\"severity\":\"Low\",\"description\":\"\"}",
        "{\"customerId\":\"{id}\",\"channel\":\"Phone\",\"category\":\"Price\",\"severity\":\"Low\",\"description\":\"" + new string('长', 4001) + "\"}",
        "{\"customerId\":\"{id}\",\"channel\":\"Phone\",\"category\":\"Price\",\"severity\":\"Low\",\"description\":\"x\",\"receivedAt\":\"2030-01-01T00:00:00Z\"}",
    };

    [Theory]
    [MemberData(nameof(BadComplaints))]
    public async Task Bad_complaints_are_refused_and_nothing_is_written(string body)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        await Problem(await agent.PostAsync("/api/v1/complaints", new StringContent(body.Replace("{id}", customer.Id.ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Empty((await Read<Page<ComplaintDto>>(await agent.GetAsync($"/api/v1/customers/{customer.Id}/complaints"))).Items);
    }

    [Fact]
    public async Task A_rep_sees_complaints_of_their_customers_and_the_service_desk_sees_all()
    {
        var mine = await Arrange.OwnedByAsync(App, Who.Rep1);
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3);
        var agent = await As(Who.Service);
        var onMine = await ComplaintArrange.LogAsync(agent, mine.Id);
        var onTheirs = await ComplaintArrange.LogAsync(agent, theirs.Id);

        var rep = await As(Who.Rep1);
        var repQueue = await Read<Page<ComplaintDto>>(await rep.GetAsync("/api/v1/complaints?limit=200"));
        Assert.Contains(repQueue.Items, c => c.Id == onMine.Id);
        Assert.DoesNotContain(repQueue.Items, c => c.Id == onTheirs.Id);
        await Problem(await rep.GetAsync($"/api/v1/complaints/{onTheirs.Id}"), HttpStatusCode.NotFound);
        await Problem(await rep.PostAsJsonAsync("/api/v1/complaints", new { customerId = theirs.Id, channel = "Visit", category = "Price", severity = "Low", description = "x" }, Json), HttpStatusCode.NotFound);

        var desk = await Read<Page<ComplaintDto>>(await agent.GetAsync("/api/v1/complaints?limit=200"));
        Assert.Contains(desk.Items, c => c.Id == onTheirs.Id);
        await Problem(await (await As(Who.Analyst)).PostAsJsonAsync("/api/v1/complaints", new { customerId = mine.Id, channel = "Visit", category = "Price", severity = "Low", description = "x" }, Json), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_complaint_follows_its_customer_to_a_new_owner_by_transfer_or_merge()
    {
        var agent = await As(Who.Service);
        var moved = await Arrange.OwnedByAsync(App, Who.Rep1, "Moving complainer");
        var onMoved = await ComplaintArrange.LogAsync(agent, moved.Id);
        var duplicate = await Arrange.OwnedByAsync(App, Who.Rep1, "Duplicate complainer");
        var survivor = await Arrange.OwnedByAsync(App, Who.Rep2, "Surviving complainer");
        var onDuplicate = await ComplaintArrange.LogAsync(agent, duplicate.Id);

        var manager = await As(Who.ManagerA);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/customers/{moved.Id}/transfer", new { newOwnerId = App.UserIds[Who.Rep2] }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = duplicate.Id }, Json)).StatusCode);

        var newOwner = await As(Who.Rep2);
        var queue = await Read<Page<ComplaintDto>>(await newOwner.GetAsync("/api/v1/complaints?limit=200"));
        Assert.Contains(queue.Items, c => c.Id == onMoved.Id);
        Assert.Contains(queue.Items, c => c.Id == onDuplicate.Id && c.CustomerId == survivor.Id);
        Assert.Equal(HttpStatusCode.OK, (await newOwner.GetAsync($"/api/v1/complaints/{onDuplicate.Id}")).StatusCode);
        var oldOwner = await As(Who.Rep1);
        Assert.DoesNotContain((await Read<Page<ComplaintDto>>(await oldOwner.GetAsync("/api/v1/complaints?limit=200"))).Items, c => c.Id == onMoved.Id || c.Id == onDuplicate.Id);
        await Problem(await oldOwner.GetAsync($"/api/v1/complaints/{onMoved.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_timeline_records_every_change_comment_and_assignment_with_who()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id);
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/assign", new { assigneeId = App.UserIds[Who.Service] }, Json));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/comments", new { text = "Called the customer back" }, Json));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json));
        await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/assign", new { assigneeId = App.UserIds[Who.Rep2] }, Json), HttpStatusCode.BadRequest);

        var events = await Read<Page<ComplaintEventDto>>(await agent.GetAsync($"/api/v1/complaints/{complaint.Id}/events"));
        Assert.Equal([ComplaintEventKind.Logged, ComplaintEventKind.Assigned, ComplaintEventKind.Assigned, ComplaintEventKind.Comment, ComplaintEventKind.StatusChanged],
            events.Items.Select(e => e.Kind));
        Assert.All(events.Items.Skip(2), e => Assert.Equal(App.UserIds[Who.Service], e.ActorId));
        Assert.Equal(App.UserIds[Who.Service], events.Items[2].AssigneeId);
    }

    [Fact]
    public async Task Standard_answers_are_kept_by_the_service_desk_and_suggested_by_category_and_text()
    {
        var agent = await As(Who.Service);
        await Read<StandardAnswerDto>(await agent.PostAsJsonAsync("/api/v1/standard-answers", new { category = "LateDelivery", question = "货物延迟送达怎么办 delivery late", answer = "We apologise and ship by express at our cost.", tags = new[] { "delivery" } }, Json), HttpStatusCode.Created);
        await Read<StandardAnswerDto>(await agent.PostAsJsonAsync("/api/v1/standard-answers", new { category = "LateDelivery", question = "Partial shipment", answer = "The rest follows within 3 days." }, Json), HttpStatusCode.Created);
        await Read<StandardAnswerDto>(await agent.PostAsJsonAsync("/api/v1/standard-answers", new { category = "Price", question = "Why did the price change?", answer = "List prices follow raw material costs." }, Json), HttpStatusCode.Created);
        await Problem(await (await As(Who.Rep1)).PostAsJsonAsync("/api/v1/standard-answers", new { category = "Price", question = "q", answer = "a" }, Json), HttpStatusCode.Forbidden);

        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id, description: "货物延迟送达，客户很不满意 the delivery was late");
        var suggested = await Read<Page<ScoredAnswerDto>>(await agent.GetAsync($"/api/v1/complaints/{complaint.Id}/suggested-answers"));
        Assert.Equal("货物延迟送达怎么办 delivery late", suggested.Items[0].Answer.Question);
        Assert.Equal("Partial shipment", suggested.Items[1].Answer.Question);
        Assert.DoesNotContain(suggested.Items, s => s.Answer.Category == ComplaintCategory.Price);
    }

    [Fact]
    public async Task The_statistics_count_by_category_and_report_sla_and_times()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep3);
        var agent = await As(Who.Service);
        var a = await ComplaintArrange.LogAsync(agent, customer.Id, "High", "ProductQuality", Now.AddHours(-5));
        await ComplaintArrange.LogAsync(agent, customer.Id, "Low", "ProductQuality", Now.AddHours(-4));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{a.Id}/advance", new { step = "Acknowledge" }, Json));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{a.Id}/resolve", ComplaintArrange.Factual, Json));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{a.Id}/close", new { satisfaction = 3 }, Json));

        var stats = await Read<ComplaintStatsDto>(await agent.GetAsync("/api/v1/complaints/stats?from=2026-11-01&to=2026-11-30"));
        Assert.True(stats.Received >= 2);
        Assert.Contains(stats.ByCategory, c => c.Key == "ProductQuality" && c.Count >= 2);
        Assert.True(stats.Resolved >= 1);
        Assert.NotNull(stats.MeanResolutionMinutes);
        Assert.NotNull(stats.P90FirstResponseMinutes);
        Assert.NotNull(stats.AverageSatisfaction);

        var review = await Read<ComplaintReviewDto>(await agent.GetAsync("/api/v1/complaints/reviews?period=week"));
        Assert.Contains(review.Items, i => i.Id == a.Id && i.CorrectiveAction == "Batch scan added at packing");
    }
}

public sealed class ComplaintTestsOnSqlite(SqliteApp app) : ComplaintTests<SqliteApp>(app);

public sealed class ComplaintTestsOnSqlServer(SqlServerApp app) : ComplaintTests<SqlServerApp>(app);

/// <summary>Moves the clock, so it has an app of its own.</summary>
public abstract class ComplaintClockTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_complaint_is_at_risk_in_the_last_fifth_of_its_window_and_breached_exactly_at_the_deadline()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { level = "Special" });
        var agent = await As(Who.Service);
        var start = App.Clock.GetUtcNow().UtcDateTime;
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id, "Critical", receivedAt: start); // due in 24 h; at risk from 19.2 h
        Assert.Equal(SlaState.OnTrack, complaint.Sla);

        async Task<(SlaState Sla, bool InBreached, bool InAtRisk)> State()
        {
            agent = await As(Who.Service);
            var c = await Read<ComplaintDto>(await agent.GetAsync($"/api/v1/complaints/{complaint.Id}"));
            var breached = await Read<Page<ComplaintDto>>(await agent.GetAsync("/api/v1/complaints?sla=breached&limit=200"));
            var atRisk = await Read<Page<ComplaintDto>>(await agent.GetAsync("/api/v1/complaints?sla=at-risk&limit=200"));
            return (c.Sla, breached.Items.Any(x => x.Id == complaint.Id), atRisk.Items.Any(x => x.Id == complaint.Id));
        }

        App.Travel(start.AddMinutes(1152).AddSeconds(-1));
        Assert.Equal((SlaState.OnTrack, false, false), await State());
        App.Travel(start.AddMinutes(1152));
        Assert.Equal((SlaState.AtRisk, false, true), await State());
        App.Travel(start.AddHours(24).AddTicks(-1));
        Assert.Equal((SlaState.AtRisk, false, true), await State());
        App.Travel(start.AddHours(24));
        Assert.Equal((SlaState.Breached, true, false), await State());
    }

    [Fact]
    public async Task A_closed_complaint_reopens_within_thirty_days_but_not_after()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var agent = await As(Who.Service);
        async Task<ComplaintDto> Closed()
        {
            var c = await ComplaintArrange.LogAsync(agent, customer.Id, "Low");
            await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{c.Id}/advance", new { step = "Acknowledge" }, Json));
            await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{c.Id}/resolve", ComplaintArrange.Factual, Json));
            return await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{c.Id}/close", new { satisfaction = 2 }, Json));
        }
        var soon = await Closed();
        var late = await Closed();

        App.Travel(App.Clock.GetUtcNow().UtcDateTime.AddDays(29));
        agent = await As(Who.Service);
        var reopened = await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{soon.Id}/advance", new { step = "Reopen", reason = "Fault is back" }, Json));
        Assert.Equal(ComplaintStatus.Investigating, reopened.Status);
        Assert.Equal(1, reopened.ReopenCount);
        Assert.Null(reopened.Satisfaction);

        App.Travel(App.Clock.GetUtcNow().UtcDateTime.AddDays(2));
        agent = await As(Who.Service);
        await Problem(await agent.PostAsJsonAsync($"/api/v1/complaints/{late.Id}/advance", new { step = "Reopen" }, Json), HttpStatusCode.Conflict);
        Assert.Equal(ComplaintStatus.Closed, (await Read<ComplaintDto>(await agent.GetAsync($"/api/v1/complaints/{late.Id}"))).Status);
    }
}

public sealed class ComplaintClockTestsOnSqlite(SqliteApp app) : ComplaintClockTests<SqliteApp>(app);

public sealed class ComplaintClockTestsOnSqlServer(SqlServerApp app) : ComplaintClockTests<SqlServerApp>(app);
