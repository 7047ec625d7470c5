using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Teams;

public static class TeamEndpoints
{
    public static void MapTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Teams").RequireAuthorization(AccessPolicies.Admin);

        group.MapGet("/", async (IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new ListTeamsQuery(), http.RequestAborted)))
            .WithName("ListTeams").WithSummary("List teams with their managers and members (Admin)")
            .Produces<Page<TeamDto>>();

        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetTeamQuery(id), http.RequestAborted)))
            .WithName("GetTeam").WithSummary("Get a team (Admin)")
            .Produces<TeamDto>().Produces(304).ProducesProblem(404);

        group.MapPost("/", async (CreateTeamCommand body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(body, http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/teams/{id}", await mediator.Send(new GetTeamQuery(id), http.RequestAborted));
            })
            .WithName("CreateTeam").WithSummary("Create a team with its manager (Admin)")
            .Produces<TeamDto>(201).ProducesProblem(400).ProducesProblem(409);

        group.MapPost("/{id:guid}/members", async (Guid id, AddTeamMemberRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new AddTeamMemberCommand(id, body.UserId), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetTeamQuery(id), http.RequestAborted));
            })
            .WithName("AddTeamMember").WithSummary("Put a user into the team (moves them from any other team) (Admin)")
            .Produces<TeamDto>().ProducesProblem(400).ProducesProblem(404);

        group.MapDelete("/{id:guid}/members/{userId:guid}", async (Guid id, Guid userId, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new RemoveTeamMemberCommand(id, userId, Preconditions.RequiredVersion(http)), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetTeamQuery(id), http.RequestAborted));
            })
            .WithName("RemoveTeamMember").WithSummary("Take a user out of the team (If-Match with the team's ETag) (Admin)")
            .Produces<TeamDto>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
    }
}
