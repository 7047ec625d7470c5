using Crm.Api.Common;
using FluentValidation;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>Replaces the editable profile. Code may change if the new one is free; owner changes go through transfer.</summary>
public sealed record UpdateCustomerRequest : CustomerFields
{
    public string Code { get; init; } = "";
}

public sealed record UpdateCustomerCommand(Guid Id, long ExpectedVersion, UpdateCustomerRequest Changes) : ICommand<Guid>;

public sealed class UpdateCustomerValidator : CustomerFieldsValidator<UpdateCustomerRequest>
{
    public UpdateCustomerValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Domain.Customer.CodeMax).Matches("^[A-Za-z0-9][A-Za-z0-9-_]*$")
            .WithMessage("A customer code has letters, digits, '-' and '_' only.");
    }
}

public sealed class UpdateCustomerCommandValidator : FluentValidation.AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerCommandValidator() => RuleFor(x => x.Changes).SetValidator(new UpdateCustomerValidator()).OverridePropertyName("");
}

public sealed class UpdateCustomerHandler(CrmDbContext db) : IRequestHandler<UpdateCustomerCommand, Guid>
{
    public async Task<Guid> Handle(UpdateCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.Tags).Include(c => c.ImportantDates)
            .FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The customer");
        Preconditions.EnsureVersion(customer.Version, request.ExpectedVersion);
        if (customer.IsArchived) throw new ConflictException("An archived customer cannot be edited; restore it first.");
        var code = request.Changes.Code.Trim();
        if (code != customer.Code) customer.Code = await CustomerCodes.EnsureFreeAsync(db, code, customer.Id, cancellationToken);
        request.Changes.ApplyTo(customer);
        return customer.Id;
    }
}
