using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Visits;

public sealed record GetVisitQuery(Guid Id) : IRequest<VisitDto>;

public sealed class GetVisitHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<GetVisitQuery, VisitDto>
{
    public async Task<VisitDto> Handle(GetVisitQuery request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.AsNoTracking().Where(v => v.Id == request.Id)
            .ProjectTo<VisitDto>(mapper.ConfigurationProvider, null, d => d.Events)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The visit");
        return visit.WithAllowedNext() with { Events = [.. visit.Events.OrderBy(e => e.Position)] };
    }
}

/// <summary>
/// The calendar and the mobile "today" list: visits in a time window (planned time, or actual time for logged
/// visits), by visitor, team, customer, status or review state, in time order, keyset-paged.
/// </summary>
public sealed record ListVisitsQuery : IRequest<Page<VisitDto>>
{
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public Guid? VisitorId { get; init; }
    public Guid? TeamId { get; init; }
    public Guid? CustomerId { get; init; }
    public VisitStatus? Status { get; init; }
    public ReviewStatus? ReviewStatus { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class ListVisitsValidator : AbstractValidator<ListVisitsQuery>
{
    public ListVisitsValidator()
    {
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must be after from.");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).MaximumLength(Paging.MaxCursorLength);
    }
}

public sealed class ListVisitsHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<ListVisitsQuery, Page<VisitDto>>
{
    public async Task<Page<VisitDto>> Handle(ListVisitsQuery r, CancellationToken cancellationToken)
    {
        if (r.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
            throw new NotFoundException("The customer");
        var visits = db.Visits.AsNoTracking();
        if (r.From is { } from) visits = visits.Where(v => (v.PlannedStart ?? v.ActualStart) >= from.ToUniversalTime());
        if (r.To is { } to) visits = visits.Where(v => (v.PlannedStart ?? v.ActualStart) < to.ToUniversalTime());
        if (r.VisitorId is { } visitor) visits = visits.Where(v => v.VisitorId == visitor || v.Companions.Any(c => c.UserId == visitor));
        if (r.TeamId is { } team) visits = visits.Where(v => v.Visitor!.TeamId == team);
        if (r.CustomerId is { } customer) visits = visits.Where(v => v.CustomerId == customer);
        if (r.Status is { } status) visits = visits.Where(v => v.Status == status);
        if (r.ReviewStatus is { } review) visits = visits.Where(v => v.ReviewStatus == review);
        var page = await new Keyset<Visit>(visits, v => v.Id).PageAsync(v => v.PlannedStart ?? v.ActualStart, false, r.Cursor, Paging.Limit(r.Limit),
            q => q.ProjectTo<VisitDto>(mapper.ConfigurationProvider), d => (d.PlannedStart ?? d.ActualStart, d.Id), cancellationToken);
        return page with { Items = page.Items.Select(v => v.WithAllowedNext()).ToList() };
    }
}

/// <summary>The manager's review queue: records waiting for review by the caller (oldest first).</summary>
public sealed record ReviewQueueQuery(int? Limit, string? Cursor) : IRequest<Page<VisitDto>>;

public sealed class ReviewQueueHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<ReviewQueueQuery, Page<VisitDto>>
{
    public async Task<Page<VisitDto>> Handle(ReviewQueueQuery request, CancellationToken cancellationToken)
    {
        var caller = db.Caller;
        var visits = db.Visits.AsNoTracking().Where(v => v.ReviewStatus == ReviewStatus.PendingReview && v.VisitorId != caller.UserId);
        if (caller.Role != Role.Admin)
        {
            var reviewable = caller.Role == Role.Manager ? caller.VisibleOwnerIds : [];
            visits = visits.Where(v => reviewable.Contains(v.VisitorId));
        }
        var page = await new Keyset<Visit>(visits, v => v.Id).PageAsync(v => v.ActualStart, false, request.Cursor, Paging.Limit(request.Limit),
            q => q.ProjectTo<VisitDto>(mapper.ConfigurationProvider), d => (d.ActualStart, d.Id), cancellationToken);
        return page with { Items = page.Items.Select(v => v.WithAllowedNext()).ToList() };
    }
}
