using AutoMapper;
using Crm.Api.Common;
using Crm.Api.Domain;

namespace Crm.Api.Features.Complaints;

public sealed record ComplaintDto : IVersioned
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public CustomerLevel CustomerLevel { get; init; }
    public bool CustomerIsKeyAccount { get; init; }
    public Guid? ContactId { get; init; }
    public Guid? PurchaseId { get; init; }
    public ComplaintChannel Channel { get; init; }
    public ComplaintCategory Category { get; init; }
    public ComplaintSeverity Severity { get; init; }
    public string Description { get; init; } = "";
    public DateTime ReceivedAt { get; init; }
    public Guid? AssigneeId { get; init; }
    public ComplaintStatus Status { get; init; }
    public IReadOnlyList<ComplaintStatus> AllowedNext { get; init; } = [];
    public DateTime FirstResponseDueAt { get; init; }
    public DateTime? FirstRespondedAt { get; init; }
    public DateTime ResolutionDueAt { get; init; }
    public DateTime AtRiskFrom { get; init; }
    public string? CommitmentReason { get; init; }
    /// <summary>OnTrack, AtRisk (less than 20% of the window left), Breached, or Met once resolved in time.</summary>
    public SlaState Sla { get; init; }
    public bool IsRecurring { get; init; }
    public Guid? RecurringOfId { get; init; }
    public bool? IsFactual { get; init; }
    public ResolutionType? ResolutionType { get; init; }
    public string? RootCause { get; init; }
    public string? CorrectiveAction { get; init; }
    public string? Explanation { get; init; }
    public string? GoodwillDescription { get; init; }
    public decimal? GoodwillValue { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public int? Satisfaction { get; init; }
    public string? FollowUpComment { get; init; }
    public DateTime? ClosedAt { get; init; }
    public int ReopenCount { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }

    /// <summary>Adds what depends on the clock and the workflow, which SQL does not compute.</summary>
    public ComplaintDto At(DateTime now) => this with
    {
        AllowedNext = Complaint.AllowedFrom(Status),
        Sla = Complaint.SlaOf(ResolvedAt, ResolutionDueAt, AtRiskFrom, now),
    };
}

public sealed record ComplaintEventDto(Guid Id, ComplaintEventKind Kind, Guid? ActorId, DateTime At, string? Comment, ComplaintStatus? FromStatus, ComplaintStatus? ToStatus, Guid? AssigneeId);

public sealed class ComplaintMappings : Profile
{
    public ComplaintMappings()
    {
        CreateMap<Complaint, ComplaintDto>()
            .ForMember(d => d.CustomerName, o => o.MapFrom(c => c.Customer!.Name))
            .ForMember(d => d.CustomerLevel, o => o.MapFrom(c => c.Customer!.Level))
            .ForMember(d => d.CustomerIsKeyAccount, o => o.MapFrom(c => c.Customer!.IsKeyAccount))
            .ForMember(d => d.AllowedNext, o => o.Ignore())
            .ForMember(d => d.Sla, o => o.Ignore());
        CreateMap<ComplaintEvent, ComplaintEventDto>();
    }
}
