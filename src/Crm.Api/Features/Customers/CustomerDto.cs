using AutoMapper;
using Crm.Api.Common;
using Crm.Api.Domain;

namespace Crm.Api.Features.Customers;

/// <summary>The full customer profile: background, status and contact groups, classifications and care profile.</summary>
public sealed record CustomerDto : IVersioned
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public CustomerKind Kind { get; init; }
    public EnterpriseType EnterpriseType { get; init; }
    public string? Industry { get; init; }
    public string? Region { get; init; }
    public bool IsKeyAccount { get; init; }
    public CustomerLevel Level { get; init; }
    public long Points { get; init; }
    /// <summary>Membership tier (会员俱乐部), from points earned in the last 12 months.</summary>
    public string? Tier { get; init; }
    /// <summary>The old customer who referred this one.</summary>
    public Guid? ReferredById { get; init; }
    /// <summary>Grade of the latest relationship assessment (A–D) and its date.</summary>
    public string? LatestGrade { get; init; }
    public DateOnly? LastAssessedOn { get; init; }
    public CreditRating CreditRating { get; init; }
    public bool IsAlerted { get; init; }
    public string? AlertReason { get; init; }
    public Lifecycle Lifecycle { get; init; }
    public CustomerState State { get; init; }
    public DateTime? ArchivedAt { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public CustomerOrigin Origin { get; init; }
    public ChainPosition ChainPosition { get; init; }
    public LeadSource LeadSource { get; init; }
    public PersonalProfileDto Profile { get; init; } = new();
    public IReadOnlyList<ImportantDateDto> ImportantDates { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public Guid OwnerId { get; init; }
    public string OwnerName { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>A row of the customer list.</summary>
public sealed record CustomerSummaryDto : IVersioned
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public CustomerKind Kind { get; init; }
    public CustomerLevel Level { get; init; }
    public bool IsKeyAccount { get; init; }
    public Lifecycle Lifecycle { get; init; }
    public CustomerState State { get; init; }
    public string? Region { get; init; }
    public string? Industry { get; init; }
    public string? Phone { get; init; }
    public long Points { get; init; }
    public string? Tier { get; init; }
    public bool IsAlerted { get; init; }
    public string? PrimaryContactName { get; init; }
    /// <summary>A referred prospect not yet won: listed first, to be closed quickly.</summary>
    public bool IsPriorityLead { get; init; }
    public Guid OwnerId { get; init; }
    public string OwnerName { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

public sealed record PersonalProfileDto
{
    public Gender Gender { get; init; }
    public DateOnly? Birthday { get; init; }
    public string? Hobbies { get; init; }
    public string? Personality { get; init; }
    public string? Family { get; init; }
    public string? Occupation { get; init; }
    public IncomeBand IncomeBand { get; init; }
}

public sealed record ImportantDateDto(string Label, DateOnly Date);

public sealed class CustomerMappings : Profile
{
    public CustomerMappings()
    {
        CreateMap<PersonalProfile, PersonalProfileDto>();
        CreateMap<ImportantDate, ImportantDateDto>();
        CreateMap<Customer, CustomerDto>()
            .ForMember(d => d.State, o => o.MapFrom(c => c.Lifecycle == Lifecycle.Prospect ? CustomerState.Potential : CustomerState.Actual))
            .ForMember(d => d.Tags, o => o.MapFrom(c => c.Tags.Select(t => t.Tag)))
            .ForMember(d => d.OwnerName, o => o.MapFrom(c => c.Owner!.DisplayName));
        CreateMap<Customer, CustomerSummaryDto>()
            .ForMember(d => d.State, o => o.MapFrom(c => c.Lifecycle == Lifecycle.Prospect ? CustomerState.Potential : CustomerState.Actual))
            .ForMember(d => d.PrimaryContactName, o => o.MapFrom(c => c.Contacts.Where(p => p.IsPrimary).Select(p => p.Name).FirstOrDefault()))
            .ForMember(d => d.IsPriorityLead, o => o.MapFrom(c => c.ReferredById != null && c.Lifecycle == Lifecycle.Prospect))
            .ForMember(d => d.OwnerName, o => o.MapFrom(c => c.Owner!.DisplayName));
    }
}
