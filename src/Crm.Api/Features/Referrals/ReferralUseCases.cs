using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Tasks;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Referrals;

public sealed record ReferralDto : IVersioned
{
    public Guid Id { get; init; }
    public Guid ReferrerId { get; init; }
    public string ReferrerName { get; init; } = "";
    public Guid ReferredId { get; init; }
    public string ReferredName { get; init; } = "";
    public Guid ReferredOwnerId { get; init; }
    public ReferralChannel Channel { get; init; }
    public string? Note { get; init; }
    public DateOnly ReferredOn { get; init; }
    public DateOnly MustCloseBy { get; init; }
    public ReferralStatus Status { get; init; }
    public IReadOnlyList<ReferralStatus> AllowedNext { get; init; } = [];
    public string? LostReason { get; init; }
    public DateTime? WonAt { get; init; }
    public DateTime? ThankedAt { get; init; }
    public string? ThanksMethod { get; init; }
    public bool RewardGranted { get; init; }
    public DateTime CreatedAt { get; init; }
    public long Version { get; init; }
}

internal static class ReferralProjection
{
    public static IQueryable<ReferralDto> ToDto(this IQueryable<Referral> referrals) => referrals.Select(r => new ReferralDto
    {
        Id = r.Id, ReferrerId = r.ReferrerId, ReferrerName = r.Referrer!.Name, ReferredId = r.ReferredId, ReferredName = r.Referred!.Name,
        ReferredOwnerId = r.Referred!.OwnerId, Channel = r.Channel, Note = r.Note, ReferredOn = r.ReferredOn, MustCloseBy = r.MustCloseBy,
        Status = r.Status, LostReason = r.LostReason, WonAt = r.WonAt, ThankedAt = r.ThankedAt, ThanksMethod = r.ThanksMethod,
        RewardGranted = r.RewardGranted, CreatedAt = r.CreatedAt, Version = r.Version,
    });

    public static ReferralDto WithAllowedNext(this ReferralDto dto) => dto with { AllowedNext = Referral.AllowedFrom(dto.Status) };
}

/// <summary>A prospect created together with the referral: who they are and how to reach them.</summary>
public sealed record NewProspectInput(string Name, CustomerKind Kind, string? ContactName, string? Phone);

/// <summary>
/// Records a referral from an old customer (the referrer, in the caller's scope) of an existing prospect or of a new
/// one created in the same request. The referred customer gets lead source Referral and becomes an A-grade lead with
/// a must-close date (30 days by default).
/// </summary>
public sealed record RecordReferralCommand : ICommand<Guid>
{
    public Guid ReferrerId { get; init; }
    public Guid? ReferredId { get; init; }
    public NewProspectInput? NewProspect { get; init; }
    public ReferralChannel Channel { get; init; }
    public string? Note { get; init; }
    public DateOnly? ReferredOn { get; init; }
}

public sealed class RecordReferralValidator : AbstractValidator<RecordReferralCommand>
{
    public RecordReferralValidator(TimeProvider clock)
    {
        RuleFor(x => x.ReferrerId).NotEmpty();
        RuleFor(x => x).Must(x => (x.ReferredId is null) != (x.NewProspect is null))
            .WithMessage("Name the referred customer (referredId) or describe a new prospect (newProspect), not both.").OverridePropertyName("referredId");
        RuleFor(x => x.ReferredId).NotEqual(x => x.ReferrerId).When(x => x.ReferredId is not null).WithMessage("A customer cannot refer itself.");
        RuleFor(x => x.NewProspect!.Name).NotEmpty().MaximumLength(Customer.NameMax).When(x => x.NewProspect is not null).OverridePropertyName("newProspect.name");
        RuleFor(x => x.NewProspect!.ContactName).MaximumLength(100).When(x => x.NewProspect is not null).OverridePropertyName("newProspect.contactName");
        RuleFor(x => x.NewProspect!.Phone).MaximumLength(40).When(x => x.NewProspect is not null).OverridePropertyName("newProspect.phone");
        RuleFor(x => x.Note).MaximumLength(1000);
        RuleFor(x => x.ReferredOn).Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage("A referral cannot be dated in the future.");
    }
}

