using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Tasks;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

/// <summary>Moves the complaint along: acknowledge (the first response), investigate, or reopen with a reason.</summary>
public enum ComplaintStep { Acknowledge, Investigate, Reopen }

public sealed record AdvanceComplaintRequest(ComplaintStep Step, string? Reason);

public sealed record AdvanceComplaintCommand(Guid Id, long? ExpectedVersion, AdvanceComplaintRequest Request) : ICommand<Guid>;

public sealed class AdvanceComplaintValidator : AbstractValidator<AdvanceComplaintCommand>
{
    public AdvanceComplaintValidator() => RuleFor(x => x.Request.Reason).MaximumLength(1000).OverridePropertyName("reason");
}

public sealed class AdvanceComplaintHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<AdvanceComplaintCommand, Guid>
{
    public async Task<Guid> Handle(AdvanceComplaintCommand request, CancellationToken cancellationToken)
    {
        var complaint = await ComplaintLoader.LoadAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        var (actor, now) = (db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        switch (request.Request.Step)
        {
            case ComplaintStep.Acknowledge: complaint.Acknowledge(actor, now); break;
            case ComplaintStep.Investigate: complaint.Investigate(actor, now); break;
            case ComplaintStep.Reopen: complaint.Reopen(request.Request.Reason, await ComplaintSettings.ReopenWindowAsync(db, cancellationToken), actor, now); break;
        }
        return complaint.Id;
    }
}

public sealed record AssignComplaintRequest(Guid AssigneeId);

public sealed record AssignComplaintCommand(Guid Id, long? ExpectedVersion, Guid AssigneeId) : ICommand<Guid>;

public sealed class AssignComplaintHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<AssignComplaintCommand, Guid>
{
    public async Task<Guid> Handle(AssignComplaintCommand request, CancellationToken cancellationToken)
    {
        var complaint = await ComplaintLoader.LoadAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == complaint.CustomerId, cancellationToken);
        complaint.Assign(await ComplaintAssignees.ResolveAsync(db, customer, request.AssigneeId, cancellationToken), db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        return complaint.Id;
    }
}

/// <summary>承诺时间: commit to resolve by a time; later than the policy allows only with a reason.</summary>
public sealed record CommitResolutionRequest(DateTime CommittedAt, string? Reason);

public sealed record CommitResolutionCommand(Guid Id, long? ExpectedVersion, CommitResolutionRequest Commitment) : ICommand<Guid>;

public sealed class CommitResolutionValidator : AbstractValidator<CommitResolutionCommand>
{
    public CommitResolutionValidator() => RuleFor(x => x.Commitment.Reason).MaximumLength(500).OverridePropertyName("reason");
}

public sealed class CommitResolutionHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<CommitResolutionCommand, Guid>
{
    public async Task<Guid> Handle(CommitResolutionCommand request, CancellationToken cancellationToken)
    {
        var complaint = await ComplaintLoader.LoadAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == complaint.CustomerId, cancellationToken);
        var target = await db.ComplaintSlaTargets.AsNoTracking().SingleAsync(t => t.Severity == complaint.Severity, cancellationToken);
        var policyDue = complaint.ReceivedAt + target.For(customer).Resolve;
        var committed = request.Commitment.CommittedAt.ToUniversalTime();
        if (committed > policyDue && string.IsNullOrWhiteSpace(request.Commitment.Reason))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("reason", "Committing to a later time than the policy allows needs a reason.")]);
        complaint.Commit(committed, request.Commitment.Reason?.Trim(), policyDue, db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        return complaint.Id;
    }
}

public sealed record ResolveComplaintRequest
{
    public bool IsFactual { get; init; }
    public ResolutionType? ResolutionType { get; init; }
    public string? RootCause { get; init; }
    public string? CorrectiveAction { get; init; }
    public string? Explanation { get; init; }
    public string? GoodwillDescription { get; init; }
    public decimal? GoodwillValue { get; init; }
}

public sealed record ResolveComplaintCommand(Guid Id, long? ExpectedVersion, ResolveComplaintRequest Resolution) : ICommand<Guid>;

public sealed class ResolveComplaintValidator : AbstractValidator<ResolveComplaintCommand>
{
    public ResolveComplaintValidator()
    {
        RuleFor(x => x.Resolution.ResolutionType).NotNull().When(x => x.Resolution.IsFactual)
            .WithMessage("A factual complaint needs a resolution type (repair, replacement, return, refund, remedy agreed, compensation).").OverridePropertyName("resolutionType");
        RuleFor(x => x.Resolution.RootCause).NotEmpty().When(x => x.Resolution.IsFactual)
            .WithMessage("A factual complaint is resolved only with its root cause.").OverridePropertyName("rootCause");
        RuleFor(x => x.Resolution.CorrectiveAction).NotEmpty().When(x => x.Resolution.IsFactual)
            .WithMessage("A factual complaint is resolved only with the corrective action that stops it recurring.").OverridePropertyName("correctiveAction");
        RuleFor(x => x.Resolution.Explanation).NotEmpty().When(x => !x.Resolution.IsFactual)
            .WithMessage("Explain to the customer why the complaint was not factual.").OverridePropertyName("explanation");
        RuleFor(x => x.Resolution.RootCause).MaximumLength(2000).OverridePropertyName("rootCause");
        RuleFor(x => x.Resolution.CorrectiveAction).MaximumLength(2000).OverridePropertyName("correctiveAction");
        RuleFor(x => x.Resolution.Explanation).MaximumLength(2000).OverridePropertyName("explanation");
        RuleFor(x => x.Resolution.GoodwillDescription).MaximumLength(500).OverridePropertyName("goodwillDescription");
        RuleFor(x => x.Resolution.GoodwillValue).InclusiveBetween(0, 10_000_000).OverridePropertyName("goodwillValue");
    }
}

