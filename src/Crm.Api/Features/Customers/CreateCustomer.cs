using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>
/// A new customer. <c>code</c> is generated (C-000123) unless given; <c>ownerId</c> defaults to the caller and
/// must be an account manager within the caller's scope (an API key must name one).
/// </summary>
public sealed record CreateCustomerCommand : CustomerFields, ICommand<Guid>
{
    public string? Code { get; init; }
    public Guid? OwnerId { get; init; }
}

public sealed class CreateCustomerValidator : CustomerFieldsValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator()
    {
        RuleFor(x => x.Code).MaximumLength(Customer.CodeMax).Matches("^[A-Za-z0-9][A-Za-z0-9-_]*$")
            .When(x => x.Code is not null).WithMessage("A customer code has letters, digits, '-' and '_' only.");
    }
}

public sealed class CreateCustomerHandler(CrmDbContext db) : IRequestHandler<CreateCustomerCommand, Guid>
{
    public async Task<Guid> Handle(CreateCustomerCommand request, CancellationToken cancellationToken)
    {
        var ownerId = await AccountManagers.ResolveAsync(db, request.OwnerId, "ownerId", cancellationToken);
        var customer = new Customer(ownerId);
        request.ApplyTo(customer);
        customer.Code = request.Code is { } code
            ? await CustomerCodes.EnsureFreeAsync(db, code.Trim(), null, cancellationToken)
            : await CustomerCodes.NextAsync(db, cancellationToken);
        db.Customers.Add(customer);
        return customer.Id;
    }
}

/// <summary>People-facing customer codes: C-000123, unique.</summary>
internal static class CustomerCodes
{
    public const string SequenceName = "customer";

    public static async Task<string> NextAsync(CrmDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var next = await SequenceNumbers.NextAsync(db, SequenceName, ct);
            var code = $"C-{next:000000}";
            // Imported or hand-entered codes may already use a number; skip past them.
            if (!await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Code == code, ct)) return code;
        }
    }

    public static async Task<string> EnsureFreeAsync(CrmDbContext db, string code, Guid? except, CancellationToken ct)
    {
        if (await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Code == code && c.Id != except, ct))
            throw new ConflictException($"The customer code '{code}' is already in use.");
        return code;
    }
}

/// <summary>Who may own customers: an active Rep, Manager or Admin within the caller's scope.</summary>
internal static class AccountManagers
{
    public static async Task<Guid> ResolveAsync(CrmDbContext db, Guid? requested, string field, CancellationToken ct)
    {
        var caller = db.Caller;
        var ownerId = requested ?? caller.UserId
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(field, "Name the account manager (ownerId) who owns the customer.")]);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => new { u.Role, u.IsDisabled }).FirstOrDefaultAsync(ct);
        var inScope = caller.SeesAllCustomers || caller.VisibleOwnerIds.Contains(ownerId);
        if (owner is null || owner.IsDisabled || owner.Role is not (Role.Rep or Role.Manager or Role.Admin) || !inScope)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(field, "Not an active account manager you can assign customers to.")]);
        return ownerId;
    }
}
