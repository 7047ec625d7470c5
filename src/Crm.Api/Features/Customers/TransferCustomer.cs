using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>Hands a customer to another account manager (managers within their team, admins anywhere). Recorded.</summary>
public sealed record TransferCustomerRequest(Guid NewOwnerId, string? Reason);

public sealed record TransferCustomerCommand(Guid Id, long? ExpectedVersion, TransferCustomerRequest Transfer) : ICommand<Guid>;

public sealed class TransferCustomerValidator : AbstractValidator<TransferCustomerCommand>
{
    public TransferCustomerValidator()
    {
        RuleFor(x => x.Transfer.NewOwnerId).NotEmpty().OverridePropertyName("newOwnerId");
        RuleFor(x => x.Transfer.Reason).MaximumLength(500).OverridePropertyName("reason");
    }
}

public sealed class TransferCustomerHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<TransferCustomerCommand, Guid>
{
    public async Task<Guid> Handle(TransferCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The customer");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(customer.Version, expected);
        var newOwner = await AccountManagers.ResolveAsync(db, request.Transfer.NewOwnerId, "newOwnerId", cancellationToken);
        var from = customer.OwnerId;
        customer.TransferTo(newOwner);
        db.CustomerTransfers.Add(new CustomerTransfer
        {
            CustomerId = customer.Id, FromOwnerId = from, ToOwnerId = newOwner, TransferredBy = db.Caller.ActorId,
            TransferredAt = clock.GetUtcNow().UtcDateTime, Reason = request.Transfer.Reason?.Trim(),
        });
        return customer.Id;
    }
}
