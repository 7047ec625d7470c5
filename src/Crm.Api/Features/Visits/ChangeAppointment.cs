using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Tasks;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Visits;

/// <summary>
/// The appointment's life (约访): confirm, reschedule (the old time is kept in the history), cancelled by the
/// customer or by us, no-show. The manuals complain that broken appointments waste time and money, so each is kept.
/// </summary>
public enum AppointmentChange { Confirm, Reschedule, CancelByCustomer, CancelByUs, NoShow }

public sealed record ChangeAppointmentRequest
{
    public AppointmentChange Change { get; init; }
    public DateTime? NewStart { get; init; }
    public DateTime? NewEnd { get; init; }
    public string? Reason { get; init; }
}

public sealed record ChangeAppointmentCommand(Guid Id, long? ExpectedVersion, ChangeAppointmentRequest Change) : ICommand<Guid>;

public sealed class ChangeAppointmentValidator : AbstractValidator<ChangeAppointmentCommand>
{
    public ChangeAppointmentValidator()
    {
        RuleFor(x => x.Change.NewStart).NotNull().When(x => x.Change.Change == AppointmentChange.Reschedule)
            .WithMessage("A new time is needed to reschedule.").OverridePropertyName("newStart");
        RuleFor(x => x.Change.NewEnd).NotNull().GreaterThan(x => x.Change.NewStart).When(x => x.Change.Change == AppointmentChange.Reschedule)
            .WithMessage("A visit must end after it starts.").OverridePropertyName("newEnd");
        RuleFor(x => x.Change.Reason).MaximumLength(500).OverridePropertyName("reason");
    }
}