public sealed class RecordReferralHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<RecordReferralCommand, Guid>
{
    public async Task<Guid> Handle(RecordReferralCommand request, CancellationToken cancellationToken)
    {
        var referrer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.ReferrerId, cancellationToken) ?? throw new NotFoundException("The referrer");
        if (referrer.IsArchived) throw new ConflictException("An archived customer cannot refer anyone; restore it first.");

        Customer referred;
        if (request.ReferredId is { } referredId)
        {
            referred = await db.Customers.FirstOrDefaultAsync(c => c.Id == referredId, cancellationToken) ?? throw new NotFoundException("The referred customer");
            if (referred.IsArchived) throw new ConflictException("An archived customer cannot be referred; restore it first.");
            if (referred.Lifecycle != Lifecycle.Prospect) throw new ConflictException("Only a prospect can be referred: this customer already buys from us.");
            if (await db.Referrals.IgnoreQueryFilters().AnyAsync(r => r.ReferredId == referredId, cancellationToken))
                throw new ConflictException("This prospect has already been referred.");
            await RefuseCycleAsync(referrer, referred.Id, cancellationToken);
        }
        else
        {
            referred = await CreateProspectAsync(request.NewProspect!, referrer, cancellationToken);
        }

        referred.MarkReferredBy(referrer.Id);
        var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(cancellationToken);
        var on = request.ReferredOn ?? calendar.Today;
        var referral = new Referral
        {
            ReferrerId = referrer.Id, ReferredId = referred.Id, Channel = request.Channel, Note = request.Note?.Trim(), ReferredOn = on,
            MustCloseBy = on.AddDays(policy.ReferralMustCloseDays),
        };
        db.Referrals.Add(referral);
        return referral.Id;
    }

    /// <summary>A referral tree has no cycles: the referred customer may not be among the referrer's own referrers.</summary>
    private async Task RefuseCycleAsync(Customer referrer, Guid referredId, CancellationToken ct)
    {
        var ancestor = referrer.ReferredById;
        for (var depth = 0; ancestor is { } id && depth < 100; depth++)
        {
            if (id == referredId) throw new ConflictException("This referral would make a cycle: the prospect is already among the referrer's referrers.");
            ancestor = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.ReferredById).FirstOrDefaultAsync(ct);
        }
    }

    private async Task<Customer> CreateProspectAsync(NewProspectInput input, Customer referrer, CancellationToken ct)
    {
        // The caller works the lead when they own customers; otherwise it goes to the referrer's account manager.
        var owner = db.Caller.UserId is { } me && db.Caller.Role is Role.Rep or Role.Manager ? me : referrer.OwnerId;
        var prospect = new Customer(owner) { Name = input.Name.Trim(), Kind = input.Kind, Phone = input.Phone?.Trim(), Level = CustomerLevel.A };
        prospect.Code = await Features.Customers.CustomerCodes.NextAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(input.ContactName))
            prospect.Contacts.Add(new Contact { CustomerId = prospect.Id, Name = input.ContactName.Trim(), Mobile = input.Phone?.Trim(), IsPrimary = true });
        db.Customers.Add(prospect);
        return prospect;
    }
}

public sealed record GetReferralQuery(Guid Id) : IRequest<ReferralDto>;

