namespace Crm.Api.Domain;

/// <summary>成交档案: one deal — what was bought, how many, at what price, when.</summary>
public class Purchase : AuditedEntity
{
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public DateOnly PurchasedOn { get; set; }
    public string Product { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    /// <summary>The list price, where recorded; a lower unit price is a discount (used for price sensitivity).</summary>
    public decimal? ListUnitPrice { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; set; } = "CNY";
    public string? Notes { get; set; }

    public void Price(decimal quantity, decimal unitPrice, decimal? listUnitPrice)
    {
        if (quantity <= 0) throw new DomainRuleException("Quantity must be positive.");
        if (unitPrice < 0) throw new DomainRuleException("Unit price cannot be negative.");
        Quantity = quantity;
        UnitPrice = unitPrice;
        ListUnitPrice = listUnitPrice;
        Amount = decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero);
    }
}