public sealed class ChangeAppointmentHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<ChangeAppointmentCommand, Guid>
{
    public async Task<Guid> Handle(ChangeAppointmentCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.Include(v => v.Events).FirstOrDefaultAsync(v => v.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The visit");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(visit.Version, expected);
        var (actor, now, change) = (db.Caller.ActorId, clock.GetUtcNow().UtcDateTime, request.Change);
        switch (change.Change)
        {
            case AppointmentChange.Confirm: visit.Confirm(actor, now); break;
            case AppointmentChange.Reschedule: visit.Reschedule(change.NewStart!.Value.ToUniversalTime(), change.NewEnd!.Value.ToUniversalTime(), change.Reason, actor, now); break;
            case AppointmentChange.CancelByCustomer: visit.Cancel(true, change.Reason, actor, now); break;
            case AppointmentChange.CancelByUs: visit.Cancel(false, change.Reason, actor, now); break;
            case AppointmentChange.NoShow: visit.MarkNoShow(actor, now); break;
        }
        return visit.Id;
    }
}

/// <summary>Completes a planned visit with its record; the record goes to the manager for review.</summary>
public sealed record CompleteVisitCommand(Guid Id, long? ExpectedVersion, VisitRecordInput Record) : ICommand<Guid>;

public sealed class CompleteVisitValidator : AbstractValidator<CompleteVisitCommand>
{
    public CompleteVisitValidator(TimeProvider clock) => RuleFor(x => x.Record).SetValidator(new VisitRecordValidator(clock)).OverridePropertyName("");
}

public sealed class CompleteVisitHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<CompleteVisitCommand, Guid>
{
    public async Task<Guid> Handle(CompleteVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.Include(v => v.Events).FirstOrDefaultAsync(v => v.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The visit");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(visit.Version, expected);
        if (visit.VisitorId != db.Caller.UserId) throw new ForbiddenException("A visit record is written by the person who made the visit.");
        var now = clock.GetUtcNow().UtcDateTime;
        visit.Complete(request.Record.ToRecord(), now, db.Caller.ActorId);
        await AutomaticTasks.AfterVisitCompletedAsync(db, visit, now, cancellationToken);
        return visit.Id;
    }
}

/// <summary>
/// Edits the record: its author while it waits or after it was returned; once approved it is locked and only the
/// visitor's manager (or an admin) may correct it, which the history records.
/// </summary>
public sealed record EditVisitRecordCommand(Guid Id, long ExpectedVersion, VisitRecordInput Record) : ICommand<Guid>;

public sealed class EditVisitRecordValidator : AbstractValidator<EditVisitRecordCommand>
{
    public EditVisitRecordValidator(TimeProvider clock) => RuleFor(x => x.Record).SetValidator(new VisitRecordValidator(clock)).OverridePropertyName("");
}

public sealed class EditVisitRecordHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<EditVisitRecordCommand, Guid>
{
    public async Task<Guid> Handle(EditVisitRecordCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.Include(v => v.Events).FirstOrDefaultAsync(v => v.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The visit");
        Preconditions.EnsureVersion(visit.Version, request.ExpectedVersion);
        var byReviewer = Reviewers.MayReview(db.Caller, visit.VisitorId);
        if (visit.VisitorId != db.Caller.UserId && !byReviewer) throw new ForbiddenException("Only the visitor, or their manager, edits a visit record.");
        if (visit.VisitorId != db.Caller.UserId && visit.ReviewStatus != ReviewStatus.Approved)
            throw new ForbiddenException("The visitor writes their own record; a manager corrects it only once it is approved.");
        visit.EditRecord(request.Record.ToRecord(), byReviewer && visit.VisitorId != db.Caller.UserId, db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        return visit.Id;
    }
}

public sealed record ResubmitVisitCommand(Guid Id, long? ExpectedVersion) : ICommand<Guid>;

public sealed class ResubmitVisitHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<ResubmitVisitCommand, Guid>
{
    public async Task<Guid> Handle(ResubmitVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.Include(v => v.Events).FirstOrDefaultAsync(v => v.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The visit");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(visit.Version, expected);
        if (visit.VisitorId != db.Caller.UserId) throw new ForbiddenException("Only the visitor resubmits their record.");
        visit.Resubmit(db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        return visit.Id;
    }
}

/// <summary>核查及存档: the visitor's team manager, or an admin, approves the record or returns it with a comment.</summary>
public enum ReviewDecision { Approve, Return }

public sealed record ReviewVisitRequest(ReviewDecision Decision, string? Comment);

public sealed record ReviewVisitCommand(Guid Id, long? ExpectedVersion, ReviewVisitRequest Review) : ICommand<Guid>;

public sealed class ReviewVisitValidator : AbstractValidator<ReviewVisitCommand>
{
    public ReviewVisitValidator()
    {
        RuleFor(x => x.Review.Comment).NotEmpty().When(x => x.Review.Decision == ReviewDecision.Return)
            .WithMessage("Say what the record is missing when returning it.").OverridePropertyName("comment");
        RuleFor(x => x.Review.Comment).MaximumLength(1000).OverridePropertyName("comment");
    }
}

public sealed class ReviewVisitHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<ReviewVisitCommand, Guid>
{
    public async Task<Guid> Handle(ReviewVisitCommand request, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.Include(v => v.Events).FirstOrDefaultAsync(v => v.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The visit");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(visit.Version, expected);
        var reviewer = db.Caller.UserId ?? throw new ForbiddenException("Visit records are reviewed by a manager.");
        if (reviewer == visit.VisitorId) throw new ForbiddenException("Nobody reviews their own visit record.");
        if (!Reviewers.MayReview(db.Caller, visit.VisitorId)) throw new ForbiddenException("Only the visitor's team manager or an admin reviews this record.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Review.Decision == ReviewDecision.Approve) visit.Approve(reviewer, request.Review.Comment, now);
        else visit.Return(reviewer, request.Review.Comment!, now);
        return visit.Id;
    }
}

internal static class Reviewers
{
    /// <summary>Admins review anyone's records; a manager those of the people in the teams they manage.</summary>
    public static bool MayReview(Caller caller, Guid visitorId) =>
        caller.UserId != visitorId && (caller.Role == Role.Admin || (caller.Role == Role.Manager && caller.VisibleOwnerIds.Contains(visitorId)));
}
