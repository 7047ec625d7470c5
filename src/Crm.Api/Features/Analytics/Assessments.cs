using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Tasks;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

public sealed record ScorecardTemplateDto(Guid Id, string Name, int TemplateVersion, IReadOnlyList<ScorecardIndicator> Indicators, DateTime CreatedAt);

public sealed record IndicatorScoreDto(string Key, string Name, int Weight, int Score, decimal Weighted);

/// <summary>An assessment with its inputs: each indicator's weight and score, so the total and grade can be checked by hand.</summary>
public sealed record AssessmentDto(Guid Id, Guid CustomerId, Guid TemplateId, int TemplateVersion, IReadOnlyList<IndicatorScoreDto> Scores, decimal Total, string Grade,
    Recommendation Suggested, Recommendation Recommendation, string? OverrideReason, string? Notes, DateOnly AssessedOn, Guid? AssessedBy);

public sealed record GetScorecardTemplateQuery : IRequest<ScorecardTemplateDto>;

public sealed class GetScorecardTemplateHandler(CrmDbContext db) : IRequestHandler<GetScorecardTemplateQuery, ScorecardTemplateDto>
{
    public async Task<ScorecardTemplateDto> Handle(GetScorecardTemplateQuery request, CancellationToken ct)
    {
        var t = await db.ScorecardTemplates.AsNoTracking().SingleAsync(t => t.IsCurrent, ct);
        return new ScorecardTemplateDto(t.Id, t.Name, t.TemplateVersion, t.Indicators, t.CreatedAt);
    }
}

/// <summary>Replaces the scorecard with a new version (admins); earlier assessments keep the version they used.</summary>
public sealed record UpdateScorecardTemplateCommand(string Name, IReadOnlyList<ScorecardIndicator> Indicators) : ICommand<Unit>;

public sealed class UpdateScorecardTemplateValidator : AbstractValidator<UpdateScorecardTemplateCommand>
{
    public UpdateScorecardTemplateValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Indicators).Cascade(CascadeMode.Stop).NotEmpty().MaxItems(20)
            .Must(i => i.Sum(x => x.Weight) == 100).WithMessage("The indicators' weights must sum to 100.")
            .Must(i => i.Select(x => x.Key).Distinct().Count() == i.Count).WithMessage("Indicator keys must differ.");
        RuleForEach(x => x.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Key).NotEmpty().MaximumLength(40).Matches("^[a-z0-9-]+$");
            i.RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            i.RuleFor(x => x.Weight).InclusiveBetween(1, 100);
        });
    }
}

public sealed class UpdateScorecardTemplateHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<UpdateScorecardTemplateCommand, Unit>
{
    public async Task<Unit> Handle(UpdateScorecardTemplateCommand request, CancellationToken ct)
    {
        ScorecardTemplate.EnsureWeightsSumTo100(request.Indicators.ToList());
        var current = await db.ScorecardTemplates.SingleAsync(t => t.IsCurrent, ct);
        current.IsCurrent = false;
        db.ScorecardTemplates.Add(new ScorecardTemplate
        {
            Name = request.Name.Trim(), TemplateVersion = current.TemplateVersion + 1, IsCurrent = true,
            Indicators = request.Indicators.Select(i => i with { Key = i.Key.Trim(), Name = i.Name.Trim() }).ToList(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return Unit.Value;
    }
}

public sealed record AssessCustomerRequest(IReadOnlyDictionary<string, int> Scores, Recommendation? Recommendation, string? OverrideReason, string? Notes);

/// <summary>
/// Fills in the current scorecard for a customer: total = weighted sum, grade by thresholds, a suggested
/// recommendation that the assessor may override with a reason. "Improve" asks the account manager for an improvement plan (a task).
/// </summary>
public sealed record AssessCustomerCommand(Guid CustomerId, AssessCustomerRequest Assessment) : ICommand<Guid>;

public sealed class AssessCustomerValidator : AbstractValidator<AssessCustomerCommand>
{
    public AssessCustomerValidator()
    {
        RuleFor(x => x.Assessment.Scores).NotEmpty().OverridePropertyName("scores");
        RuleFor(x => x.Assessment.Scores).ValuesBetween(0, 100).WithMessage("Scores run from 0 to 100.").OverridePropertyName("scores");
        RuleFor(x => x.Assessment.OverrideReason).MaximumLength(500).OverridePropertyName("overrideReason");
        RuleFor(x => x.Assessment.Notes).MaximumLength(2000).OverridePropertyName("notes");
    }
}

public sealed class AssessCustomerHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<AssessCustomerCommand, Guid>
{
    private const int ImprovementPlanDays = 14;

    public async Task<Guid> Handle(AssessCustomerCommand request, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == request.CustomerId, ct) ?? throw new NotFoundException("The customer");
        var template = await db.ScorecardTemplates.AsNoTracking().SingleAsync(t => t.IsCurrent, ct);
        var scores = request.Assessment.Scores.ToDictionary(s => s.Key, s => s.Value);
        var missing = template.Indicators.Select(i => i.Key).Except(scores.Keys).ToList();
        var unknown = scores.Keys.Except(template.Indicators.Select(i => i.Key)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
            throw new ValidationException([new ValidationFailure("scores",
                $"Score every indicator once. Missing: {string.Join(", ", missing)}; unknown: {string.Join(", ", unknown)}.")]);
        var total = template.TotalOf(scores);
        var grade = ScorecardTemplate.GradeOf(total);
        var suggested = ScorecardTemplate.SuggestionFor(grade);
        var chosen = request.Assessment.Recommendation ?? suggested;
        if (chosen != suggested && string.IsNullOrWhiteSpace(request.Assessment.OverrideReason))
            throw new ValidationException([new ValidationFailure("overrideReason", $"The grade {grade} suggests {suggested}; say why you recommend {chosen}.")]);
        var today = calendar.Today;
        var assessment = new Assessment
        {
            CustomerId = customer.Id, TemplateId = template.Id, Scores = scores, Total = total, Grade = grade, Suggested = suggested, Recommendation = chosen,
            OverrideReason = chosen == suggested ? null : request.Assessment.OverrideReason!.Trim(), Notes = request.Assessment.Notes?.Trim(), AssessedOn = today,
        };
        db.Assessments.Add(assessment);
        customer.LatestGrade = grade;
        customer.LastAssessedOn = today;
        if (chosen != Recommendation.Improve)
        {
            // A later assessment that no longer asks for improvement closes the improvement tasks it superseded.
            var open = await db.Tasks.IgnoreQueryFilters()
                .Where(t => t.Source == TaskSource.AssessmentAction && t.CustomerId == customer.Id && (t.Status == TaskItemStatus.ToDo || t.Status == TaskItemStatus.InProgress))
                .ToListAsync(ct);
            foreach (var task in open) task.CloseBySource(calendar.StartOfDayUtc(today));
        }
        if (chosen == Recommendation.Improve)
            await AutomaticTasks.EnsureAsync(db, TaskSource.AssessmentAction, assessment.Id, () => new TaskItem
            {
                Title = $"改进关系 Improve the relationship: {customer.Name}", Description = $"Assessment grade {grade} ({total}).",
                CustomerId = customer.Id, AssigneeId = customer.OwnerId, DueDate = today.AddDays(ImprovementPlanDays), Priority = TaskItemPriority.High,
            }, ct);
        return assessment.Id;
    }
}

public sealed record ListAssessmentsQuery(Guid CustomerId) : IRequest<Page<AssessmentDto>>;

public sealed class ListAssessmentsHandler(CrmDbContext db) : IRequestHandler<ListAssessmentsQuery, Page<AssessmentDto>>
{
    public async Task<Page<AssessmentDto>> Handle(ListAssessmentsQuery request, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, ct)) throw new NotFoundException("The customer");
        var rows = await db.Assessments.AsNoTracking().Where(a => a.CustomerId == request.CustomerId)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt).Take(100).ToListAsync(ct);
        var templateIds = rows.Select(a => a.TemplateId).Distinct().ToList();
        var templates = await db.ScorecardTemplates.AsNoTracking().Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return new Page<AssessmentDto>(rows.Select(a => AssessmentView.Of(a, templates[a.TemplateId])).ToList(), null);
    }
}

