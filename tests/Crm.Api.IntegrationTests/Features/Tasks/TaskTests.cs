using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Complaints;
using Crm.Api.Features.Referrals;
using Crm.Api.Features.Tasks;
using Crm.Api.IntegrationTests.Features.Complaints;
using Crm.Api.IntegrationTests.Features.Visits;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Tasks;

/// <summary>Follow-up tasks and the boards (看板). The clock stands at Wed 2026-11-18 10:00 Shanghai (week 2026-W47).</summary>
public abstract class TaskTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    private async Task<Page<TaskDto>> TasksOf(Guid sourceId, Who who = Who.Admin) =>
        await Read<Page<TaskDto>>(await (await As(who)).GetAsync($"/api/v1/tasks?sourceId={sourceId}"));

    [Fact]
    public async Task A_visit_with_a_follow_up_date_creates_one_task_for_the_visitor_that_the_next_visit_closes()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var visit = await Read<Crm.Api.Features.Visits.VisitDto>(await rep.PostAsJsonAsync("/api/v1/visits/log", new
        {
            customerId = customer.Id, form = "OnSite",
            record = VisitArrange.Record(Now.AddDays(-1), extra: new { followUpDate = "2026-11-20", nextSteps = "Send the quotation" }),
        }, Json), HttpStatusCode.Created);

        var task = Assert.Single((await TasksOf(visit.Id)).Items);
        Assert.Equal(TaskSource.VisitFollowUp, task.Source);
        Assert.Equal(App.UserIds[Who.Rep1], task.AssigneeId);
        Assert.Equal(new DateOnly(2026, 11, 20), task.DueDate);
        Assert.Equal("Send the quotation", task.Description);

        await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/visits/{visit.Id}/record", $"\"{visit.Version}\"",
            VisitArrange.Record(Now.AddDays(-1), extra: new { followUpDate = "2026-11-21" })));
        Assert.Single((await TasksOf(visit.Id)).Items);

        await VisitArrange.LogAsync(rep, customer.Id, "Phone", Now.AddHours(-1));
        Assert.Equal(TaskItemStatus.Done, Assert.Single((await TasksOf(visit.Id)).Items).Status);
    }

    [Fact]
    public async Task A_corrective_action_becomes_a_task_for_the_complaints_owner_that_closes_with_the_complaint()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2);
        var agent = await As(Who.Service);
        var complaint = await ComplaintArrange.LogAsync(agent, customer.Id);
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/advance", new { step = "Acknowledge" }, Json));
        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/resolve", ComplaintArrange.Factual, Json));

        var task = Assert.Single((await TasksOf(complaint.Id)).Items);
        Assert.Equal(TaskSource.ComplaintAction, task.Source);
        Assert.Equal(App.UserIds[Who.Rep2], task.AssigneeId);
        Assert.Equal("Batch scan added at packing", task.Description);
        Assert.Equal(TaskItemStatus.ToDo, task.Status);

        await Read<ComplaintDto>(await agent.PostAsJsonAsync($"/api/v1/complaints/{complaint.Id}/close", new { satisfaction = 5 }, Json));
        Assert.Equal(TaskItemStatus.Done, Assert.Single((await TasksOf(complaint.Id)).Items).Status);
    }

    [Fact]
    public async Task A_won_referral_creates_one_thank_the_referrer_task_that_the_recorded_thanks_closes()
    {
        var referrer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var referral = await Read<ReferralDto>(await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = referrer.Id, newProspect = new { name = "Lead", kind = "Company" }, channel = "Phone" }, Json), HttpStatusCode.Created);
        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{referral.Id}/status", new { status = "Won" }, Json));
        await rep.PostAsJsonAsync($"/api/v1/customers/{referral.ReferredId}/purchases", new { purchasedOn = "2026-11-10", product = "P", category = "C", quantity = 1, unitPrice = 10 }, Json);

        var task = Assert.Single((await TasksOf(referral.Id)).Items);
        Assert.Equal(TaskSource.ReferralThanks, task.Source);
        Assert.Equal(TaskItemStatus.ToDo, task.Status);

        await Read<ReferralDto>(await rep.PostAsJsonAsync($"/api/v1/referrals/{referral.Id}/thanks", new { method = "Phone call and a gift" }, Json));
        Assert.Equal(TaskItemStatus.Done, Assert.Single((await TasksOf(referral.Id)).Items).Status);
    }

    [Fact]
    public async Task The_weekly_board_sorts_tasks_into_overdue_today_tomorrow_the_rest_of_the_week_and_done()
    {
        var rep = await As(Who.Rep2);
        var before = await Read<TaskSummaryDto>(await rep.GetAsync("/api/v1/tasks/summary"));
        async Task<TaskDto> Task(string title, string due, bool backdated = false) =>
            await Read<TaskDto>(await rep.PostAsJsonAsync("/api/v1/tasks", new { title, dueDate = due, backdated }, Json), HttpStatusCode.Created);
        var overdue = await Task("Overdue call", "2026-11-17", backdated: true);
        var today = await Task("Today's focus", "2026-11-18");
        var tomorrow = await Task("Tomorrow's focus", "2026-11-19");
        var friday = await Task("Friday report", "2026-11-20");
        var nextWeek = await Task("Next week", "2026-11-24");
        var done = await Task("Done already", "2026-11-18");
        await Read<TaskDto>(await rep.PostAsJsonAsync($"/api/v1/tasks/{done.Id}/status", new { status = "Done" }, Json));

        var board = await Read<WeekBoardDto>(await rep.GetAsync("/api/v1/boards/week"));
        Assert.Equal("2026-W47", board.Week);
        string? ColumnOf(TaskDto task)
        {
            var columns = new Dictionary<string, IReadOnlyList<TaskDto>>
            {
                ["overdue"] = board.Overdue, ["today"] = board.DueToday, ["tomorrow"] = board.Tomorrow, ["rest"] = board.RestOfWeek, ["done"] = board.DoneThisWeek,
            };
            return Assert.Single(columns.Where(c => c.Value.Any(t => t.Id == task.Id)).Select(c => c.Key).DefaultIfEmpty());
        }
        Assert.Equal("overdue", ColumnOf(overdue));
        Assert.Equal("today", ColumnOf(today));
        Assert.Equal("tomorrow", ColumnOf(tomorrow));
        Assert.Equal("rest", ColumnOf(friday));
        Assert.Equal("done", ColumnOf(done));
        Assert.Null(ColumnOf(nextWeek));

        var summary = await Read<TaskSummaryDto>(await rep.GetAsync("/api/v1/tasks/summary"));
        Assert.Equal(new TaskSummaryDto(before.DueToday + 1, before.Overdue + 1), summary);
        var mine = await Read<Page<TaskDto>>(await rep.GetAsync("/api/v1/tasks?due=today&assignee=me"));
        Assert.Contains(mine.Items, t => t.Id == today.Id);
        Assert.DoesNotContain(mine.Items, t => t.Id == tomorrow.Id || t.Id == done.Id);

        var month = await Read<MonthBoardDto>(await rep.GetAsync("/api/v1/boards/month?month=2026-11"));
        Assert.Equal(["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"], month.Weeks.Select(w => w.Week));
        Assert.Contains(month.Weeks.Single(w => w.Week == "2026-W48").Tasks, t => t.Id == nextWeek.Id);
    }

    [Fact]
    public async Task A_rep_sees_tasks_assigned_to_them_or_on_their_customers_and_a_manager_the_teams()
    {
        var rep3 = await As(Who.Rep3);
        var theirs = await Read<TaskDto>(await rep3.PostAsJsonAsync("/api/v1/tasks", new { title = "Rep3's own", dueDate = "2026-11-19" }, Json), HttpStatusCode.Created);
        var rep1Customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var onRep1sCustomer = await Read<TaskDto>(await (await As(Who.ManagerA)).PostAsJsonAsync("/api/v1/tasks",
            new { title = "For Rep2 about Rep1's customer", dueDate = "2026-11-19", customerId = rep1Customer.Id, assigneeId = App.UserIds[Who.Rep2] }, Json), HttpStatusCode.Created);

        var rep1 = await As(Who.Rep1);
        await Problem(await rep1.GetAsync($"/api/v1/tasks/{theirs.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await rep1.GetAsync($"/api/v1/tasks/{onRep1sCustomer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerB)).GetAsync($"/api/v1/tasks/{theirs.Id}")).StatusCode);
        await Problem(await (await As(Who.ManagerA)).GetAsync($"/api/v1/tasks/{theirs.Id}"), HttpStatusCode.NotFound);
        var teamBoard = await Read<WeekBoardDto>(await (await As(Who.ManagerB)).GetAsync($"/api/v1/boards/week?teamId={App.TeamB}"));
        Assert.Contains(teamBoard.Tomorrow, t => t.Id == theirs.Id);
    }

    [Fact]
    public async Task Bad_tasks_are_refused_and_nothing_is_written()
    {
        var rep = await As(Who.Rep1);
        var before = App.WithDb(db => db.Tasks.Count());
        var past = await Problem(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Yesterday", dueDate = "2026-11-17" }, Json), HttpStatusCode.BadRequest);
        Assert.True(past.GetProperty("errors").TryGetProperty("dueDate", out _));
        await Problem(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Nobody", dueDate = "2026-11-20", assigneeId = Guid.NewGuid() }, Json), HttpStatusCode.BadRequest);
        await Problem(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Not mine to give", dueDate = "2026-11-20", assigneeId = App.UserIds[Who.Rep3] }, Json), HttpStatusCode.BadRequest);
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3);
        await Problem(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Out of scope", dueDate = "2026-11-20", customerId = theirs.Id }, Json), HttpStatusCode.NotFound);
        await Problem(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Bad period", dueDate = "2026-11-20", boardPeriod = "next week" }, Json), HttpStatusCode.BadRequest);
        Assert.Equal(before, App.WithDb(db => db.Tasks.Count()));

        var task = await Read<TaskDto>(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Cancel me", dueDate = "2026-11-20" }, Json), HttpStatusCode.Created);
        await Read<TaskDto>(await rep.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/status", new { status = "Cancelled" }, Json));
        var illegal = await Problem(await rep.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/status", new { status = "Done" }, Json), HttpStatusCode.Conflict);
        Assert.Equal(0, illegal.GetProperty("allowed").GetArrayLength());
    }

    [Fact]
    public async Task Completing_a_task_records_who_and_when()
    {
        var rep = await As(Who.Rep1);
        var task = await Read<TaskDto>(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Call back", dueDate = "2026-11-18", priority = "High" }, Json), HttpStatusCode.Created);
        var done = await Read<TaskDto>(await rep.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/status", new { status = "Done" }, Json));
        Assert.Equal(App.UserIds[Who.Rep1], done.CompletedBy);
        Assert.Equal(Now, done.CompletedAt);
        var comments = await Read<Page<TaskCommentDto>>(await rep.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/comments", new { text = "Customer agreed" }, Json));
        Assert.Equal("Customer agreed", Assert.Single(comments.Items).Text);
    }
}

public sealed class TaskTestsOnSqlite(SqliteApp app) : TaskTests<SqliteApp>(app);

public sealed class TaskTestsOnSqlServer(SqlServerApp app) : TaskTests<SqlServerApp>(app);

/// <summary>Moves the clock to just after midnight on a Monday in Shanghai, so it has an app of its own.</summary>
public abstract class TaskTimeZoneTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_task_due_monday_is_today_at_half_past_midnight_monday_in_shanghai_although_it_is_still_sunday_in_utc()
    {
        var rep = await As(Who.Rep1);
        var task = await Read<TaskDto>(await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Monday focus", dueDate = "2026-11-23", dueTime = "00:30:00" }, Json), HttpStatusCode.Created);

        App.Travel(new DateTime(2026, 11, 22, 16, 30, 0, DateTimeKind.Utc)); // Sunday 16:30 UTC = Monday 00:30 Asia/Shanghai
        var board = await Read<WeekBoardDto>(await (await As(Who.Rep1)).GetAsync("/api/v1/boards/week"));
        Assert.Equal("2026-W48", board.Week);
        Assert.Equal(new DateOnly(2026, 11, 23), board.Today);
        Assert.Contains(board.DueToday, t => t.Id == task.Id);
    }
}

public sealed class TaskTimeZoneTestsOnSqlite(SqliteApp app) : TaskTimeZoneTests<SqliteApp>(app);

public sealed class TaskTimeZoneTestsOnSqlServer(SqlServerApp app) : TaskTimeZoneTests<SqlServerApp>(app);
