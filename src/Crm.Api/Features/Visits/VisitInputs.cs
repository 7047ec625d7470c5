using Crm.Api.Common;
using Crm.Api.Domain;
using FluentValidation;

namespace Crm.Api.Features.Visits;

/// <summary>The written record of a visit (拜访记录). Check-in coordinates are optional and only for on-site visits.</summary>
public sealed record VisitRecordInput
{
    public DateTime ActualStart { get; init; }
    public DateTime ActualEnd { get; init; }
    public string Summary { get; init; } = "";
    public string? Outcome { get; init; }
    public string? CustomerFeedback { get; init; }
    public string? NextSteps { get; init; }
    public DateOnly? FollowUpDate { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? AccuracyMeters { get; init; }

    public VisitRecord ToRecord() => new(ActualStart.ToUniversalTime(), ActualEnd.ToUniversalTime(), Summary, Outcome?.Trim(), CustomerFeedback?.Trim(),
        NextSteps?.Trim(), FollowUpDate, Latitude, Longitude, AccuracyMeters);
}

public sealed class VisitRecordValidator : AbstractValidator<VisitRecordInput>
{
    public VisitRecordValidator(TimeProvider clock)
    {
        RuleFor(x => x.ActualStart).NotEmpty()
            .Must(start => start.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime.AddHours(1))
            .WithMessage("A visit cannot be recorded as made in the future.");
        RuleFor(x => x.ActualEnd).GreaterThan(x => x.ActualStart).WithMessage("A visit must end after it starts.");
        RuleFor(x => x.ActualEnd).Must((x, end) => end - x.ActualStart <= TimeSpan.FromHours(24)).WithMessage("A visit lasts at most 24 hours.");
        RuleFor(x => x.Summary).Must(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length >= Visit.SummaryMinLength)
            .WithMessage($"Write a summary of at least {Visit.SummaryMinLength} characters: every visit needs a written record.");
        RuleFor(x => x.Summary).MaximumLength(4000);
        RuleFor(x => x.Outcome).MaximumLength(1000);
        RuleFor(x => x.CustomerFeedback).MaximumLength(1000);
        RuleFor(x => x.NextSteps).MaximumLength(1000);
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
        RuleFor(x => x.AccuracyMeters).InclusiveBetween(0, 100_000);
        RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage("A check-in needs both latitude and longitude.");
        RuleFor(x => x.Latitude).NotNull().When(x => x.Longitude is not null).WithMessage("A check-in needs both latitude and longitude.");
        RuleFor(x => x.FollowUpDate).Must((x, d) => d is null || d.Value >= DateOnly.FromDateTime(x.ActualStart))
            .WithMessage("The follow-up date cannot be before the visit.");
    }
}

/// <summary>Shared fields of planning and logging a visit.</summary>
public abstract record VisitBasics
{
    public Guid CustomerId { get; init; }
    /// <summary>Who visits; defaults to the caller.</summary>
    public Guid? VisitorId { get; init; }
    public IReadOnlyList<Guid>? CompanionIds { get; init; }
    public VisitForm Form { get; init; }
    public IReadOnlyList<VisitPurpose>? Purposes { get; init; }
    public string? Agenda { get; init; }
}

public abstract class VisitBasicsValidator<T> : AbstractValidator<T> where T : VisitBasics
{
    protected VisitBasicsValidator()
    {
        RuleFor(x => x.CustomerId).NotEmpty();
        RuleFor(x => x.CompanionIds).MaxItems(10).WithMessage("At most 10 companions.");
        RuleFor(x => x.Purposes).MaxItems(6);
        RuleFor(x => x.Agenda).MaximumLength(1000);
    }
}
