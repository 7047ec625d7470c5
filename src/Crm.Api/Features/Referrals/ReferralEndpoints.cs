using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Referrals;

public static class ReferralEndpoints
{
    public static void MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var read = AccessPolicies.Read("referrals");
        var write = AccessPolicies.Write("referrals");
        var referrals = app.MapGroup("/api/v1/referrals").WithTags("Referrals");

        referrals.MapGet("/", async ([AsParameters] ListReferralsQuery query, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListReferrals").WithSummary("Referrals by must-close date; thanksDue=true for won referrals not yet thanked, overdue=true for open ones past their date")
            .Produces<Page<ReferralDto>>().ProducesProblem(400);

        app.MapGet("/api/v1/customers/{customerId:guid}/referrals", async (Guid customerId, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListCustomerReferralsQuery(customerId, limit, cursor), http.RequestAborted)))
            .WithTags("Referrals").RequireAuthorization(read)
            .WithName("ListCustomerReferrals").WithSummary("Referrals made by this customer (as referrer)")
            .Produces<Page<ReferralDto>>().ProducesProblem(400);

        app.MapGet("/api/v1/customers/{customerId:guid}/referral-tree", async (Guid customerId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ReferralTreeQuery(customerId), http.RequestAborted)))
            .WithTags("Referrals").RequireAuthorization(read)
            .WithName("GetReferralTree").WithSummary("Who the customer referred, and whom they referred in turn, with depth")
            .Produces<Page<ReferralTreeNodeDto>>().ProducesProblem(404);

        referrals.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetReferralQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetReferral").WithSummary("A referral")
            .Produces<ReferralDto>().Produces(304).ProducesProblem(404);

        referrals.MapPost("/", async (RecordReferralCommand body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(body, http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/referrals/{id}", await mediator.Send(new GetReferralQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("RecordReferral").WithSummary("Record a referral of an existing prospect or of a new one created in the same request")
            .Produces<ReferralDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        referrals.MapPost("/{id:guid}/status", async (Guid id, MoveReferralRequest body, IMediator mediator, HttpContext http) =>
            {
                var version = Preconditions.OptionalVersion(http);
                await mediator.Send(new MoveReferralCommand(id, version, body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetReferralQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("MoveReferral").WithSummary("Move through the funnel: contacted, qualified, won (rewards the referrer once) or lost with a reason")
            .Produces<ReferralDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        referrals.MapPost("/{id:guid}/thanks", async (Guid id, ThankReferrerRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new ThankReferrerCommand(id, body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetReferralQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("ThankReferrer").WithSummary("Record how and when the referrer was thanked")
            .Produces<ReferralDto>().ProducesProblem(400).ProducesProblem(404);

        referrals.MapGet("/stats", async (DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ReferralStatsQuery(from, to), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetReferralStats").WithSummary("Funnel conversion by month and the referrer leaderboard (referrals, won, conversion, sales, rewards)")
            .Produces<ReferralStatsDto>().ProducesProblem(400);
    }
}
