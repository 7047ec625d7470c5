using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Tasks;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Visits;

/// <summary>Plans an appointment (约访) with a customer in the caller's scope.</summary>
public sealed record PlanVisitCommand : VisitBasics, ICommand<Guid>
{
    public DateTime PlannedStart { get; init; }
    public DateTime PlannedEnd { get; init; }
}

public sealed class PlanVisitValidator : VisitBasicsValidator<PlanVisitCommand>
{
    public PlanVisitValidator(TimeProvider clock)
    {
        RuleFor(x => x.PlannedStart).NotEmpty()
            .Must(s => s.ToUniversalTime() < clock.GetUtcNow().UtcDateTime.AddYears(2)).WithMessage("Plan visits at most two years ahead.");
        RuleFor(x => x.PlannedEnd).GreaterThan(x => x.PlannedStart).WithMessage("A visit must end after it starts.");
        RuleFor(x => x.PlannedEnd).Must((x, end) => end - x.PlannedStart <= TimeSpan.FromHours(24)).WithMessage("A visit lasts at most 24 hours.");
    }
}

public sealed class PlanVisitHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<PlanVisitCommand, Guid>
{
    public async Task<Guid> Handle(PlanVisitCommand request, CancellationToken cancellationToken)
    {
        var customer = await VisitParticipants.CustomerAsync(db, request.CustomerId, cancellationToken);
        var visitor = await VisitParticipants.VisitorAsync(db, request.VisitorId, cancellationToken);
        var visit = Visit.Plan(customer, visitor, request.Form, request.PlannedStart.ToUniversalTime(), request.PlannedEnd.ToUniversalTime(),
            db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        await VisitParticipants.SetBasicsAsync(db, visit, request, cancellationToken);
        db.Visits.Add(visit);
        return visit.Id;
    }
}

/// <summary>Logs a visit that was not planned, already made, with its record.</summary>
public sealed record LogVisitCommand : VisitBasics, ICommand<Guid>
{
    public VisitRecordInput Record { get; init; } = new();
}

public sealed class LogVisitValidator : VisitBasicsValidator<LogVisitCommand>
{
    public LogVisitValidator(TimeProvider clock) => RuleFor(x => x.Record).NotNull().SetValidator(new VisitRecordValidator(clock));
}

public sealed class LogVisitHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<LogVisitCommand, Guid>
{
    public async Task<Guid> Handle(LogVisitCommand request, CancellationToken cancellationToken)
    {
        var customer = await VisitParticipants.CustomerAsync(db, request.CustomerId, cancellationToken);
        var visitor = await VisitParticipants.VisitorAsync(db, request.VisitorId, cancellationToken);
        if (visitor != db.Caller.UserId) throw new ForbiddenException("A visit record is written by the person who made the visit.");
        var now = clock.GetUtcNow().UtcDateTime;
        var visit = Visit.Log(customer, visitor, request.Form, request.Record.ToRecord(), db.Caller.ActorId, now);
        await VisitParticipants.SetBasicsAsync(db, visit, request, cancellationToken);
        db.Visits.Add(visit);
        await AutomaticTasks.AfterVisitCompletedAsync(db, visit, now, cancellationToken);
        return visit.Id;
    }
}

internal static class VisitParticipants
{
    public static async Task<Customer> CustomerAsync(CrmDbContext db, Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct) ?? throw new NotFoundException("The customer");
        if (customer.IsArchived) throw new ConflictException("An archived customer cannot be visited; restore it first.");
        return customer;
    }

    /// <summary>The visitor is the caller unless a manager plans for someone in their team.</summary>
    public static async Task<Guid> VisitorAsync(CrmDbContext db, Guid? requested, CancellationToken ct)
    {
        var caller = db.Caller;
        var visitor = requested ?? caller.UserId
            ?? throw new ValidationException([new ValidationFailure("visitorId", "Name who makes the visit (visitorId).")]);
        var inScope = caller.SeesAllCustomers || caller.VisibleOwnerIds.Contains(visitor);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == visitor).Select(u => new { u.IsDisabled }).FirstOrDefaultAsync(ct);
        if (user is null || user.IsDisabled || !inScope)
            throw new ValidationException([new ValidationFailure("visitorId", "Not an active colleague you can plan visits for.")]);
        return visitor;
    }

    public static async Task SetBasicsAsync(CrmDbContext db, Visit visit, VisitBasics request, CancellationToken ct)
    {
        var companions = (request.CompanionIds ?? []).Distinct().Where(id => id != visit.VisitorId).ToList();
        if (companions.Count > 0)
        {
            var known = await db.Users.AsNoTracking().Where(u => companions.Contains(u.Id) && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
            var unknown = companions.Except(known).ToList();
            if (unknown.Count > 0)
                throw new ValidationException([new ValidationFailure("companionIds", $"Unknown or disabled colleagues: {string.Join(", ", unknown)}.")]);
        }
        visit.Companions = companions.Select(id => new VisitCompanion { VisitId = visit.Id, UserId = id }).ToList();
        visit.Purposes = (request.Purposes ?? []).Distinct().ToList();
        visit.Agenda = request.Agenda?.Trim();
    }
}
