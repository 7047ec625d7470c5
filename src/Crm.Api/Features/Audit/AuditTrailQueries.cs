using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Audit;

public sealed record AuditEntryDto(Guid Id, DateTime At, Guid? ActorId, string Source, string? TraceId, AuditAction Action, string EntityType, string? EntityId, string? Changes);

/// <summary>The audit trail, newest first: admins see all of it, managers what their team did.</summary>
public sealed record ListAuditQuery : IRequest<Page<AuditEntryDto>>
{
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public Guid? ActorId { get; init; }
    public AuditAction? Action { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class ListAuditValidator : AbstractValidator<ListAuditQuery>
{
    public ListAuditValidator()
    {
        RuleFor(x => x.EntityType).MaximumLength(50);
        RuleFor(x => x.EntityId).MaximumLength(100);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}

public sealed class ListAuditHandler(CrmDbContext db) : IRequestHandler<ListAuditQuery, Page<AuditEntryDto>>
{
    public async Task<Page<AuditEntryDto>> Handle(ListAuditQuery r, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (db.Caller.Role != Role.Admin)
        {
            var team = db.Caller.VisibleOwnerIds;
            entries = entries.Where(e => e.ActorId != null && team.Contains(e.ActorId.Value));
        }
        if (r.EntityType is { Length: > 0 } type) entries = entries.Where(e => e.EntityType == type);
        if (r.EntityId is { Length: > 0 } id) entries = entries.Where(e => e.EntityId == id);
        if (r.ActorId is { } actor) entries = entries.Where(e => e.ActorId == actor);
        if (r.Action is { } action) entries = entries.Where(e => e.Action == action);
        if (r.From is { } from) entries = entries.Where(e => e.At >= from.ToUniversalTime());
        if (r.To is { } to) entries = entries.Where(e => e.At < to.ToUniversalTime());
        return await new Keyset<AuditEntry>(entries, e => e.Id).PageAsync(e => e.At, true, r.Cursor, Paging.Limit(r.Limit),
            q => q.Select(e => new AuditEntryDto(e.Id, e.At, e.ActorId, e.Source, e.TraceId, e.Action, e.EntityType, e.EntityId, e.Changes)), d => (d.At, d.Id), ct);
    }
}

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/audit", async ([AsParameters] ListAuditQuery query, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(query, http.RequestAborted)))
            .WithTags("Audit").RequireAuthorization(AccessPolicies.Audit)
            .WithName("ListAuditTrail").WithSummary("The audit trail: every create, update, delete, sign-in and key use with field-level before/after (Admin; Manager for their team)")
            .Produces<Page<AuditEntryDto>>().ProducesProblem(400);
}
