using Crm.Api.Common;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>Moves the customer into the retention store (历史标识 with the time); lists leave it out from then on.</summary>
public sealed record ArchiveCustomerCommand(Guid Id, long? ExpectedVersion) : ICommand<Guid>;

public sealed class ArchiveCustomerHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<ArchiveCustomerCommand, Guid>
{
    public async Task<Guid> Handle(ArchiveCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The customer");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(customer.Version, expected);
        customer.Archive(clock.GetUtcNow().UtcDateTime);
        return customer.Id;
    }
}

/// <summary>Brings an archived customer back to the lifecycle stage it had.</summary>
public sealed record RestoreCustomerCommand(Guid Id, long? ExpectedVersion) : ICommand<Guid>;

public sealed class RestoreCustomerHandler(CrmDbContext db) : IRequestHandler<RestoreCustomerCommand, Guid>
{
    public async Task<Guid> Handle(RestoreCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The customer");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(customer.Version, expected);
        customer.Restore();
        return customer.Id;
    }
}