public sealed class GetReferralHandler(CrmDbContext db) : IRequestHandler<GetReferralQuery, ReferralDto>
{
    public async Task<ReferralDto> Handle(GetReferralQuery request, CancellationToken cancellationToken) =>
        (await db.Referrals.AsNoTracking().Where(r => r.Id == request.Id).ToDto().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The referral")).WithAllowedNext();
}

/// <summary>
/// Referrals, open ones by must-close date first. thanksDue=true lists won referrals not thanked within the
/// setting's days; overdue=true open ones past their must-close date.
/// </summary>
public sealed record ListReferralsQuery : IRequest<Page<ReferralDto>>
{
    public ReferralStatus? Status { get; init; }
    public Guid? ReferrerId { get; init; }
    public bool? ThanksDue { get; init; }
    public bool? Overdue { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>A customer's referrals: 404 when the customer is outside the caller's scope, like its other sub-collections.</summary>
public sealed record ListCustomerReferralsQuery(Guid CustomerId, int? Limit, string? Cursor) : IRequest<Page<ReferralDto>>;

public sealed class ListCustomerReferralsHandler(CrmDbContext db, IMediator mediator) : IRequestHandler<ListCustomerReferralsQuery, Page<ReferralDto>>
{
    public async Task<Page<ReferralDto>> Handle(ListCustomerReferralsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken)) throw new NotFoundException("The customer");
        return await mediator.Send(new ListReferralsQuery { ReferrerId = request.CustomerId, Limit = request.Limit, Cursor = request.Cursor }, cancellationToken);
    }
}

public sealed class ListReferralsHandler(CrmDbContext db, TimeProvider clock, OrganisationCalendar calendar) : IRequestHandler<ListReferralsQuery, Page<ReferralDto>>
{
    public async Task<Page<ReferralDto>> Handle(ListReferralsQuery r, CancellationToken cancellationToken)
    {
        var referrals = db.Referrals.AsNoTracking();
        if (r.Status is { } status) referrals = referrals.Where(x => x.Status == status);
        if (r.ReferrerId is { } referrer) referrals = referrals.Where(x => x.ReferrerId == referrer);
        if (r.ThanksDue == true)
        {
            var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(cancellationToken);
            var wonBefore = clock.GetUtcNow().UtcDateTime.AddDays(-policy.ThanksDueDays);
            referrals = referrals.Where(x => x.Status == ReferralStatus.Won && x.ThankedAt == null && x.WonAt <= wonBefore);
        }
        if (r.Overdue == true)
        {
            var today = calendar.Today;
            var open = new[] { ReferralStatus.New, ReferralStatus.Contacted, ReferralStatus.Qualified };
            referrals = referrals.Where(x => open.Contains(x.Status) && x.MustCloseBy < today);
        }
        var page = await new Keyset<Referral>(referrals, x => x.Id).PageAsync(x => x.MustCloseBy, false, r.Cursor, Paging.Limit(r.Limit),
            q => q.ToDto(), d => (d.MustCloseBy, d.Id), cancellationToken);
        return page with { Items = page.Items.Select(x => x.WithAllowedNext()).ToList() };
    }
}

public sealed record MoveReferralRequest(ReferralStatus Status, string? LostReason);

public sealed record MoveReferralCommand(Guid Id, long? ExpectedVersion, MoveReferralRequest Move) : ICommand<Guid>;

public sealed class MoveReferralValidator : AbstractValidator<MoveReferralCommand>
{
    public MoveReferralValidator()
    {
        RuleFor(x => x.Move.LostReason).NotEmpty().When(x => x.Move.Status == ReferralStatus.Lost).WithMessage("Say why the referral was lost.").OverridePropertyName("lostReason");
        RuleFor(x => x.Move.LostReason).MaximumLength(500).OverridePropertyName("lostReason");
    }
}

/// <summary>Moves a referral through the funnel (new → contacted → qualified → won / lost). Winning rewards the referrer once.</summary>
public sealed class MoveReferralHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<MoveReferralCommand, Guid>
{
    public async Task<Guid> Handle(MoveReferralCommand request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The referral");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(referral.Version, expected);
        var now = clock.GetUtcNow().UtcDateTime;
        referral.MoveTo(request.Move.Status, request.Move.LostReason, now);
        if (referral.Status == ReferralStatus.Won) await ReferralRewards.OnWonAsync(db, referral, now, cancellationToken);
        return referral.Id;
    }
}

public sealed record ThankReferrerRequest(string Method, DateTime? ThankedAt);

public sealed record ThankReferrerCommand(Guid Id, ThankReferrerRequest Thanks) : ICommand<Guid>;

public sealed class ThankReferrerValidator : AbstractValidator<ThankReferrerCommand>
{
    public ThankReferrerValidator() => RuleFor(x => x.Thanks.Method).NotEmpty().MaximumLength(200).OverridePropertyName("method");
}

/// <summary>Records how and when the referrer was thanked (always thank the referrer).</summary>
public sealed class ThankReferrerHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<ThankReferrerCommand, Guid>
{
    public async Task<Guid> Handle(ThankReferrerCommand request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The referral");
        var now = clock.GetUtcNow().UtcDateTime;
        referral.Thank(request.Thanks.Method, request.Thanks.ThankedAt?.ToUniversalTime() ?? now);
        db.Entry(referral).State = EntityState.Modified;
        await AutomaticTasks.CloseAsync(db, TaskSource.ReferralThanks, referral.Id, now, cancellationToken);
        return referral.Id;
    }
}
