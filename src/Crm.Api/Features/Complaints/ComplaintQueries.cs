using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

public sealed record GetComplaintQuery(Guid Id) : IRequest<ComplaintDto>;

public sealed class GetComplaintHandler(CrmDbContext db, IMapper mapper, TimeProvider clock) : IRequestHandler<GetComplaintQuery, ComplaintDto>
{
    public async Task<ComplaintDto> Handle(GetComplaintQuery request, CancellationToken cancellationToken) =>
        (await db.Complaints.AsNoTracking().Where(c => c.Id == request.Id).ProjectTo<ComplaintDto>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The complaint")).At(clock.GetUtcNow().UtcDateTime);
}

public enum SlaFilter { Breached, AtRisk, Open }

/// <summary>
/// The complaint desk's queue. <c>sla=breached|at-risk</c> picks unresolved complaints past their committed time or
/// with less than 20% of it left; <c>sort=due</c> (default) orders by committed time, <c>sort=-received</c> newest first.
/// </summary>
public sealed record ListComplaintsQuery : IRequest<Page<ComplaintDto>>
{
    public string? Sla { get; init; }
    public ComplaintStatus? Status { get; init; }
    public ComplaintCategory? Category { get; init; }
    public ComplaintSeverity? Severity { get; init; }
    public ComplaintChannel? Channel { get; init; }
    public Guid? AssigneeId { get; init; }
    public Guid? CustomerId { get; init; }
    public bool? IsRecurring { get; init; }
    public string? Sort { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class ListComplaintsValidator : AbstractValidator<ListComplaintsQuery>
{
    public ListComplaintsValidator()
    {
        RuleFor(x => x.Sla).OneOf("breached", "at-risk", "open").WithMessage("sla is breached, at-risk or open.");
        RuleFor(x => x.Sort).OneOf("due", "-due", "received", "-received").WithMessage("sort is due, -due, received or -received.");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).MaximumLength(Paging.MaxCursorLength);
    }
}

public sealed class ListComplaintsHandler(CrmDbContext db, IMapper mapper, TimeProvider clock) : IRequestHandler<ListComplaintsQuery, Page<ComplaintDto>>
{
    public async Task<Page<ComplaintDto>> Handle(ListComplaintsQuery r, CancellationToken cancellationToken)
    {
        if (r.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken)) throw new NotFoundException("The customer");
        var now = clock.GetUtcNow().UtcDateTime;
        var complaints = db.Complaints.AsNoTracking();
        var unresolved = Complaint.UnresolvedStatuses;
        complaints = r.Sla switch
        {
            "breached" => complaints.Where(c => unresolved.Contains(c.Status) && c.ResolutionDueAt <= now),
            "at-risk" => complaints.Where(c => unresolved.Contains(c.Status) && c.AtRiskFrom <= now && c.ResolutionDueAt > now),
            "open" => complaints.Where(c => unresolved.Contains(c.Status)),
            _ => complaints,
        };
        if (r.Status is { } status) complaints = complaints.Where(c => c.Status == status);
        if (r.Category is { } category) complaints = complaints.Where(c => c.Category == category);
        if (r.Severity is { } severity) complaints = complaints.Where(c => c.Severity == severity);
        if (r.Channel is { } channel) complaints = complaints.Where(c => c.Channel == channel);
        if (r.AssigneeId is { } assignee) complaints = complaints.Where(c => c.AssigneeId == assignee);
        if (r.CustomerId is { } customer) complaints = complaints.Where(c => c.CustomerId == customer);
        if (r.IsRecurring is { } recurring) complaints = complaints.Where(c => c.IsRecurring == recurring);

        var keyset = new Keyset<Complaint>(complaints, c => c.Id);
        var limit = Paging.Limit(r.Limit);
        Func<IQueryable<Complaint>, IQueryable<ComplaintDto>> project = q => q.ProjectTo<ComplaintDto>(mapper.ConfigurationProvider);
        var page = r.Sort?.TrimStart('-') == "received"
            ? await keyset.PageAsync(c => c.ReceivedAt, r.Sort.StartsWith('-'), r.Cursor, limit, project, d => (d.ReceivedAt, d.Id), cancellationToken)
            : await keyset.PageAsync(c => c.ResolutionDueAt, r.Sort?.StartsWith('-') == true, r.Cursor, limit, project, d => (d.ResolutionDueAt, d.Id), cancellationToken);
        return page with { Items = page.Items.Select(c => c.At(now)).ToList() };
    }
}

public sealed record ComplaintEventsQuery(Guid Id) : IRequest<Page<ComplaintEventDto>>;

public sealed class ComplaintEventsHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<ComplaintEventsQuery, Page<ComplaintEventDto>>
{
    public async Task<Page<ComplaintEventDto>> Handle(ComplaintEventsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Complaints.AnyAsync(c => c.Id == request.Id, cancellationToken)) throw new NotFoundException("The complaint");
        var events = await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == request.Id).OrderBy(e => e.Position)
            .Take(1000).ProjectTo<ComplaintEventDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
        return new Page<ComplaintEventDto>(events, null);
    }
}
