using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

public sealed record SlaTargetDto(ComplaintSeverity Severity, int RespondHours, int ResolveHours, int PriorityRespondHours, int PriorityResolveHours);

/// <summary>The complaint SLA: targets by severity (priority targets for key accounts and Special/A customers) and the windows.</summary>
public sealed record ComplaintSlaDto(IReadOnlyList<SlaTargetDto> Targets, int ReopenWindowDays, int RecurrenceWindowDays, long Version) : IVersioned;

public sealed record GetComplaintSlaQuery : IRequest<ComplaintSlaDto>;

public sealed class GetComplaintSlaHandler(CrmDbContext db) : IRequestHandler<GetComplaintSlaQuery, ComplaintSlaDto>
{
    public async Task<ComplaintSlaDto> Handle(GetComplaintSlaQuery request, CancellationToken cancellationToken)
    {
        var targets = await db.ComplaintSlaTargets.AsNoTracking().ToListAsync(cancellationToken);
        var reopen = await ComplaintSettings.DaysAsync(db, ComplaintSettings.ReopenWindowKey, ComplaintSettings.DefaultReopenDays, cancellationToken);
        var recurrence = await ComplaintSettings.DaysAsync(db, ComplaintSettings.RecurrenceWindowKey, ComplaintSettings.DefaultRecurrenceDays, cancellationToken);
        return new ComplaintSlaDto(
            targets.OrderByDescending(t => t.Severity).Select(t => new SlaTargetDto(t.Severity, t.RespondHours, t.ResolveHours, t.PriorityRespondHours, t.PriorityResolveHours)).ToList(),
            reopen, recurrence, await ComplaintSettings.DaysAsync(db, ComplaintSettings.SlaVersionKey, 1, cancellationToken));
    }
}

public sealed record UpdateComplaintSlaRequest(IReadOnlyList<SlaTargetDto> Targets, int ReopenWindowDays, int RecurrenceWindowDays);

public sealed record UpdateComplaintSlaCommand(long ExpectedVersion, UpdateComplaintSlaRequest Sla) : ICommand<Unit>;

public sealed class UpdateComplaintSlaValidator : AbstractValidator<UpdateComplaintSlaCommand>
{
    public UpdateComplaintSlaValidator()
    {
        RuleFor(x => x.Sla.ReopenWindowDays).InclusiveBetween(0, 365).OverridePropertyName("reopenWindowDays");
        RuleFor(x => x.Sla.RecurrenceWindowDays).InclusiveBetween(1, 730).OverridePropertyName("recurrenceWindowDays");
        RuleFor(x => x.Sla.Targets).Cascade(CascadeMode.Stop).NotNull().MaxItems(Enum.GetValues<ComplaintSeverity>().Length).Must(t => t.Select(x => x.Severity).Distinct().Count() == t.Count).WithMessage("Each severity at most once.").OverridePropertyName("targets");
        RuleForEach(x => x.Sla.Targets).ChildRules(t =>
        {
            t.RuleFor(x => x.RespondHours).InclusiveBetween(1, 24 * 30);
            t.RuleFor(x => x.ResolveHours).InclusiveBetween(1, 24 * 90).GreaterThanOrEqualTo(x => x.RespondHours);
            t.RuleFor(x => x.PriorityRespondHours).InclusiveBetween(1, 24 * 30).LessThanOrEqualTo(x => x.RespondHours)
                .WithMessage("Priority customers are never answered later than others.");
            t.RuleFor(x => x.PriorityResolveHours).InclusiveBetween(1, 24 * 90).LessThanOrEqualTo(x => x.ResolveHours)
                .WithMessage("Priority customers are never resolved later than others.");
        }).OverridePropertyName("targets");
    }
}

public sealed class UpdateComplaintSlaHandler(CrmDbContext db, IMediator mediator) : IRequestHandler<UpdateComplaintSlaCommand, Unit>
{
    public async Task<Unit> Handle(UpdateComplaintSlaCommand request, CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new GetComplaintSlaQuery(), cancellationToken);
        Preconditions.EnsureVersion(current.Version, request.ExpectedVersion);
        var rows = await db.ComplaintSlaTargets.ToListAsync(cancellationToken);
        foreach (var target in request.Sla.Targets)
        {
            var row = rows.Single(r => r.Severity == target.Severity);
            (row.RespondHours, row.ResolveHours, row.PriorityRespondHours, row.PriorityResolveHours) =
                (target.RespondHours, target.ResolveHours, target.PriorityRespondHours, target.PriorityResolveHours);
            db.Entry(row).State = EntityState.Modified;
        }
        await Save(ComplaintSettings.ReopenWindowKey, request.Sla.ReopenWindowDays);
        await Save(ComplaintSettings.RecurrenceWindowKey, request.Sla.RecurrenceWindowDays);
        await Save(ComplaintSettings.SlaVersionKey, (int)current.Version + 1);
        return Unit.Value;

        async Task Save(string key, int days)
        {
            var value = days.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var setting = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
            if (setting is null) db.SystemSettings.Add(new SystemSetting { Key = key, Value = value });
            else setting.Value = value;
        }
    }
}
