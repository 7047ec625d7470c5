using AutoMapper;
using Crm.Api.Common;
using Crm.Api.Domain;
using FluentValidation;

namespace Crm.Api.Features.Purchases;

/// <summary>成交档案: a deal. <c>amount</c> = quantity × unit price, computed by the server.</summary>
public sealed record PurchaseDto : IVersioned
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string CustomerCode { get; init; } = "";
    public DateOnly PurchasedOn { get; init; }
    public string Product { get; init; } = "";
    public string Category { get; init; } = "";
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal? ListUnitPrice { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public string? Notes { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public long Version { get; init; }
}

/// <summary>What a caller may set on a deal record.</summary>
public sealed record PurchaseInput
{
    public DateOnly PurchasedOn { get; init; }
    public string Product { get; init; } = "";
    public string Category { get; init; } = "";
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal? ListUnitPrice { get; init; }
    public string Currency { get; init; } = "CNY";
    public string? Notes { get; init; }

    public void ApplyTo(Purchase purchase)
    {
        purchase.PurchasedOn = PurchasedOn;
        purchase.Product = Product.Trim();
        purchase.Category = Category.Trim();
        purchase.Currency = Currency.Trim().ToUpperInvariant();
        purchase.Notes = Notes?.Trim();
        purchase.Price(Quantity, UnitPrice, ListUnitPrice);
    }
}

public sealed class PurchaseInputValidator : AbstractValidator<PurchaseInput>
{
    public PurchaseInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.PurchasedOn).NotEmpty()
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("A purchase cannot be dated in the future.")
            .Must(d => d.Year >= 1990).WithMessage("A purchase before 1990 is not plausible.");
        RuleFor(x => x.Product).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Category).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Quantity).GreaterThan(0).LessThan(1_000_000_000m);
        RuleFor(x => x.UnitPrice).GreaterThanOrEqualTo(0).LessThan(1_000_000_000m);
        RuleFor(x => x.ListUnitPrice).GreaterThanOrEqualTo(0).LessThan(1_000_000_000m).When(x => x.ListUnitPrice is not null);
        RuleFor(x => x.Currency).NotEmpty().MaximumLength(3).Matches("^[A-Za-z]{3}$").WithMessage("currency is a three-letter ISO 4217 code such as CNY.");
        RuleFor(x => x.Notes).MaximumLength(1000);
    }
}

public sealed class PurchaseMappings : Profile
{
    public PurchaseMappings() =>
        CreateMap<Purchase, PurchaseDto>().ForMember(d => d.CustomerName, o => o.MapFrom(p => p.Customer!.Name))
            .ForMember(d => d.CustomerCode, o => o.MapFrom(p => p.Customer!.Code));
}
