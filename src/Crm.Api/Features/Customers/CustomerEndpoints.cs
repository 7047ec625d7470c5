using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Customers;

public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers");
        var read = AccessPolicies.Read("customers");
        var write = AccessPolicies.Write("customers");

        group.MapGet("/", async ([AsParameters] ListCustomersQuery query, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListCustomers").WithSummary("List customers with filters, sort, prefix search (q) and cursor paging")
            .Produces<Page<CustomerSummaryDto>>().ProducesProblem(400);

        group.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetCustomerQuery(id), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetCustomer").WithSummary("Get a customer's full profile (ETag; If-None-Match gives 304)")
            .Produces<CustomerDto>().Produces(304).ProducesProblem(404);

        group.MapPost("/", async (CreateCustomerCommand body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(body, http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/customers/{id}", await mediator.Send(new GetCustomerQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("CreateCustomer").WithSummary("Create a customer (code generated unless given; owner defaults to the caller)")
            .Produces<CustomerDto>(201).ProducesProblem(400).ProducesProblem(409);

        group.MapPut("/{id:guid}", async (Guid id, UpdateCustomerRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new UpdateCustomerCommand(id, Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetCustomerQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("UpdateCustomer").WithSummary("Replace a customer's editable profile (If-Match required)")
            .Produces<CustomerDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);

        group.MapPost("/{id:guid}/archive", async (Guid id, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new ArchiveCustomerCommand(id, Preconditions.OptionalVersion(http)), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetCustomerQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("ArchiveCustomer").WithSummary("Archive a customer into the retention store (If-Match optional)")
            .Produces<CustomerDto>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        group.MapPost("/{id:guid}/restore", async (Guid id, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new RestoreCustomerCommand(id, Preconditions.OptionalVersion(http)), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetCustomerQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("RestoreCustomer").WithSummary("Restore an archived customer (If-Match optional)")
            .Produces<CustomerDto>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        group.MapPost("/{id:guid}/transfer", async (Guid id, TransferCustomerRequest body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new TransferCustomerCommand(id, Preconditions.OptionalVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetCustomerQuery(id), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.ManageOwners)
            .WithName("TransferCustomer").WithSummary("Hand the customer to another account manager (Manager/Admin; recorded)")
            .Produces<CustomerDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);

        group.MapPost("/{id:guid}/merge", async (Guid id, MergeCustomersRequest body, IMediator mediator, HttpContext http) =>
            {
                var moved = await mediator.Send(new MergeCustomersCommand(id, body.DuplicateId, Preconditions.OptionalVersion(http)), http.RequestAborted);
                var survivor = await mediator.Send(new GetCustomerQuery(id), http.RequestAborted);
                http.Response.Headers.ETag = Preconditions.ETagOf(survivor.Version);
                return TypedResults.Ok(new MergeResultDto(survivor, body.DuplicateId, moved));
            })
            .RequireAuthorization(write)
            .WithName("MergeCustomers")
            .WithSummary("Merge a duplicate into this customer: contacts, purchases, visits, complaints, referrals, tasks, assessments and points move; the duplicate is archived")
            .Produces<MergeResultDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
    }

}
