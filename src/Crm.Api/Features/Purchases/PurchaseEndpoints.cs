using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Purchases;

public static class PurchaseEndpoints
{
    public static void MapPurchaseEndpoints(this IEndpointRouteBuilder app)
    {
        var read = AccessPolicies.Read("purchases");
        var write = AccessPolicies.Write("purchases");
        var ofCustomer = app.MapGroup("/api/v1/customers/{customerId:guid}/purchases").WithTags("Purchases");
        var purchases = app.MapGroup("/api/v1/purchases").WithTags("Purchases");

        ofCustomer.MapGet("/", async (Guid customerId, DateOnly? from, DateOnly? to, [OpenApiLimits.ValidatedBy(typeof(ListPurchasesQuery))] string? category, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListPurchasesQuery { CustomerId = customerId, From = from, To = to, Category = category, Limit = limit, Cursor = cursor }, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListCustomerPurchases").WithSummary("A customer's deal records, newest first")
            .Produces<Page<PurchaseDto>>().ProducesProblem(400).ProducesProblem(404);

        ofCustomer.MapPost("/", async (Guid customerId, PurchaseInput body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(new RecordPurchaseCommand(customerId, body), http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/purchases/{id}", await mediator.Send(new GetPurchaseQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("RecordPurchase").WithSummary("Record a deal (a prospect's first purchase makes it an active customer)")
            .Produces<PurchaseDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        purchases.MapGet("/", async ([AsParameters] ListPurchasesQuery query, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListPurchases").WithSummary("Deal records across the caller's customers, newest first")
            .Produces<Page<PurchaseDto>>().ProducesProblem(400).ProducesProblem(404);

        purchases.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetPurchaseQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetPurchase").WithSummary("Get a deal record")
            .Produces<PurchaseDto>().Produces(304).ProducesProblem(404);

        purchases.MapPut("/{id:guid}", async (Guid id, PurchaseInput body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new CorrectPurchaseCommand(id, Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetPurchaseQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("CorrectPurchase").WithSummary("Correct a deal record (If-Match required)")
            .Produces<PurchaseDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);

        purchases.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new DeletePurchaseCommand(id, Preconditions.RequiredVersion(http)), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(write)
            .WithName("DeletePurchase").WithSummary("Delete a deal record entered by mistake (If-Match required)")
            .Produces(204).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }
}
