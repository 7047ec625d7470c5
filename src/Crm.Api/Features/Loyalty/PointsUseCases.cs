using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Loyalty;

public sealed record PointsEntryDto(Guid Id, PointsKind Kind, PointsSource Source, long Amount, long BalanceAfter, string? Reason,
    Guid? PurchaseId, Guid? ReferralId, Guid? ComplaintId, Guid? CreatedBy, DateTime CreatedAt);

public sealed record TierChangeDto(string? FromTier, string ToTier, long Earned12Months, DateTime ChangedAt);

/// <summary>A customer's points account: balance (= sum of the ledger), tier, what the tier gives and what the next one needs.</summary>
public sealed record PointsAccountDto(Guid CustomerId, long Balance, string? Tier, string? TierBenefits, long Earned12Months,
    string? NextTier, long? PointsToNextTier, IReadOnlyList<TierChangeDto> TierHistory);

public sealed record GetPointsAccountQuery(Guid CustomerId) : IRequest<PointsAccountDto>;

public sealed class GetPointsAccountHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<GetPointsAccountQuery, PointsAccountDto>
{
    public async Task<PointsAccountDto> Handle(GetPointsAccountQuery request, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId).Select(c => new { c.Id, c.Points, c.Tier }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The customer");
        var earned = await PointsLedger.Earned12MonthsAsync(db, customer.Id, clock.GetUtcNow().UtcDateTime, ct);
        var tiers = await db.MembershipTiers.AsNoTracking().OrderBy(t => t.MinPointsEarned12Months).ToListAsync(ct);
        var next = tiers.FirstOrDefault(t => t.MinPointsEarned12Months > earned);
        var history = await db.TierChanges.AsNoTracking().Where(t => t.CustomerId == customer.Id).OrderByDescending(t => t.ChangedAt).Take(50)
            .Select(t => new TierChangeDto(t.FromTier, t.ToTier, t.Earned12Months, t.ChangedAt)).ToListAsync(ct);
        return new PointsAccountDto(customer.Id, customer.Points, customer.Tier, tiers.FirstOrDefault(t => t.Name == customer.Tier)?.Benefits, earned,
            next?.Name, next is null ? null : next.MinPointsEarned12Months - earned, history);
    }
}

public sealed record ListPointsEntriesQuery(Guid CustomerId, int? Limit, string? Cursor) : IRequest<Page<PointsEntryDto>>;

public sealed class ListPointsEntriesHandler(CrmDbContext db) : IRequestHandler<ListPointsEntriesQuery, Page<PointsEntryDto>>
{
    public async Task<Page<PointsEntryDto>> Handle(ListPointsEntriesQuery request, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, ct)) throw new NotFoundException("The customer");
        var entries = db.PointsEntries.AsNoTracking().Where(e => e.CustomerId == request.CustomerId);
        return await new Keyset<PointsEntry>(entries, e => e.Id).PageAsync(e => e.CreatedAt, true, request.Cursor, Paging.Limit(request.Limit),
            q => q.Select(e => new PointsEntryDto(e.Id, e.Kind, e.Source, e.Amount, e.BalanceAfter, e.Reason, e.PurchaseId, e.ReferralId, e.ComplaintId, e.CreatedBy, e.CreatedAt)),
            d => (d.CreatedAt, d.Id), ct);
    }
}

/// <summary>What a person may post by hand. Purchases and referral rewards post themselves.</summary>
public enum ManualPointsKind { Redeem, Adjust, Campaign, Goodwill }

public sealed record PostPointsRequest(ManualPointsKind Kind, long Amount, string? Reason, Guid? ComplaintId);

public sealed record PostPointsCommand(Guid CustomerId, PostPointsRequest Entry) : ICommand<PointsEntryDto>;

public sealed class PostPointsValidator : AbstractValidator<PostPointsCommand>
{
    public PostPointsValidator()
    {
        RuleFor(x => x.Entry.Amount).GreaterThan(0).When(x => x.Entry.Kind != ManualPointsKind.Adjust)
            .WithMessage("The amount is a positive number of points.").OverridePropertyName("amount");
        RuleFor(x => x.Entry.Amount).NotEqual(0).When(x => x.Entry.Kind == ManualPointsKind.Adjust)
            .WithMessage("An adjustment moves the balance up or down by a non-zero amount.").OverridePropertyName("amount");
        RuleFor(x => x.Entry.Amount).InclusiveBetween(-10_000_000, 10_000_000).OverridePropertyName("amount");
        RuleFor(x => x.Entry.Reason).NotEmpty().When(x => x.Entry.Kind is ManualPointsKind.Adjust or ManualPointsKind.Campaign or ManualPointsKind.Goodwill)
            .WithMessage("Give the reason for these points.").OverridePropertyName("reason");
        RuleFor(x => x.Entry.Reason).MaximumLength(500).OverridePropertyName("reason");
        RuleFor(x => x.Entry.ComplaintId).NotNull().When(x => x.Entry.Kind == ManualPointsKind.Goodwill)
            .WithMessage("Goodwill points belong to a complaint (complaintId).").OverridePropertyName("complaintId");
    }
}

public sealed class PostPointsHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<PostPointsCommand, PointsEntryDto>
{
    public async Task<PointsEntryDto> Handle(PostPointsCommand request, CancellationToken ct)
    {
        var caller = db.Caller;
        var e = request.Entry;
        // Adjustments are an admin's correction; goodwill belongs to the complaint desk; campaigns to managers.
        var allowed = e.Kind switch
        {
            ManualPointsKind.Adjust => caller.Role == Role.Admin,
            ManualPointsKind.Goodwill => caller.Role is Role.Admin or Role.Service,
            ManualPointsKind.Campaign => caller.Role is Role.Admin or Role.Manager,
            _ => true,
        };
        if (!allowed) throw new ForbiddenException($"Your role may not post {e.Kind} points.");
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.CustomerId, ct) ?? throw new NotFoundException("The customer");
        if (e.ComplaintId is { } complaintId && !await db.Complaints.AnyAsync(c => c.Id == complaintId && c.CustomerId == customer.Id, ct))
            throw new ValidationException([new ValidationFailure("complaintId", "Not a complaint of this customer.")]);
        var entry = e.Kind switch
        {
            ManualPointsKind.Redeem => new PointsEntry { Kind = PointsKind.Redeem, Source = PointsSource.Redemption, Amount = -e.Amount },
            ManualPointsKind.Adjust => new PointsEntry { Kind = PointsKind.Adjust, Source = PointsSource.Adjustment, Amount = e.Amount },
            ManualPointsKind.Campaign => new PointsEntry { Kind = PointsKind.Earn, Source = PointsSource.Campaign, Amount = e.Amount },
            _ => new PointsEntry { Kind = PointsKind.Earn, Source = PointsSource.Complaint, Amount = e.Amount, ComplaintId = e.ComplaintId },
        };
        entry.Reason = e.Reason?.Trim();
        try
        {
            await PointsLedger.PostAsync(db, customer, entry, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (InsufficientPointsException insufficient)
        {
            throw new ConflictException(insufficient.Message, new Dictionary<string, object?> { ["balance"] = customer.Points });
        }
        return new PointsEntryDto(entry.Id, entry.Kind, entry.Source, entry.Amount, entry.BalanceAfter, entry.Reason, null, null, entry.ComplaintId, entry.CreatedBy, entry.CreatedAt);
    }
}
