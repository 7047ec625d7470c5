using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Visits;

public static class VisitEndpoints
{
    public static void MapVisitEndpoints(this IEndpointRouteBuilder app)
    {
        var read = AccessPolicies.Read("visits");
        var write = AccessPolicies.Write("visits");
        var visits = app.MapGroup("/api/v1/visits").WithTags("Visits");

        visits.MapGet("/", async ([AsParameters] ListVisitsQuery query, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListVisits").WithSummary("Visits in a time window (calendar, mobile today list), by visitor, team, customer, status or review state")
            .Produces<Page<VisitDto>>().ProducesProblem(400).ProducesProblem(404);

        app.MapGet("/api/v1/customers/{customerId:guid}/visits", async (Guid customerId, DateTime? from, DateTime? to, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListVisitsQuery { CustomerId = customerId, From = from, To = to, Limit = limit, Cursor = cursor }, http.RequestAborted)))
            .WithTags("Visits").RequireAuthorization(read)
            .WithName("ListCustomerVisits").WithSummary("A customer's visits in time order")
            .Produces<Page<VisitDto>>().ProducesProblem(400).ProducesProblem(404);

        visits.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetVisitQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetVisit").WithSummary("A visit with its record, review state and history")
            .Produces<VisitDto>().Produces(304).ProducesProblem(404);

        visits.MapPost("/", async (PlanVisitCommand body, IMediator mediator, HttpContext http) => await Created(mediator, http, await mediator.Send(body, http.RequestAborted)))
            .RequireAuthorization(write)
            .WithName("PlanVisit").WithSummary("Plan a visit (约访) with a customer; the visitor defaults to the caller")
            .Produces<VisitDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        visits.MapPost("/log", async (LogVisitCommand body, IMediator mediator, HttpContext http) => await Created(mediator, http, await mediator.Send(body, http.RequestAborted)))
            .RequireAuthorization(write)
            .WithName("LogVisit").WithSummary("Log an unplanned visit already made, with its record (goes to review)")
            .Produces<VisitDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        visits.MapPost("/{id:guid}/appointment", async (Guid id, ChangeAppointmentRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new ChangeAppointmentCommand(id, Preconditions.OptionalVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("ChangeAppointment").WithSummary("Confirm, reschedule, cancel (by customer or by us) or mark a no-show; illegal changes answer 409 with the allowed ones")
            .Produces<VisitDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        visits.MapPost("/{id:guid}/complete", async (Guid id, VisitRecordInput body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new CompleteVisitCommand(id, Preconditions.OptionalVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("CompleteVisit").WithSummary("Complete a planned visit with its record (by the visitor); the record goes to review")
            .Produces<VisitDto>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        visits.MapPut("/{id:guid}/record", async (Guid id, VisitRecordInput body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new EditVisitRecordCommand(id, Preconditions.RequiredVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("EditVisitRecord").WithSummary("Edit the record (the author before approval; the manager after, recorded) (If-Match required)")
            .Produces<VisitDto>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);

        visits.MapPost("/{id:guid}/resubmit", async (Guid id, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new ResubmitVisitCommand(id, Preconditions.OptionalVersion(http))))
            .RequireAuthorization(write)
            .WithName("ResubmitVisit").WithSummary("Resubmit a returned record for review")
            .Produces<VisitDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        visits.MapPost("/{id:guid}/review", async (Guid id, ReviewVisitRequest body, IMediator mediator, HttpContext http) =>
                await Reply(mediator, http, id, new ReviewVisitCommand(id, Preconditions.OptionalVersion(http), body)))
            .RequireAuthorization(write)
            .WithName("ReviewVisit").WithSummary("核查及存档: approve the record, or return it with a comment (the visitor's manager or an admin)")
            .Produces<VisitDto>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        visits.MapGet("/review-queue", async (int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ReviewQueueQuery(limit, cursor), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetReviewQueue").WithSummary("Records waiting for the caller's review, oldest first")
            .Produces<Page<VisitDto>>().ProducesProblem(400);

        visits.MapGet("/compliance", async ([AsParameters] VisitComplianceQuery query, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetVisitCompliance")
            .WithSummary("Key-account visit compliance for an ISO week (e.g. 2026-W47): a page of key accounts, furthest behind first, with the whole scope's totals")
            .Produces<VisitComplianceDto>().ProducesProblem(400);

        visits.MapGet("/due", async (IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new DueVisitsQuery(), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetDueVisits").WithSummary("My week: key accounts I still have to visit this week, and the planned visits that would cover them")
            .Produces<Page<DueVisitDto>>().ProducesProblem(403);

        visits.MapGet("/stats", async (DateOnly? from, DateOnly? to, Guid? teamId, Guid? visitorId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new VisitStatsQuery(from, to, teamId, visitorId), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetVisitStats").WithSummary("Per rep and team: visits made by form, per working day, completion and broken-appointment rates, first-time approvals, compliance")
            .Produces<VisitStatsDto>().ProducesProblem(400);

        var settings = app.MapGroup("/api/v1/settings/visit-policy").WithTags("Settings");
        settings.MapGet("/", async (IMediator mediator, HttpContext http) => Preconditions.Tagged(http, await mediator.Send(new GetVisitPolicyQuery(), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetVisitPolicy").WithSummary("Minimum visits per ISO week by customer level")
            .Produces<VisitPolicyDto>().Produces(304);
        settings.MapPut("/", async (UpdateVisitPolicyRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new UpdateVisitPolicyCommand(Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetVisitPolicyQuery(), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName("UpdateVisitPolicy").WithSummary("Change the visit frequency policy; compliance uses it at once (Admin, If-Match required)")
            .Produces<VisitPolicyDto>().ProducesProblem(400).ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> Created(IMediator mediator, HttpContext http, Guid id)
    {
        var visit = await mediator.Send(new GetVisitQuery(id), http.RequestAborted);
        return Preconditions.Created(http, $"/api/v1/visits/{id}", visit);
    }

    private static async Task<IResult> Reply(IMediator mediator, HttpContext http, Guid id, ICommand<Guid> command)
    {
        await mediator.Send(command, http.RequestAborted);
        return Preconditions.Tagged(http, await mediator.Send(new GetVisitQuery(id), http.RequestAborted));
    }

}
