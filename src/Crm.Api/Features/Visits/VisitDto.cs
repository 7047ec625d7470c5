using AutoMapper;
using Crm.Api.Common;
using Crm.Api.Domain;

namespace Crm.Api.Features.Visits;

public sealed record VisitDto : IVersioned
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string CustomerCode { get; init; } = "";
    public CustomerLevel CustomerLevel { get; init; }
    public Guid VisitorId { get; init; }
    public string VisitorName { get; init; } = "";
    public IReadOnlyList<Guid> CompanionIds { get; init; } = [];
    public VisitForm Form { get; init; }
    public VisitCategory Category { get; init; }
    public IReadOnlyList<VisitPurpose> Purposes { get; init; } = [];
    public string? Agenda { get; init; }
    public DateTime? PlannedStart { get; init; }
    public DateTime? PlannedEnd { get; init; }
    public VisitStatus Status { get; init; }
    /// <summary>Where the appointment may go next (for buttons); empty once it is final.</summary>
    public IReadOnlyList<VisitStatus> AllowedNext { get; init; } = [];
    public string? CancellationReason { get; init; }
    public DateTime? ActualStart { get; init; }
    public DateTime? ActualEnd { get; init; }
    public string? Summary { get; init; }
    public string? Outcome { get; init; }
    public string? CustomerFeedback { get; init; }
    public string? NextSteps { get; init; }
    public DateOnly? FollowUpDate { get; init; }
    public double? CheckInLatitude { get; init; }
    public double? CheckInLongitude { get; init; }
    public double? CheckInAccuracyMeters { get; init; }
    public ReviewStatus ReviewStatus { get; init; }
    public int Submissions { get; init; }
    public Guid? ReviewedBy { get; init; }
    public DateTime? ReviewedAt { get; init; }
    public string? ReviewComment { get; init; }
    public IReadOnlyList<VisitEventDto> Events { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }

    public VisitDto WithAllowedNext() => this with { AllowedNext = Visit.AllowedFrom(Status) };
}

public sealed record VisitEventDto(int Position, VisitEventKind Kind, Guid? ActorId, DateTime At, string? Comment, DateTime? OldStart, DateTime? OldEnd);

public sealed class VisitMappings : Profile
{
    public VisitMappings()
    {
        CreateMap<VisitEvent, VisitEventDto>();
        CreateMap<Visit, VisitDto>()
            .ForMember(d => d.CustomerName, o => o.MapFrom(v => v.Customer!.Name))
            .ForMember(d => d.CustomerCode, o => o.MapFrom(v => v.Customer!.Code))
            .ForMember(d => d.CustomerLevel, o => o.MapFrom(v => v.Customer!.Level))
            .ForMember(d => d.VisitorName, o => o.MapFrom(v => v.Visitor!.DisplayName))
            .ForMember(d => d.CompanionIds, o => o.MapFrom(v => v.Companions.Select(c => c.UserId)))
            .ForMember(d => d.AllowedNext, o => o.Ignore())
            .ForMember(d => d.Events, o => o.ExplicitExpansion());
    }
}
