using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Tasks;

public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var read = AccessPolicies.Read("tasks");
        var write = AccessPolicies.Write("tasks");
        var tasks = app.MapGroup("/api/v1/tasks").WithTags("Tasks");

        tasks.MapGet("/", async ([AsParameters] ListTasksQuery query, IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListTasks").WithSummary("Tasks by due date: assignee=me, due=today|overdue, status, customer, source record")
            .Produces<Page<TaskDto>>().ProducesProblem(400);

        tasks.MapGet("/summary", async (IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new TaskSummaryQuery(), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetTaskSummary").WithSummary("My day: my tasks due today and overdue (for the header badge)")
            .Produces<TaskSummaryDto>();

        tasks.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) => Preconditions.Tagged(http, await mediator.Send(new GetTaskQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetTask").WithSummary("A task")
            .Produces<TaskDto>().Produces(304).ProducesProblem(404);

        tasks.MapPost("/", async (TaskInput body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(new CreateTaskCommand(body), http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/tasks/{id}", await mediator.Send(new GetTaskQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("CreateTask").WithSummary("Create a task (assignee defaults to the caller; a past due date needs backdated=true)")
            .Produces<TaskDto>(201).ProducesProblem(400).ProducesProblem(404);

        tasks.MapPut("/{id:guid}", async (Guid id, TaskInput body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new UpdateTaskCommand(id, Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetTaskQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("UpdateTask").WithSummary("Edit a task: title, due day, priority, assignee, board period (If-Match required)")
            .Produces<TaskDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        tasks.MapPost("/{id:guid}/status", async (Guid id, ChangeTaskStatusRequest body, IMediator mediator, HttpContext http) =>
            {
                var version = Preconditions.OptionalVersion(http);
                await mediator.Send(new ChangeTaskStatusCommand(id, version, body.Status), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetTaskQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("ChangeTaskStatus").WithSummary("To do, in progress, done (records who and when) or cancelled; illegal changes answer 409")
            .Produces<TaskDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        tasks.MapGet("/{id:guid}/comments", async (Guid id, IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new ListTaskCommentsQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListTaskComments").WithSummary("A task's comments")
            .Produces<Page<TaskCommentDto>>().ProducesProblem(404);

        tasks.MapPost("/{id:guid}/comments", async (Guid id, CommentOnTaskRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new CommentOnTaskCommand(id, body), http.RequestAborted);
                return TypedResults.Ok(await mediator.Send(new ListTaskCommentsQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("CommentOnTask").WithSummary("Comment on a task")
            .Produces<Page<TaskCommentDto>>().ProducesProblem(400).ProducesProblem(404);

        var boards = app.MapGroup("/api/v1/boards").WithTags("Boards");
        boards.MapGet("/week", async ([OpenApiLimits.ValidatedBy(typeof(WeekBoardQuery))] string? week, Guid? assigneeId, Guid? teamId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new WeekBoardQuery(week, assigneeId, teamId), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetWeekBoard").WithSummary("看板 weekly board: overdue, today, tomorrow, rest of the week, week focus, done this week")
            .Produces<WeekBoardDto>().ProducesProblem(400);
        boards.MapGet("/month", async ([OpenApiLimits.ValidatedBy(typeof(MonthBoardQuery))] string? month, Guid? assigneeId, Guid? teamId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new MonthBoardQuery(month, assigneeId, teamId), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetMonthBoard").WithSummary("看板 monthly board: the month's tasks by week, the month's plan, overdue")
            .Produces<MonthBoardDto>().ProducesProblem(400);
    }
}
