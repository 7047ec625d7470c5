using Crm.Api.Domain;
using Crm.Api.Features.Purchases;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.DataExchange;

/// <summary>
/// Deal import: each row names its customer by <c>customerCode</c> and is recorded exactly as a deal entered by hand
/// (a prospect's first purchase makes it active and wins its referral; points are earned by the policy). A deal has
/// no code, so a row matches an existing deal of the same customer, day, product, quantity, unit price and currency:
/// such a row is skipped. Identical rows are counted, so a file with two identical deals creates two, and importing
/// the same file again creates none. Deals are never updated by an import; a correction goes through the API.
/// </summary>
public sealed class PurchaseImport : CsvImport
{
    public override string Kind => "purchases";

    public override string[] Columns { get; } = ["customerCode", "purchasedOn", "product", "category", "quantity", "unitPrice", "listUnitPrice", "currency", "notes"];

    protected override string[] Required { get; } = ["customerCode", "purchasedOn", "product", "category", "unitPrice"];

    /// <summary>What the deal export writes besides: the customer's name and the computed amount.</summary>
    protected override string[] ReadPast { get; } = ["customer", "amount"];

    private sealed record DealKey(Guid CustomerId, DateOnly On, string Product, decimal Quantity, decimal UnitPrice, string Currency);

    public override async Task<ImportPlan> PlanAsync(CrmDbContext db, TimeProvider clock, IReadOnlyList<ImportRow> rows, bool track, CancellationToken ct)
    {
        var plan = new ImportPlan();
        var customers = await CustomersByCodeAsync(db, rows, track, ct);
        var validator = new PurchaseInputValidator(clock);
        var parsed = new List<(ImportRow Row, Customer? Customer, PurchaseInput Input, List<ImportErrorDto> Errors)>();
        foreach (var row in rows)
        {
            var rowErrors = new List<ImportErrorDto>();
            void Error(string field, string message) => rowErrors.Add(new ImportErrorDto(row.Row, field, message));
            var customer = CustomerOf(row, customers, Error);
            var input = new PurchaseInput
            {
                PurchasedOn = Date(row, "purchasedOn", null, Error) ?? default,
                Product = row["product"] ?? "",
                Category = row["category"] ?? "",
                Quantity = Number(row, "quantity", null, Error) ?? 1,
                UnitPrice = Number(row, "unitPrice", null, Error) ?? 0,
                ListUnitPrice = Number(row, "listUnitPrice", null, Error),
                Currency = row["currency"] ?? "CNY",
                Notes = row["notes"],
            };
            if (rowErrors.Count == 0) Validate(validator, input, Error);
            parsed.Add((row, customer, input, rowErrors));
        }

        // How many of each deal are already recorded: one query for the batch's customers and days.
        var customerIds = parsed.Where(p => p.Customer is not null).Select(p => p.Customer!.Id).Distinct().ToList();
        var days = parsed.Where(p => p.Errors.Count == 0).Select(p => p.Input.PurchasedOn).Distinct().ToList();
        var recorded = (await db.Purchases.AsNoTracking().Where(p => EF.Parameter(customerIds).Contains(p.CustomerId) && days.Contains(p.PurchasedOn))
                .Select(p => new { p.CustomerId, p.PurchasedOn, p.Product, p.Quantity, p.UnitPrice, p.Currency }).ToListAsync(ct))
            .GroupBy(p => new DealKey(p.CustomerId, p.PurchasedOn, p.Product, p.Quantity, p.UnitPrice, p.Currency)).ToDictionary(g => g.Key, g => g.Count());

        var creates = new List<(Customer Customer, PurchaseInput Input)>();
        foreach (var (row, customer, input, errors) in parsed)
        {
            if (errors.Count > 0 || customer is null)
            {
                plan.Errors.AddRange(errors);
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Error, customer?.Id, null));
                continue;
            }
            var key = new DealKey(customer.Id, input.PurchasedOn, input.Product.Trim(), input.Quantity, input.UnitPrice, input.Currency.Trim().ToUpperInvariant());
            if (recorded.TryGetValue(key, out var already) && already > 0)
            {
                recorded[key] = already - 1;
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Skip, customer.Id, "deal"));
            }
            else
            {
                creates.Add((customer, input));
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Create, customer.Id, null));
            }
        }
        plan.ApplyAsync = async applyCt =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // In date order, so that points, tiers and a prospect's first purchase follow the order the deals happened in.
            foreach (var (customer, input) in creates.OrderBy(c => c.Input.PurchasedOn))
                await Deals.RecordAsync(db, customer, input, now, applyCt);
            return (creates.Count, 0);
        };
        return plan;
    }
}
