using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Complaints;

public static class ComplaintEndpoints
{
    public static void MapComplaintEndpoints(this IEndpointRouteBuilder app)
    {
        var read = AccessPolicies.Read("complaints");
        var write = AccessPolicies.Write("complaints");
        var complaints = app.MapGroup("/api/v1/complaints").WithTags("Complaints");

        complaints.MapGet("/", async ([AsParameters] ListComplaintsQuery query, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListComplaints").WithSummary("The complaint queue: filters, sla=breached|at-risk|open, sort=due (committed time) or received")
            .Produces<Page<ComplaintDto>>().ProducesProblem(400).ProducesProblem(404);

        app.MapGet("/api/v1/customers/{customerId:guid}/complaints", async (Guid customerId, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListComplaintsQuery { CustomerId = customerId, Sort = "-received", Limit = limit, Cursor = cursor }, http.RequestAborted)))
            .WithTags("Complaints").RequireAuthorization(read)
            .WithName("ListCustomerComplaints").WithSummary("A customer's complaints, newest first")
            .Produces<Page<ComplaintDto>>().ProducesProblem(400).ProducesProblem(404);

        complaints.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetComplaintQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetComplaint").WithSummary("A complaint with its SLA state")
            .Produces<ComplaintDto>().Produces(304).ProducesProblem(404);

        complaints.MapPost("/", async (LogComplaintCommand body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(body, http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/complaints/{id}", await mediator.Send(new GetComplaintQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("LogComplaint").WithSummary("Take a complaint in: numbered, committed time from the SLA policy, recurrence checked")
            .Produces<ComplaintDto>(201).ProducesProblem(400).ProducesProblem(404);

        complaints.MapPost("/{id:guid}/advance", async (Guid id, AdvanceComplaintRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new AdvanceComplaintCommand(id, Preconditions.OptionalVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("AdvanceComplaint").WithSummary("Acknowledge (first response), investigate, or reopen within the window; illegal steps answer 409 with the allowed ones")
            .Produces<ComplaintDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        complaints.MapPost("/{id:guid}/assign", async (Guid id, AssignComplaintRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new AssignComplaintCommand(id, Preconditions.OptionalVersion(http), body.AssigneeId)))
            .RequireAuthorization(write)
            .WithName("AssignComplaint").WithSummary("Assign to a service agent or the account manager (recorded in the timeline)")
            .Produces<ComplaintDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(412);

        complaints.MapPost("/{id:guid}/commitment", async (Guid id, CommitResolutionRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new CommitResolutionCommand(id, Preconditions.OptionalVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("CommitResolution").WithSummary("承诺时间: commit to a resolution time (later than the policy only with a reason)")
            .Produces<ComplaintDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        complaints.MapPost("/{id:guid}/resolve", async (Guid id, ResolveComplaintRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new ResolveComplaintCommand(id, Preconditions.OptionalVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("ResolveComplaint").WithSummary("Resolve: factual ones need a resolution type, root cause and corrective action; others the explanation")
            .Produces<ComplaintDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        complaints.MapPost("/{id:guid}/close", async (Guid id, CloseComplaintRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new CloseComplaintCommand(id, Preconditions.OptionalVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("CloseComplaint").WithSummary("回访: close after the follow-up call with the customer's satisfaction (1–5)")
            .Produces<ComplaintDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        complaints.MapPost("/{id:guid}/comments", async (Guid id, CommentOnComplaintRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new CommentOnComplaintCommand(id, body)))
            .RequireAuthorization(write)
            .WithName("CommentOnComplaint").WithSummary("Add a comment to the complaint's timeline")
            .Produces<ComplaintDto>().ProducesProblem(400).ProducesProblem(404);

        complaints.MapGet("/{id:guid}/events", async (Guid id, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ComplaintEventsQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListComplaintEvents").WithSummary("The timeline: every change, comment and assignment with who and when")
            .Produces<Page<ComplaintEventDto>>().ProducesProblem(404);

        complaints.MapGet("/{id:guid}/suggested-answers", async (Guid id, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new SuggestedAnswersQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("SuggestAnswers").WithSummary("Standard answers ranked by category and text match with the complaint")
            .Produces<Page<ScoredAnswerDto>>().ProducesProblem(404);

        complaints.MapGet("/stats", async (DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ComplaintStatsQuery(from, to), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetComplaintStats").WithSummary("Counts by category, severity, channel and status; SLA met %; response and resolution times (mean, p90); recurrence; satisfaction; open load")
            .Produces<ComplaintStatsDto>().ProducesProblem(400);

        complaints.MapGet("/reviews", async ([OpenApiLimits.ValidatedBy(typeof(ComplaintReviewQuery))] string? period, DateOnly? date, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ComplaintReviewQuery(period, date), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetComplaintReview").WithSummary("Weekly or monthly review: complaints resolved in the period with root causes and corrective actions")
            .Produces<ComplaintReviewDto>().ProducesProblem(400);

        var answers = app.MapGroup("/api/v1/standard-answers").WithTags("StandardAnswers");
        answers.MapGet("/", async (Crm.Api.Domain.ComplaintCategory? category, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListStandardAnswersQuery(category), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListStandardAnswers").WithSummary("标准回答: the standard answers, by category")
            .Produces<Page<StandardAnswerDto>>();
        answers.MapPost("/", async (StandardAnswerInput body, IMediator mediator, HttpContext http) =>
            {
                var created = await mediator.Send(new CreateStandardAnswerCommand(body), http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/standard-answers/{created.Id}", created);
            })
            .RequireAuthorization(AccessPolicies.ServiceDesk)
            .WithName("CreateStandardAnswer").WithSummary("Add a standard answer (Service, Admin)")
            .Produces<StandardAnswerDto>(201).ProducesProblem(400);
        answers.MapPut("/{id:guid}", async (Guid id, StandardAnswerInput body, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new UpdateStandardAnswerCommand(id, Preconditions.RequiredVersion(http), body), http.RequestAborted)))
            .RequireAuthorization(AccessPolicies.ServiceDesk)
            .WithName("UpdateStandardAnswer").WithSummary("Change a standard answer (Service, Admin; If-Match required)")
            .Produces<StandardAnswerDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
        answers.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new DeleteStandardAnswerCommand(id, Preconditions.RequiredVersion(http)), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AccessPolicies.ServiceDesk)
            .WithName("DeleteStandardAnswer").WithSummary("Remove a standard answer (Service, Admin; If-Match required)")
            .Produces(204).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        var sla = app.MapGroup("/api/v1/settings/complaint-sla").WithTags("Settings");
        sla.MapGet("/", async (IMediator mediator, HttpContext http) => Preconditions.Tagged(http, await mediator.Send(new GetComplaintSlaQuery(), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetComplaintSla").WithSummary("First-response and resolution targets by severity, and the reopen and recurrence windows")
            .Produces<ComplaintSlaDto>().Produces(304);
        sla.MapPut("/", async (UpdateComplaintSlaRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new UpdateComplaintSlaCommand(Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetComplaintSlaQuery(), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName("UpdateComplaintSla").WithSummary("Change the complaint SLA (Admin, If-Match required); applies to complaints taken in from now on")
            .Produces<ComplaintSlaDto>().ProducesProblem(400).ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> Reply(IMediator mediator, HttpContext http, Guid id, ICommand<Guid> command)
    {
        await mediator.Send(command, http.RequestAborted);
        return Preconditions.Tagged(http, await mediator.Send(new GetComplaintQuery(id), http.RequestAborted));
    }

}
