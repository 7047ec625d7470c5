using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Loyalty;

public static class LoyaltyEndpoints
{
    public static void MapLoyaltyEndpoints(this IEndpointRouteBuilder app)
    {
        var read = AccessPolicies.Read("points");
        var write = AccessPolicies.Write("points");
        var points = app.MapGroup("/api/v1/customers/{customerId:guid}/points").WithTags("Points");

        points.MapGet("/", async (Guid customerId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new GetPointsAccountQuery(customerId), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetPointsAccount").WithSummary("Balance, tier with its benefits, points earned in 12 months, next tier and tier history")
            .Produces<PointsAccountDto>().ProducesProblem(404);

        points.MapGet("/entries", async (Guid customerId, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListPointsEntriesQuery(customerId, limit, cursor), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListPointsEntries").WithSummary("The points ledger, newest first")
            .Produces<Page<PointsEntryDto>>().ProducesProblem(400).ProducesProblem(404);

        points.MapPost("/", async (Guid customerId, PostPointsRequest body, IMediator mediator, HttpContext http) =>
            {
                var entry = await mediator.Send(new PostPointsCommand(customerId, body), http.RequestAborted);
                return TypedResults.Created($"/api/v1/customers/{customerId}/points/entries", entry);
            })
            .RequireAuthorization(write)
            .WithName("PostPoints").WithSummary("Redeem points, or post campaign / goodwill points or an admin adjustment (with a reason); never below zero")
            .Produces<PointsEntryDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var settings = app.MapGroup("/api/v1/settings/loyalty").WithTags("Settings");
        settings.MapGet("/", async (IMediator mediator, HttpContext http) => Preconditions.Tagged(http, await mediator.Send(new GetLoyaltySettingsQuery(), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetLoyaltySettings").WithSummary("Points per currency unit, referral reward and deadlines, membership tiers")
            .Produces<LoyaltySettingsDto>().Produces(304);
        settings.MapPut("/", async (UpdateLoyaltySettingsRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new UpdateLoyaltySettingsCommand(Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetLoyaltySettingsQuery(), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName("UpdateLoyaltySettings").WithSummary("Change the points policy and tiers (Admin, If-Match required)")
            .Produces<LoyaltySettingsDto>().ProducesProblem(400).ProducesProblem(412).ProducesProblem(428);
    }
}
