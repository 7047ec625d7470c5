using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using MediatR;

namespace Crm.Api.Features.Users;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/users/assignable", async (IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListAssignableUsersQuery(), http.RequestAborted)))
            .WithTags("Users").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ListAssignableUsers").WithSummary("Active reps and managers the caller may assign customers, visits and tasks to")
            .Produces<Page<AssignableUserDto>>();

        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(AccessPolicies.Admin);

        group.MapGet("/", async (Role? role, Guid? teamId, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListUsersQuery(role, teamId, limit, cursor), http.RequestAborted)))
            .WithName("ListUsers").WithSummary("List users (Admin)")
            .Produces<Page<UserDto>>().ProducesProblem(400);

        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetUserQuery(id), http.RequestAborted)))
            .WithName("GetUser").WithSummary("Get a user (Admin)")
            .Produces<UserDto>().Produces(304).ProducesProblem(404);

        group.MapPost("/", async (CreateUserCommand body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(body, http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/users/{id}", await mediator.Send(new GetUserQuery(id), http.RequestAborted));
            })
            .WithName("CreateUser").WithSummary("Create a user with a role and optional team (Admin)")
            .Produces<UserDto>(201).ProducesProblem(400).ProducesProblem(409);

        group.MapPost("/{id:guid}/disable", async (Guid id, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new DisableUserCommand(id), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetUserQuery(id), http.RequestAborted));
            })
            .WithName("DisableUser").WithSummary("Disable a user and revoke their sessions (Admin)")
            .Produces<UserDto>().ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/{id:guid}/enable", async (Guid id, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new EnableUserCommand(id), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetUserQuery(id), http.RequestAborted));
            })
            .WithName("EnableUser").WithSummary("Enable a user again and clear a lockout (Admin)")
            .Produces<UserDto>().ProducesProblem(404);

        group.MapPost("/{id:guid}/role", async (Guid id, ChangeUserRoleRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new ChangeUserRoleCommand(id, body.Role), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetUserQuery(id), http.RequestAborted));
            })
            .WithName("ChangeUserRole").WithSummary("Change a user's role; it applies to their next request (Admin)")
            .Produces<UserDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
    }
}