public sealed class ResolveComplaintHandler(CrmDbContext db, TimeProvider clock, OrganisationCalendar calendar) : IRequestHandler<ResolveComplaintCommand, Guid>
{
    /// <summary>The corrective action is checked two weeks after resolution.</summary>
    private const int CorrectiveActionDays = 14;

    public async Task<Guid> Handle(ResolveComplaintCommand request, CancellationToken cancellationToken)
    {
        var complaint = await ComplaintLoader.LoadAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        var r = request.Resolution;
        complaint.Resolve(new ComplaintResolution(r.IsFactual, r.ResolutionType, r.RootCause, r.CorrectiveAction, r.Explanation, r.GoodwillDescription, r.GoodwillValue),
            db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        // Removing the root cause is work for the complaint's owner: it becomes a task that closes with the complaint.
        if (complaint.CorrectiveAction is { Length: > 0 } action)
        {
            var owner = complaint.AssigneeId ?? await db.Customers.Where(c => c.Id == complaint.CustomerId).Select(c => c.OwnerId).SingleAsync(cancellationToken);
            await AutomaticTasks.EnsureAsync(db, TaskSource.ComplaintAction, complaint.Id, () => new TaskItem
            {
                Title = $"改进措施 Corrective action {complaint.Number}", Description = action, CustomerId = complaint.CustomerId, AssigneeId = owner,
                DueDate = calendar.Today.AddDays(CorrectiveActionDays), Priority = TaskItemPriority.High,
            }, cancellationToken);
        }
        return complaint.Id;
    }
}

/// <summary>回访: the follow-up call closes the complaint with the customer's satisfaction (1–5).</summary>
public sealed record CloseComplaintRequest(int Satisfaction, string? Comment);

public sealed record CloseComplaintCommand(Guid Id, long? ExpectedVersion, CloseComplaintRequest FollowUp) : ICommand<Guid>;

public sealed class CloseComplaintValidator : AbstractValidator<CloseComplaintCommand>
{
    public CloseComplaintValidator()
    {
        RuleFor(x => x.FollowUp.Satisfaction).InclusiveBetween(1, 5).WithMessage("Satisfaction is a score from 1 to 5.").OverridePropertyName("satisfaction");
        RuleFor(x => x.FollowUp.Comment).MaximumLength(1000).OverridePropertyName("comment");
    }
}

public sealed class CloseComplaintHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<CloseComplaintCommand, Guid>
{
    public async Task<Guid> Handle(CloseComplaintCommand request, CancellationToken cancellationToken)
    {
        var complaint = await ComplaintLoader.LoadAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        complaint.Close(request.FollowUp.Satisfaction, request.FollowUp.Comment, db.Caller.ActorId, now);
        await AutomaticTasks.CloseAsync(db, TaskSource.ComplaintAction, complaint.Id, now, cancellationToken);
        return complaint.Id;
    }
}

public sealed record CommentOnComplaintRequest(string Text);

public sealed record CommentOnComplaintCommand(Guid Id, CommentOnComplaintRequest Comment) : ICommand<Guid>;

public sealed class CommentOnComplaintValidator : AbstractValidator<CommentOnComplaintCommand>
{
    public CommentOnComplaintValidator() => RuleFor(x => x.Comment.Text).NotEmpty().MaximumLength(2000).OverridePropertyName("text");
}

public sealed class CommentOnComplaintHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<CommentOnComplaintCommand, Guid>
{
    public async Task<Guid> Handle(CommentOnComplaintCommand request, CancellationToken cancellationToken)
    {
        var complaint = await ComplaintLoader.LoadAsync(db, request.Id, null, cancellationToken);
        complaint.Comment(request.Comment.Text.Trim(), db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        db.Entry(complaint).State = EntityState.Modified;
        return complaint.Id;
    }
}

internal static class ComplaintLoader
{
    public static async Task<Complaint> LoadAsync(CrmDbContext db, Guid id, long? expectedVersion, CancellationToken ct)
    {
        var complaint = await db.Complaints.Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("The complaint");
        if (expectedVersion is { } expected) Preconditions.EnsureVersion(complaint.Version, expected);
        return complaint;
    }
}
