using Crm.Api.Common;
using Crm.Api.Domain;
using FluentValidation;

namespace Crm.Api.Features.Customers;

/// <summary>What a caller may set on a customer, shared by create and update. Never owner, points, lifecycle or audit.</summary>
public abstract record CustomerFields
{
    public string Name { get; init; } = "";
    public CustomerKind Kind { get; init; }
    public EnterpriseType EnterpriseType { get; init; } = EnterpriseType.Other;
    public string? Industry { get; init; }
    public string? Region { get; init; }
    public bool IsKeyAccount { get; init; }
    public CustomerLevel Level { get; init; } = CustomerLevel.C;
    public CreditRating CreditRating { get; init; }
    public bool IsAlerted { get; init; }
    public string? AlertReason { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public CustomerOrigin Origin { get; init; }
    public ChainPosition ChainPosition { get; init; }
    public LeadSource LeadSource { get; init; } = LeadSource.Other;
    public PersonalProfileDto? Profile { get; init; }
    public IReadOnlyList<ImportantDateDto>? ImportantDates { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    public void ApplyTo(Customer customer)
    {
        customer.Name = Name.Trim();
        customer.Kind = Kind;
        customer.EnterpriseType = EnterpriseType;
        customer.Industry = Industry?.Trim();
        customer.Region = Region?.Trim();
        customer.IsKeyAccount = IsKeyAccount;
        customer.Level = Level;
        customer.CreditRating = CreditRating;
        customer.SetAlert(IsAlerted, AlertReason);
        customer.Address = Address;
        customer.Postcode = Postcode;
        customer.Phone = Phone?.Trim();
        customer.Fax = Fax;
        customer.Website = Website;
        customer.Email = Email?.Trim();
        customer.Origin = Origin;
        customer.ChainPosition = ChainPosition;
        customer.LeadSource = LeadSource;
        var profile = Profile ?? new PersonalProfileDto();
        customer.Profile = new PersonalProfile
        {
            Gender = profile.Gender, Birthday = profile.Birthday, Hobbies = profile.Hobbies, Personality = profile.Personality,
            Family = profile.Family, Occupation = profile.Occupation, IncomeBand = profile.IncomeBand,
        };
        customer.ImportantDates.Clear();
        foreach (var date in ImportantDates ?? [])
            customer.ImportantDates.Add(new ImportantDate { CustomerId = customer.Id, Label = date.Label.Trim(), Date = date.Date });
        customer.ReplaceTags(Tags ?? []);
    }
}

public abstract class CustomerFieldsValidator<T> : AbstractValidator<T> where T : CustomerFields
{
    protected CustomerFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Customer.NameMax);
        RuleFor(x => x.Industry).MaximumLength(100);
        RuleFor(x => x.Region).MaximumLength(100);
        RuleFor(x => x.AlertReason).NotEmpty().When(x => x.IsAlerted).WithMessage("An alert needs a reason.");
        RuleFor(x => x.AlertReason).MaximumLength(500);
        RuleFor(x => x.Address).MaximumLength(300);
        RuleFor(x => x.Postcode).MaximumLength(20);
        RuleFor(x => x.Phone).MaximumLength(40);
        RuleFor(x => x.Fax).MaximumLength(40);
        RuleFor(x => x.Website).MaximumLength(200);
        RuleFor(x => x.Email).MaximumLength(200).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
        RuleFor(x => x.Profile!.Hobbies).MaximumLength(500).When(x => x.Profile is not null);
        RuleFor(x => x.Profile!.Personality).MaximumLength(500).When(x => x.Profile is not null);
        RuleFor(x => x.Profile!.Family).MaximumLength(500).When(x => x.Profile is not null);
        RuleFor(x => x.Profile!.Occupation).MaximumLength(100).When(x => x.Profile is not null);
        RuleFor(x => x.ImportantDates).MaxItems(20).WithMessage("At most 20 important dates.");
        RuleForEach(x => x.ImportantDates).ChildRules(d => d.RuleFor(x => x.Label).NotEmpty().MaximumLength(100));
        RuleFor(x => x.Tags).MaxItems(20).WithMessage("At most 20 tags.");
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(50);
    }
}
