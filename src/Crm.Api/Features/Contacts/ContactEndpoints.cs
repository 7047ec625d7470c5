using Crm.Api.Common;
using Crm.Api.Common.Auth;
using MediatR;

namespace Crm.Api.Features.Contacts;

public static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers/{customerId:guid}/contacts").WithTags("Contacts");
        var read = AccessPolicies.Read("customers");
        var write = AccessPolicies.Write("customers");

        group.MapGet("/", async (Guid customerId, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListContactsQuery(customerId, limit, cursor), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("ListContacts").WithSummary("List a customer's contact people")
            .Produces<Page<ContactDto>>().ProducesProblem(400).ProducesProblem(404);

        group.MapGet("/{contactId:guid}", async (Guid customerId, Guid contactId, IMediator mediator, HttpContext http) =>
                Preconditions.Tagged(http, await mediator.Send(new GetContactQuery(customerId, contactId), http.RequestAborted)))
            .RequireAuthorization(read)
            .WithName("GetContact").WithSummary("Get a contact person")
            .Produces<ContactDto>().Produces(304).ProducesProblem(404);

        group.MapPost("/", async (Guid customerId, ContactInput body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(new AddContactCommand(customerId, body), http.RequestAborted);
                return Preconditions.Created(http, $"/api/v1/customers/{customerId}/contacts/{id}",
                    await mediator.Send(new GetContactQuery(customerId, id), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("AddContact").WithSummary("Add a contact person (the first one becomes primary)")
            .Produces<ContactDto>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        group.MapPut("/{contactId:guid}", async (Guid customerId, Guid contactId, ContactInput body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new UpdateContactCommand(customerId, contactId, Preconditions.RequiredVersion(http), body), http.RequestAborted);
                return Preconditions.Tagged(http, await mediator.Send(new GetContactQuery(customerId, contactId), http.RequestAborted));
            })
            .RequireAuthorization(write)
            .WithName("UpdateContact").WithSummary("Replace a contact person (If-Match required)")
            .Produces<ContactDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);

        group.MapDelete("/{contactId:guid}", async (Guid customerId, Guid contactId, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new DeleteContactCommand(customerId, contactId, Preconditions.RequiredVersion(http)), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(write)
            .WithName("DeleteContact").WithSummary("Remove a contact person (If-Match required)")
            .Produces(204).ProducesProblem(404).ProducesProblem(412).ProducesProblem(428);
    }
}
