using AutoMapper;
using Crm.Api.Common;
using Crm.Api.Domain;
using FluentValidation;

namespace Crm.Api.Features.Contacts;

public sealed record ContactDto : IVersioned
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public string Name { get; init; } = "";
    public string? Title { get; init; }
    public string? Mobile { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public DateOnly? Birthday { get; init; }
    public bool IsPrimary { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>What a caller may set on a contact person.</summary>
public sealed record ContactInput
{
    public string Name { get; init; } = "";
    public string? Title { get; init; }
    public string? Mobile { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public DateOnly? Birthday { get; init; }
    /// <summary>Make this the primary contact (the previous primary stops being one).</summary>
    public bool IsPrimary { get; init; }

    public void ApplyTo(Contact contact)
    {
        contact.Name = Name.Trim();
        contact.Title = Title?.Trim();
        contact.Mobile = Mobile?.Trim();
        contact.Phone = Phone?.Trim();
        contact.Fax = Fax?.Trim();
        contact.Email = Email?.Trim();
        contact.Address = Address?.Trim();
        contact.Birthday = Birthday;
    }
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Title).MaximumLength(100);
        RuleFor(x => x.Mobile).MaximumLength(40);
        RuleFor(x => x.Phone).MaximumLength(40);
        RuleFor(x => x.Fax).MaximumLength(40);
        RuleFor(x => x.Email).MaximumLength(200).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
        RuleFor(x => x.Address).MaximumLength(300);
    }
}

public sealed class ContactMappings : Profile
{
    public ContactMappings() => CreateMap<Contact, ContactDto>();
}
