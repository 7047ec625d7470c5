using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Loyalty;
using Crm.Api.Features.Referrals;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Purchases;

/// <summary>Deals across the caller's customers, newest first; filters by date range, category, customer and owner.</summary>
public sealed record ListPurchasesQuery : IRequest<Page<PurchaseDto>>
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Category { get; init; }
    public Guid? CustomerId { get; init; }
    public Guid? OwnerId { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class ListPurchasesValidator : AbstractValidator<ListPurchasesQuery>
{
    public ListPurchasesValidator()
    {
        RuleFor(x => x.Category).MaximumLength(100);
        RuleFor(x => x.Cursor).MaximumLength(Paging.MaxCursorLength);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must not be before from.");
    }
}

public sealed class ListPurchasesHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<ListPurchasesQuery, Page<PurchaseDto>>
{
    public async Task<Page<PurchaseDto>> Handle(ListPurchasesQuery r, CancellationToken cancellationToken)
    {
        if (r.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
            throw new NotFoundException("The customer");
        var query = db.Purchases.AsNoTracking();
        if (r.CustomerId is { } id) query = query.Where(p => p.CustomerId == id);
        if (r.From is { } from) query = query.Where(p => p.PurchasedOn >= from);
        if (r.To is { } to) query = query.Where(p => p.PurchasedOn <= to);
        if (!string.IsNullOrWhiteSpace(r.Category)) query = query.Where(p => p.Category == r.Category);
        if (r.OwnerId is { } owner) query = query.Where(p => p.Customer!.OwnerId == owner);
        return await new Keyset<Purchase>(query, p => p.Id).PageAsync(p => p.PurchasedOn, true, r.Cursor, Paging.Limit(r.Limit),
            q => q.ProjectTo<PurchaseDto>(mapper.ConfigurationProvider), d => (d.PurchasedOn, d.Id), cancellationToken);
    }
}

public sealed record GetPurchaseQuery(Guid Id) : IRequest<PurchaseDto>;

public sealed class GetPurchaseHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<GetPurchaseQuery, PurchaseDto>
{
    public async Task<PurchaseDto> Handle(GetPurchaseQuery request, CancellationToken cancellationToken) =>
        await db.Purchases.AsNoTracking().Where(p => p.Id == request.Id)
            .ProjectTo<PurchaseDto>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("The purchase");
}

/// <summary>
/// Records a deal. A prospect's first purchase makes it an active (actual) customer and wins its referral;
/// the purchase earns points by the loyalty policy.
/// </summary>
public sealed record RecordPurchaseCommand(Guid CustomerId, PurchaseInput Purchase) : ICommand<Guid>;

public sealed class RecordPurchaseValidator : AbstractValidator<RecordPurchaseCommand>
{
    public RecordPurchaseValidator(TimeProvider clock) => RuleFor(x => x.Purchase).SetValidator(new PurchaseInputValidator(clock)).OverridePropertyName("");
}

public sealed class RecordPurchaseHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<RecordPurchaseCommand, Guid>
{
    public async Task<Guid> Handle(RecordPurchaseCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken) ?? throw new NotFoundException("The customer");
        var purchase = await Deals.RecordAsync(db, customer, request.Purchase, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return purchase.Id;
    }
}

public static class Deals
{
    /// <summary>
    /// Records a deal for a customer, by hand or from an import: a prospect's first purchase makes it an active customer
    /// and wins its referral, and the purchase earns points by the loyalty policy.
    /// </summary>
    public static async Task<Purchase> RecordAsync(CrmDbContext db, Customer customer, PurchaseInput input, DateTime now, CancellationToken ct)
    {
        var firstPurchase = customer.Lifecycle == Lifecycle.Prospect;
        customer.RecordPurchase();
        var purchase = new Purchase { CustomerId = customer.Id };
        input.ApplyTo(purchase);
        db.Purchases.Add(purchase);
        await PointsLedger.EarnForPurchaseAsync(db, customer, purchase, now, ct);
        if (firstPurchase) await ReferralRewards.WinOnFirstPurchaseAsync(db, customer.Id, now, ct);
        return purchase;
    }
}

public sealed record CorrectPurchaseCommand(Guid Id, long ExpectedVersion, PurchaseInput Purchase) : ICommand<Guid>;

public sealed class CorrectPurchaseValidator : AbstractValidator<CorrectPurchaseCommand>
{
    public CorrectPurchaseValidator(TimeProvider clock) => RuleFor(x => x.Purchase).SetValidator(new PurchaseInputValidator(clock)).OverridePropertyName("");
}

public sealed class CorrectPurchaseHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<CorrectPurchaseCommand, Guid>
{
    public async Task<Guid> Handle(CorrectPurchaseCommand request, CancellationToken cancellationToken)
    {
        var purchase = await db.Purchases.Include(p => p.Customer).FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The purchase");
        Preconditions.EnsureVersion(purchase.Version, request.ExpectedVersion);
        request.Purchase.ApplyTo(purchase);
        // The points follow the corrected amount: what it earned is reversed and earned again.
        var now = clock.GetUtcNow().UtcDateTime;
        await PointsLedger.ReverseAsync(db, purchase.Customer!, purchase.Id, now, cancellationToken);
        await PointsLedger.EarnForPurchaseAsync(db, purchase.Customer!, purchase, now, cancellationToken);
        return purchase.Id;
    }
}

public sealed record DeletePurchaseCommand(Guid Id, long ExpectedVersion) : ICommand<Unit>;

public sealed class DeletePurchaseHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<DeletePurchaseCommand, Unit>
{
    public async Task<Unit> Handle(DeletePurchaseCommand request, CancellationToken cancellationToken)
    {
        var purchase = await db.Purchases.Include(p => p.Customer).FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The purchase");
        Preconditions.EnsureVersion(purchase.Version, request.ExpectedVersion);
        await PointsLedger.ReverseAsync(db, purchase.Customer!, purchase.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.Purchases.Remove(purchase);
        return Unit.Value;
    }
}
