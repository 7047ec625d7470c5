namespace Crm.Api.Domain;

/// <summary>
/// One customer's sales of one product category in one calendar month, with the customer's current owner, level,
/// region and industry copied onto the row. Kept in step with purchases and with those customer fields on every save
/// (Persistence/MonthlySales.cs), so that sales by period read a few narrow rows per customer from one index instead of
/// every purchase joined to its customer (docs/decisions/0010-sales-by-month-on-write.md).
/// </summary>
public class CustomerMonthSales
{
    public Guid CustomerId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public string Category { get; set; } = "";
    public Guid OwnerId { get; set; }
    public CustomerLevel Level { get; set; }
    public string? Region { get; set; }
    public string? Industry { get; set; }
    public decimal Amount { get; set; }
    public int Purchases { get; set; }
}
