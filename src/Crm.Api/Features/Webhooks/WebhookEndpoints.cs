using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using MediatR;

namespace Crm.Api.Features.Webhooks;

public static class WebhookEndpoints
{
    public static IServiceCollection AddCrmWebhooks(this IServiceCollection services) => services
        .AddSingleton<WebhookUrlGuard>()
        .AddSingleton<WebhookDispatcher>()
        .AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(AccessPolicies.Admin);

        group.MapGet("/", async (IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(), http.RequestAborted)))
            .WithName("ListWebhooks").WithSummary("Webhook subscriptions with their state and failure count (Admin)")
            .Produces<IReadOnlyList<WebhookDto>>();

        group.MapGet("/event-types", () => TypedResults.Ok(WebhookEventTypes.All))
            .WithName("ListWebhookEventTypes").WithSummary("The event types a webhook can subscribe to (\"*\" for all)")
            .Produces<string[]>();

        group.MapPost("/", async (WebhookInput body, IMediator mediator, HttpContext http) =>
            {
                var (id, secret) = await mediator.Send(new CreateWebhookCommand(body), http.RequestAborted);
                var webhook = await mediator.Send(new GetWebhookQuery(id), http.RequestAborted);
                http.Response.Headers.ETag = Preconditions.ETagOf(webhook.Version);
                return TypedResults.Created($"/api/v1/webhooks/{id}", new CreatedWebhookDto(webhook, secret));
            })
            .WithName("CreateWebhook")
            .WithSummary("Subscribe an https URL to event types (Admin). Internal addresses are refused. The signing secret is in this response only")
            .Produces<CreatedWebhookDto>(201).ProducesProblem(400);

        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetWebhookQuery(id), http.RequestAborted)))
            .WithName("GetWebhook").WithSummary("One webhook subscription (Admin)")
            .Produces<WebhookDto>().ProducesProblem(404);

        group.MapPut("/{id:guid}", async (Guid id, WebhookInput body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new UpdateWebhookCommand(id, Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetWebhookQuery(id), http.RequestAborted));
            })
            .WithName("UpdateWebhook").WithSummary("Change URL, event types or active state (Admin, If-Match); re-enabling clears the failure count")
            .Produces<WebhookDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        group.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new DeleteWebhookCommand(id), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook").WithSummary("Remove a webhook subscription and its delivery log (Admin)")
            .Produces(204).ProducesProblem(404);

        group.MapGet("/{id:guid}/deliveries", async (Guid id, DeliveryStatus? status, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListDeliveriesQuery(id, status, limit, cursor), http.RequestAborted)))
            .WithName("ListWebhookDeliveries").WithSummary("The delivery log: each event with its attempts, last answer and outcome, newest first (Admin)")
            .Produces<Page<WebhookDeliveryDto>>().ProducesProblem(400).ProducesProblem(404);

        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new RedeliverCommand(id, deliveryId), http.RequestAborted);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("RedeliverWebhookEvent").WithSummary("Send a delivery again with the same event id and body (Admin)")
            .Produces(202).ProducesProblem(404);
    }
}