public sealed record GetAssessmentQuery(Guid Id) : IRequest<AssessmentDto>;

public sealed class GetAssessmentHandler(CrmDbContext db) : IRequestHandler<GetAssessmentQuery, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(GetAssessmentQuery request, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new NotFoundException("The assessment");
        var t = await db.ScorecardTemplates.AsNoTracking().SingleAsync(x => x.Id == a.TemplateId, ct);
        return AssessmentView.Of(a, t);
    }
}

internal static class AssessmentView
{
    public static AssessmentDto Of(Assessment a, ScorecardTemplate t) => new(a.Id, a.CustomerId, t.Id, t.TemplateVersion,
        t.Indicators.Select(i => new IndicatorScoreDto(i.Key, i.Name, i.Weight, a.Scores.GetValueOrDefault(i.Key), Math.Round(i.Weight * (decimal)a.Scores.GetValueOrDefault(i.Key) / 100, 2))).ToList(),
        a.Total, a.Grade, a.Suggested, a.Recommendation, a.OverrideReason, a.Notes, a.AssessedOn, a.CreatedBy);
}

public sealed record AssessmentDueDto(Guid CustomerId, string Name, string Code, CustomerLevel Level, Guid OwnerId, string? LatestGrade, DateOnly? LastAssessedOn);

/// <summary>Active customers in scope not assessed for the given number of months (default 6), never-assessed first.</summary>
public sealed record AssessmentsDueQuery(int? Months, int? Limit, string? Cursor) : IRequest<Page<AssessmentDueDto>>;

public sealed class AssessmentsDueValidator : AbstractValidator<AssessmentsDueQuery>
{
    public AssessmentsDueValidator()
    {
        RuleFor(x => x.Months).InclusiveBetween(1, 60);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}

public sealed class AssessmentsDueHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<AssessmentsDueQuery, Page<AssessmentDueDto>>
{
    public async Task<Page<AssessmentDueDto>> Handle(AssessmentsDueQuery request, CancellationToken ct)
    {
        var before = calendar.Today.AddMonths(-(request.Months ?? 6));
        var never = DateOnly.MinValue;
        var due = db.Customers.AsNoTracking().Where(c => c.ArchivedAt == null && c.Lifecycle != Lifecycle.Prospect && (c.LastAssessedOn == null || c.LastAssessedOn < before));
        return await new Keyset<Customer>(due, c => c.Id).PageAsync(c => c.LastAssessedOn ?? never, false, request.Cursor, Paging.Limit(request.Limit),
            q => q.Select(c => new AssessmentDueDto(c.Id, c.Name, c.Code, c.Level, c.OwnerId, c.LatestGrade, c.LastAssessedOn)),
            d => (d.LastAssessedOn ?? never, d.CustomerId), ct);
    }
}
