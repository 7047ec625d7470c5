using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.ApiKeys;

public static class ApiKeyEndpoints
{
    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("ApiKeys").RequireAuthorization(AccessPolicies.Admin);

        group.MapGet("/", async (IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(), http.RequestAborted)))
            .WithName("ListApiKeys").WithSummary("List API keys with their scopes and last use (Admin; secrets are never shown again)")
            .Produces<Page<ApiKeyDto>>();

        group.MapPost("/", async (CreateApiKeyCommand body, IMediator mediator, HttpContext http) =>
            {
                var created = await mediator.Send(body, http.RequestAborted);
                return TypedResults.Created($"/api/v1/api-keys/{created.ApiKey.Id}", created);
            })
            .WithName("CreateApiKey").WithSummary("Create a scoped API key; the secret is in this response only (Admin)")
            .Produces<CreatedApiKeyDto>(201).ProducesProblem(400);

        group.MapGet("/scopes", () => TypedResults.Ok(new Page<string>([.. AccessPolicies.AllScopes], null)))
            .WithName("ListApiKeyScopes").WithSummary("Every scope an API key can be given (area:read, area:write)")
            .Produces<Page<string>>();

        group.MapPost("/{id:guid}/revoke", async (Guid id, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new RevokeApiKeyCommand(id), http.RequestAborted)))
            .WithName("RevokeApiKey").WithSummary("Revoke an API key at once (Admin)")
            .Produces<ApiKeyDto>().ProducesProblem(404);
    }
}
