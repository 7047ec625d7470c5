using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

/// <summary>
/// Takes a complaint in: numbered CMP-YYYY-NNNNN, deadlines from the SLA policy (tighter for key accounts and
/// Special/A customers), flagged recurring when the customer complained in the same category within the window
/// (90 days by default), and assigned to a service agent or the account manager (default: the account manager).
/// </summary>
public sealed record LogComplaintCommand : ICommand<Guid>
{
    public Guid CustomerId { get; init; }
    public Guid? ContactId { get; init; }
    public Guid? PurchaseId { get; init; }
    public ComplaintChannel Channel { get; init; }
    public ComplaintCategory Category { get; init; }
    public ComplaintSeverity Severity { get; init; }
    public string Description { get; init; } = "";
    /// <summary>When the customer complained; defaults to now.</summary>
    public DateTime? ReceivedAt { get; init; }
    public Guid? AssigneeId { get; init; }
}

public sealed class LogComplaintValidator : AbstractValidator<LogComplaintCommand>
{
    public const int DescriptionMax = 4000;

    public LogComplaintValidator(TimeProvider clock)
    {
        RuleFor(x => x.CustomerId).NotEmpty();
        RuleFor(x => x.Description).NotEmpty().MaximumLength(DescriptionMax);
        RuleFor(x => x.ReceivedAt).Must(r => r is null || r.Value.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            .WithMessage("A complaint cannot be received in the future.");
    }
}

public sealed class LogComplaintHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<LogComplaintCommand, Guid>
{
    public async Task<Guid> Handle(LogComplaintCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken) ?? throw new NotFoundException("The customer");
        if (request.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.CustomerId == customer.Id, cancellationToken))
            throw new ValidationException([new ValidationFailure("contactId", "Not a contact of this customer.")]);
        if (request.PurchaseId is { } purchaseId && !await db.Purchases.AnyAsync(p => p.Id == purchaseId && p.CustomerId == customer.Id, cancellationToken))
            throw new ValidationException([new ValidationFailure("purchaseId", "Not a purchase of this customer.")]);
        var now = clock.GetUtcNow().UtcDateTime;
        var received = request.ReceivedAt?.ToUniversalTime() ?? now;

        var target = await db.ComplaintSlaTargets.AsNoTracking().SingleAsync(t => t.Severity == request.Severity, cancellationToken);
        var (respond, resolve) = target.For(customer);
        var window = await ComplaintSettings.RecurrenceWindowAsync(db, cancellationToken);
        var since = received - window;
        var previous = await db.Complaints.AsNoTracking()
            .Where(c => c.CustomerId == customer.Id && c.Category == request.Category && c.ReceivedAt >= since && c.ReceivedAt <= received)
            .OrderByDescending(c => c.ReceivedAt).FirstOrDefaultAsync(cancellationToken);

        var complaint = new Complaint
        {
            Number = $"CMP-{received.Year}-{await SequenceNumbers.NextAsync(db, $"complaint-{received.Year}", cancellationToken):00000}",
            CustomerId = customer.Id, ContactId = request.ContactId, PurchaseId = request.PurchaseId, Channel = request.Channel,
            Category = request.Category, Severity = request.Severity, Description = request.Description.Trim(), ReceivedAt = received,
        };
        complaint.Intake(respond, resolve, previous, db.Caller.ActorId, now);
        complaint.Assign(await ComplaintAssignees.ResolveAsync(db, customer, request.AssigneeId, cancellationToken), db.Caller.ActorId, now);
        db.Complaints.Add(complaint);
        return complaint.Id;
    }
}

internal static class ComplaintAssignees
{
    /// <summary>A complaint is handled by a service agent or by the customer's account manager.</summary>
    public static async Task<Guid> ResolveAsync(CrmDbContext db, Customer customer, Guid? requested, CancellationToken ct)
    {
        var assignee = requested ?? customer.OwnerId;
        if (assignee == customer.OwnerId) return assignee;
        var isAgent = await db.Users.AnyAsync(u => u.Id == assignee && !u.IsDisabled && u.Role == Role.Service, ct);
        if (!isAgent) throw new ValidationException([new ValidationFailure("assigneeId", "Assign to a service agent or to the customer's account manager.")]);
        return assignee;
    }
}

internal static class ComplaintSettings
{
    public const string ReopenWindowKey = "complaints.reopen-window-days";
    public const string RecurrenceWindowKey = "complaints.recurrence-window-days";
    /// <summary>The ETag of the whole SLA settings document.</summary>
    public const string SlaVersionKey = "complaints.sla-version";
    public const int DefaultReopenDays = 30;
    public const int DefaultRecurrenceDays = 90;

    public static async Task<TimeSpan> ReopenWindowAsync(CrmDbContext db, CancellationToken ct) => TimeSpan.FromDays(await DaysAsync(db, ReopenWindowKey, DefaultReopenDays, ct));

    public static async Task<TimeSpan> RecurrenceWindowAsync(CrmDbContext db, CancellationToken ct) => TimeSpan.FromDays(await DaysAsync(db, RecurrenceWindowKey, DefaultRecurrenceDays, ct));

    public static async Task<int> DaysAsync(CrmDbContext db, string key, int fallback, CancellationToken ct)
    {
        var value = await db.SystemSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : fallback;
    }
}
