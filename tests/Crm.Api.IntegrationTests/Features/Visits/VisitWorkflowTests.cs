using System.Net;
using System.Net.Http.Json;
using Crm.Api.Domain;
using Crm.Api.Features.Visits;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Visits;

/// <summary>Appointments, records and the manager's review (核查及存档). The clock stands at Wed 2026-11-18 10:00 Shanghai.</summary>
public abstract class VisitWorkflowTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_visit_to_a_prospect_is_a_target_visit_and_to_a_buyer_an_existing_one()
    {
        var prospect = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var planned = await VisitArrange.PlanAsync(rep, prospect.Id, Now.AddDays(1));
        Assert.Equal(VisitCategory.Target, planned.Category);
        Assert.Equal(VisitStatus.Planned, planned.Status);
        Assert.Equal(App.UserIds[Who.Rep1], planned.VisitorId);
        Assert.Contains(VisitStatus.Confirmed, planned.AllowedNext);

        await rep.PostAsJsonAsync($"/api/v1/customers/{prospect.Id}/purchases", new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json);
        var existing = await VisitArrange.PlanAsync(rep, prospect.Id, Now.AddDays(2));
        Assert.Equal(VisitCategory.Existing, existing.Category);
    }

    [Fact]
    public async Task Rescheduling_keeps_the_old_time_in_the_history()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var visit = await VisitArrange.PlanAsync(rep, customer.Id, Now.AddDays(1));
        await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/appointment", new { change = "Confirm" }, Json));
        var moved = await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/appointment",
            new { change = "Reschedule", newStart = Now.AddDays(3), newEnd = Now.AddDays(3).AddHours(2), reason = "客户出差 customer travelling" }, Json));

        Assert.Equal(VisitStatus.Planned, moved.Status);
        Assert.Equal(Now.AddDays(3), moved.PlannedStart);
        var rescheduled = Assert.Single(moved.Events, e => e.Kind == VisitEventKind.Rescheduled);
        Assert.Equal(Now.AddDays(1), rescheduled.OldStart);
        Assert.Equal("客户出差 customer travelling", rescheduled.Comment);
    }

    [Fact]
    public async Task An_illegal_transition_is_a_conflict_that_lists_the_allowed_ones()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var visit = await VisitArrange.PlanAsync(rep, customer.Id, Now.AddDays(1));
        await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/appointment", new { change = "CancelByCustomer", reason = "budget frozen" }, Json));

        var problem = await Problem(await rep.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/appointment", new { change = "Confirm" }, Json), HttpStatusCode.Conflict);
        Assert.Equal(0, problem.GetProperty("allowed").GetArrayLength());

        var other = await VisitArrange.PlanAsync(rep, customer.Id, Now.AddDays(1));
        await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{other.Id}/appointment", new { change = "Confirm" }, Json));
        var again = await Problem(await rep.PostAsJsonAsync($"/api/v1/visits/{other.Id}/appointment", new { change = "Confirm" }, Json), HttpStatusCode.Conflict);
        Assert.Contains("Completed", again.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Completing_writes_the_record_and_sends_it_to_review()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var visit = await VisitArrange.PlanAsync(rep, customer.Id, Now.AddHours(-3));
        var done = await Read<VisitDto>(await rep.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/complete",
            VisitArrange.Record(Now.AddHours(-3), extra: new { latitude = 31.23, longitude = 121.47, accuracyMeters = 15.0, followUpDate = "2026-11-25", outcome = "Order expected" }), Json));
        Assert.Equal(VisitStatus.Completed, done.Status);
        Assert.Equal(ReviewStatus.PendingReview, done.ReviewStatus);
        Assert.Equal(31.23, done.CheckInLatitude);
        Assert.Contains(done.Events, e => e.Kind == VisitEventKind.Completed);
    }

    [Fact]
    public async Task Only_the_visitor_writes_the_record()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var visit = await VisitArrange.PlanAsync(await As(Who.Rep1), customer.Id, Now.AddHours(-3));
        await Problem(await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/visits/{visit.Id}/complete", VisitArrange.Record(Now.AddHours(-3)), Json), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_team_manager_approves_and_an_approved_record_is_locked_for_its_author()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var visit = await VisitArrange.LogAsync(rep, customer.Id, "OnSite", Now.AddDays(-1));

        var queue = await Read<Crm.Api.Common.Page<VisitDto>>(await (await As(Who.ManagerA)).GetAsync("/api/v1/visits/review-queue?limit=200"));
        Assert.Contains(queue.Items, v => v.Id == visit.Id);
        Assert.DoesNotContain((await Read<Crm.Api.Common.Page<VisitDto>>(await (await As(Who.ManagerB)).GetAsync("/api/v1/visits/review-queue?limit=200"))).Items, v => v.Id == visit.Id);

        var approved = await Read<VisitDto>(await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Approve", comment = "Good record" }, Json));
        Assert.Equal(ReviewStatus.Approved, approved.ReviewStatus);
        Assert.Equal(App.UserIds[Who.ManagerA], approved.ReviewedBy);

        var locked = await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/visits/{visit.Id}/record", $"\"{approved.Version}\"", VisitArrange.Record(Now.AddDays(-1), "Rewritten after the fact by me")));
        await Problem(locked, HttpStatusCode.Conflict);

        var corrected = await Read<VisitDto>(await (await As(Who.ManagerA)).SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/visits/{visit.Id}/record", $"\"{approved.Version}\"", VisitArrange.Record(Now.AddDays(-1), "Corrected by the manager: order is 12 pumps"))));
        Assert.Equal("Corrected by the manager: order is 12 pumps", corrected.Summary);
        Assert.Contains(corrected.Events, e => e.Kind == VisitEventKind.RecordEdited && e.ActorId == App.UserIds[Who.ManagerA]);
    }

    [Fact]
    public async Task Nobody_reviews_their_own_record()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.ManagerA);
        var manager = await As(Who.ManagerA);
        var visit = await VisitArrange.LogAsync(manager, customer.Id, "Phone", Now.AddDays(-1));
        await Problem(await manager.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Approve" }, Json), HttpStatusCode.Forbidden);

        var repCustomer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var repVisit = await VisitArrange.LogAsync(rep, repCustomer.Id, "Phone", Now.AddDays(-1));
        await Problem(await rep.PostAsJsonAsync($"/api/v1/visits/{repVisit.Id}/review", new { decision = "Approve" }, Json), HttpStatusCode.Forbidden);
        // Another rep cannot even see the record: it belongs to a customer outside their scope.
        await Problem(await (await As(Who.Rep2)).PostAsJsonAsync($"/api/v1/visits/{repVisit.Id}/review", new { decision = "Approve" }, Json), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_returned_record_cannot_be_approved_until_it_is_edited_and_resubmitted()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var manager = await As(Who.ManagerA);
        var visit = await VisitArrange.LogAsync(rep, customer.Id, "OnSite", Now.AddDays(-2));

        var returned = await Read<VisitDto>(await manager.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Return", comment = "写清楚客户的反馈 — add the customer's feedback" }, Json));
        Assert.Equal(ReviewStatus.Returned, returned.ReviewStatus);
        await Problem(await manager.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Approve" }, Json), HttpStatusCode.Conflict);

        var edited = await Read<VisitDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/visits/{visit.Id}/record", $"\"{returned.Version}\"",
            VisitArrange.Record(Now.AddDays(-2), extra: new { customerFeedback = "Happy with delivery times" }))));
        await Problem(await manager.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Approve" }, Json), HttpStatusCode.Conflict);

        await Read<VisitDto>(await rep.PostAsync($"/api/v1/visits/{visit.Id}/resubmit", null));
        var approved = await Read<VisitDto>(await manager.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Approve" }, Json));
        Assert.Equal(ReviewStatus.Approved, approved.ReviewStatus);
        Assert.Equal(2, approved.Submissions);
        Assert.Equal("Happy with delivery times", edited.CustomerFeedback);
    }

    [Fact]
    public async Task Returning_a_record_needs_a_comment()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var visit = await VisitArrange.LogAsync(await As(Who.Rep1), customer.Id, "OnSite", Now.AddDays(-2));
        var problem = await Problem(await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/visits/{visit.Id}/review", new { decision = "Return" }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("comment", out _));
    }

    public static TheoryData<string, string> BadVisits() => new()
    {
        { "end before start", "{\"customerId\":\"{id}\",\"form\":\"OnSite\",\"plannedStart\":\"2026-11-20T03:00:00Z\",\"plannedEnd\":\"2026-11-20T02:00:00Z\"}" },
        { "no summary", "log:{\"customerId\":\"{id}\",\"form\":\"OnSite\",\"record\":{\"actualStart\":\"2026-11-17T03:00:00Z\",\"actualEnd\":\"2026-11-17T04:00:00Z\",\"summary\":\"\"}}" },
        { "too short a summary", "log:{\"customerId\":\"{id}\",\"form\":\"OnSite\",\"record\":{\"actualStart\":\"2026-11-17T03:00:00Z\",\"actualEnd\":\"2026-11-17T04:00:00Z\",\"summary\":\"ok\"}}" },
        { "completed in the far future", "log:{\"customerId\":\"{id}\",\"form\":\"OnSite\",\"record\":{\"actualStart\":\"2027-03-01T03:00:00Z\",\"actualEnd\":\"2027-03-01T04:00:00Z\",\"summary\":\"Visited and discussed the plan\"}}" },
        { "latitude out of range", "log:{\"customerId\":\"{id}\",\"form\":\"OnSite\",\"record\":{\"actualStart\":\"2026-11-17T03:00:00Z\",\"actualEnd\":\"2026-11-17T04:00:00Z\",\"summary\":\"Visited and discussed the plan\",\"latitude\":95,\"longitude\":121}}" },
        { "longitude out of range", "log:{\"customerId\":\"{id}\",\"form\":\"OnSite\",\"record\":{\"actualStart\":\"2026-11-17T03:00:00Z\",\"actualEnd\":\"2026-11-17T04:00:00Z\",\"summary\":\"Visited and discussed the plan\",\"latitude\":31,\"longitude\":-181}}" },
        { "unknown companion", "{\"customerId\":\"{id}\",\"form\":\"OnSite\",\"plannedStart\":\"2026-11-20T02:00:00Z\",\"plannedEnd\":\"2026-11-20T03:00:00Z\",\"companionIds\":[\"0199aaaa-0000-7000-8000-000000000000\"]}" },
        { "unknown form", "{\"customerId\":\"{id}\",\"form\":\"Telepathy\",\"plannedStart\":\"2026-11-20T02:00:00Z\",\"plannedEnd\":\"2026-11-20T03:00:00Z\"}" },
    };

    [Theory]
    [MemberData(nameof(BadVisits))]
    public async Task Bad_visits_are_refused_and_nothing_is_written(string why, string body)
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var url = body.StartsWith("log:", StringComparison.Ordinal) ? "/api/v1/visits/log" : "/api/v1/visits";
        var json = (body.StartsWith("log:", StringComparison.Ordinal) ? body[4..] : body).Replace("{id}", customer.Id.ToString(), StringComparison.Ordinal);
        var response = await rep.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await Problem(response, HttpStatusCode.BadRequest);
        var visits = await Read<Crm.Api.Common.Page<VisitDto>>(await rep.GetAsync($"/api/v1/customers/{customer.Id}/visits"));
        Assert.True(visits.Items.Count == 0, why);
    }

    [Fact]
    public async Task Visits_to_customers_out_of_scope_answer_not_found()
    {
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3);
        var rep = await As(Who.Rep1);
        await Problem(await rep.PostAsJsonAsync("/api/v1/visits", new { customerId = theirs.Id, form = "Phone", plannedStart = Now.AddDays(1), plannedEnd = Now.AddDays(1).AddHours(1) }, Json), HttpStatusCode.NotFound);
        var visit = await VisitArrange.PlanAsync(await As(Who.Rep3), theirs.Id, Now.AddDays(1));
        await Problem(await rep.GetAsync($"/api/v1/visits/{visit.Id}"), HttpStatusCode.NotFound);
        await Problem(await rep.PostAsJsonAsync($"/api/v1/visits/{visit.Id}/appointment", new { change = "Confirm" }, Json), HttpStatusCode.NotFound);
        await Problem(await rep.GetAsync($"/api/v1/customers/{theirs.Id}/visits"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_calendar_lists_a_visitors_visits_in_a_window_in_time_order()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2);
        var rep = await As(Who.Rep2);
        var late = await VisitArrange.PlanAsync(rep, customer.Id, new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc));
        var early = await VisitArrange.PlanAsync(rep, customer.Id, new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));
        await VisitArrange.PlanAsync(rep, customer.Id, new DateTime(2026, 12, 20, 2, 0, 0, DateTimeKind.Utc));

        var page = await Read<Crm.Api.Common.Page<VisitDto>>(await rep.GetAsync($"/api/v1/visits?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z&visitorId={App.UserIds[Who.Rep2]}"));
        Assert.Equal([early.Id, late.Id], page.Items.Select(v => v.Id));
    }
}

public sealed class VisitWorkflowTestsOnSqlite(SqliteApp app) : VisitWorkflowTests<SqliteApp>(app);

public sealed class VisitWorkflowTestsOnSqlServer(SqlServerApp app) : VisitWorkflowTests<SqlServerApp>(app);
