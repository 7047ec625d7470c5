using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Contacts;

public sealed record ListContactsQuery(Guid CustomerId, int? Limit, string? Cursor) : IRequest<Page<ContactDto>>;

public sealed class ListContactsHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<ListContactsQuery, Page<ContactDto>>
{
    public async Task<Page<ContactDto>> Handle(ListContactsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken)) throw new NotFoundException("The customer");
        var contacts = db.Contacts.AsNoTracking().Where(c => c.CustomerId == request.CustomerId);
        return await new Keyset<Contact>(contacts, c => c.Id).PageAsync(c => c.Name, false, request.Cursor, Paging.Limit(request.Limit),
            q => q.ProjectTo<ContactDto>(mapper.ConfigurationProvider), d => (d.Name, d.Id), cancellationToken);
    }
}

public sealed record GetContactQuery(Guid CustomerId, Guid ContactId) : IRequest<ContactDto>;

public sealed class GetContactHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<GetContactQuery, ContactDto>
{
    public async Task<ContactDto> Handle(GetContactQuery request, CancellationToken cancellationToken) =>
        await db.Contacts.AsNoTracking().Where(c => c.Id == request.ContactId && c.CustomerId == request.CustomerId)
            .ProjectTo<ContactDto>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("The contact");
}

/// <summary>Adds a contact person. The customer's first contact is its primary contact.</summary>
public sealed record AddContactCommand(Guid CustomerId, ContactInput Contact) : ICommand<Guid>;

public sealed class AddContactValidator : AbstractValidator<AddContactCommand>
{
    public AddContactValidator() => RuleFor(x => x.Contact).SetValidator(new ContactInputValidator()).OverridePropertyName("");
}

public sealed class AddContactHandler(CrmDbContext db) : IRequestHandler<AddContactCommand, Guid>
{
    public async Task<Guid> Handle(AddContactCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken) ?? throw new NotFoundException("The customer");
        if (customer.IsArchived) throw new ConflictException("An archived customer cannot be changed; restore it first.");
        var contact = new Contact { CustomerId = customer.Id };
        request.Contact.ApplyTo(contact);
        var hasPrimary = await db.Contacts.AnyAsync(c => c.CustomerId == customer.Id && c.IsPrimary, cancellationToken);
        if (request.Contact.IsPrimary && hasPrimary) await PrimaryContact.ClearAsync(db, customer.Id, cancellationToken);
        contact.IsPrimary = request.Contact.IsPrimary || !hasPrimary;
        db.Contacts.Add(contact);
        return contact.Id;
    }
}

public sealed record UpdateContactCommand(Guid CustomerId, Guid ContactId, long ExpectedVersion, ContactInput Contact) : ICommand<Guid>;

public sealed class UpdateContactValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator() => RuleFor(x => x.Contact).SetValidator(new ContactInputValidator()).OverridePropertyName("");
}

public sealed class UpdateContactHandler(CrmDbContext db) : IRequestHandler<UpdateContactCommand, Guid>
{
    public async Task<Guid> Handle(UpdateContactCommand request, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == request.ContactId && c.CustomerId == request.CustomerId, cancellationToken)
            ?? throw new NotFoundException("The contact");
        Preconditions.EnsureVersion(contact.Version, request.ExpectedVersion);
        if (contact.IsPrimary && !request.Contact.IsPrimary)
            throw new ConflictException("A customer always has one primary contact: make another contact primary instead.");
        if (!contact.IsPrimary && request.Contact.IsPrimary)
        {
            await PrimaryContact.ClearAsync(db, contact.CustomerId, cancellationToken);
            contact.IsPrimary = true;
        }
        request.Contact.ApplyTo(contact);
        return contact.Id;
    }
}

/// <summary>Removes a contact. If it was the primary one, the longest-known remaining contact becomes primary.</summary>
public sealed record DeleteContactCommand(Guid CustomerId, Guid ContactId, long ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteContactHandler(CrmDbContext db) : IRequestHandler<DeleteContactCommand, Unit>
{
    public async Task<Unit> Handle(DeleteContactCommand request, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == request.ContactId && c.CustomerId == request.CustomerId, cancellationToken)
            ?? throw new NotFoundException("The contact");
        Preconditions.EnsureVersion(contact.Version, request.ExpectedVersion);
        db.Contacts.Remove(contact);
        if (contact.IsPrimary)
        {
            // Save the removal first so that the promoted contact never coexists with the old primary.
            await db.SaveChangesAsync(cancellationToken);
            var successor = await db.Contacts.Where(c => c.CustomerId == contact.CustomerId)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (successor is not null) successor.IsPrimary = true;
        }
        return Unit.Value;
    }
}

internal static class PrimaryContact
{
    /// <summary>Demotes the current primary in SQL before another is promoted, so the one-primary index holds at every step.</summary>
    public static Task ClearAsync(CrmDbContext db, Guid customerId, CancellationToken ct) =>
        db.Contacts.Where(c => c.CustomerId == customerId && c.IsPrimary)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPrimary, false).SetProperty(c => c.Version, c => c.Version + 1), ct);
}
