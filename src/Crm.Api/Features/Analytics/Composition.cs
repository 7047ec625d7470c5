using System.Linq.Expressions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

/// <summary>The dimension's name in a query string, in any case.</summary>
public static class CompositionDimensions
{
    public const int MaxLength = 8;

    public static CompositionDimension? Parse(string name) =>
        Enum.GetValues<CompositionDimension>().Select(d => (CompositionDimension?)d)
            .FirstOrDefault(d => string.Equals(d.ToString(), name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One group's share of sales. ABC class: A up to 80% of cumulative sales, B up to 95%, C the rest (Pareto).</summary>
public sealed record CompositionRowDto(string Key, string Label, decimal SalesAmount, double Share, double CumulativeShare, string AbcClass,
    int CustomerCount, decimal AveragePerCustomer, decimal PreviousAmount, double? ChangePercent);

public sealed record CompositionDto(CompositionDimension By, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, decimal Total, decimal PreviousTotal,
    IReadOnlyList<CompositionRowDto> Rows);

/// <summary>
/// 客户构成分析: sales by customer level, product category, region, account manager or industry for a period
/// (default: this year, January to the end of this month), with share, cumulative share and ABC class, customers and average per customer,
/// and the change against the previous period: as many whole months before a period of whole months, else as many
/// days before. Aggregated in SQL over the caller's scope: a period
/// of whole months from the composition cells, any other from the month rows and the purchases of its part months.
/// </summary>
public sealed record CompositionQuery(CompositionDimension By, DateOnly? From, DateOnly? To) : IRequest<CompositionDto>;

public sealed class CompositionValidator : AbstractValidator<CompositionQuery>
{
    public CompositionValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must not be before from.");
        RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber <= 3 * 366)
            .WithMessage("A period is at most three years.").OverridePropertyName("to");
    }
}

public sealed class CompositionHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<CompositionQuery, CompositionDto>
{
    public async Task<CompositionDto> Handle(CompositionQuery request, CancellationToken ct)
    {
        // By default this year in whole months, to the end of this one: purchases are dated tomorrow at the latest, so
        // that is this year to date, and whole months are read from the cells (a period ending today would read this
        // month's purchases one by one).
        var today = calendar.Today;
        var to = request.To ?? new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        var from = request.From ?? new DateOnly(to.Year, 1, 1);
        // A year is compared with the year before, a quarter with the quarter before, March with all of February;
        // a period that starts or ends inside a month with as many days before it.
        var months = IsWholeMonths(from, to) ? (to.Year - from.Year) * 12 + to.Month - from.Month + 1 : 0;
        var previousFrom = months > 0 ? from.AddMonths(-months) : from.AddDays(-(to.DayNumber - from.DayNumber + 1));
        var previousTo = from.AddDays(-1);

        var current = await SumAsync(request.By, from, to, ct);
        var previous = (await SumAsync(request.By, previousFrom, previousTo, ct)).ToDictionary(r => r.Key, r => r.Amount);
        var labels = await LabelsAsync(request.By, current.Select(r => r.Key).ToList(), ct);

        var total = current.Sum(r => r.Amount);
        var cumulative = 0m;
        var rows = new List<CompositionRowDto>();
        foreach (var row in current.OrderByDescending(r => r.Amount).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var before = cumulative;
            cumulative += row.Amount;
            var share = total == 0 ? 0 : (double)(row.Amount / total) * 100;
            var cumulativeShare = total == 0 ? 0 : (double)(cumulative / total) * 100;
            // A group belongs to A while the sales before it stay under 80%, so the largest group is always A.
            var beforeShare = total == 0 ? 0 : (double)(before / total) * 100;
            var abc = beforeShare < 80 ? "A" : beforeShare < 95 ? "B" : "C";
            var previousAmount = previous.GetValueOrDefault(row.Key);
            rows.Add(new CompositionRowDto(row.Key, labels.GetValueOrDefault(row.Key, row.Key), Math.Round(row.Amount, 2), Math.Round(share, 2), Math.Round(cumulativeShare, 2), abc,
                row.Customers, row.Customers == 0 ? 0 : Math.Round(row.Amount / row.Customers, 2), Math.Round(previousAmount, 2),
                previousAmount == 0 ? null : Math.Round((double)((row.Amount - previousAmount) / previousAmount) * 100, 1)));
        }
        return new CompositionDto(request.By, from, to, previousFrom, previousTo, Math.Round(total, 2), Math.Round(previous.Values.Sum(), 2), rows);
    }

    private sealed record Sum(string Key, decimal Amount, int Customers);

    private static bool IsWholeMonths(DateOnly from, DateOnly to) => from.Day == 1 && to.AddDays(1).Day == 1;

    /// <summary>One customer's sales in a group: a month row, or a purchase in a month the period covers only in part.</summary>
    private sealed class Sale
    {
        public Guid CustomerId { get; init; }
        public string Category { get; init; } = "";
        public Guid OwnerId { get; init; }
        public CustomerLevel Level { get; init; }
        public string? Region { get; init; }
        public string? Industry { get; init; }
        public decimal Amount { get; init; }
    }

    /// <summary>
    /// The months wholly inside the period come from the month rows kept on write (CustomerMonthSales); the days of a
    /// month the period only starts or ends in come from the purchases themselves, so any period gives exactly what
    /// summing its purchases gives, and a year reads about one narrow index entry per customer, month and category.
    /// A period without a whole month is read the same way, a month at a time.
    /// </summary>
    private IQueryable<Sale> Sales(DateOnly from, DateOnly to)
    {
        var firstMonth = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var afterLastMonth = new DateOnly(to.Year, to.Month, 1);
        if (to == afterLastMonth.AddMonths(1).AddDays(-1)) afterLastMonth = afterLastMonth.AddMonths(1);
        if (firstMonth >= afterLastMonth)
            return from.Month == to.Month && from.Year == to.Year ? Days(from, to) : Days(from, firstMonth.AddDays(-1)).Concat(Days(afterLastMonth, to));
        var months = db.CustomerMonthSales.AsNoTracking().Where(s => s.Month >= firstMonth && s.Month < afterLastMonth)
            .Select(s => new Sale { CustomerId = s.CustomerId, Category = s.Category, OwnerId = s.OwnerId, Level = s.Level, Region = s.Region, Industry = s.Industry, Amount = s.Amount });
        return months.Concat(Days(from, firstMonth.AddDays(-1))).Concat(Days(afterLastMonth, to));
    }

    /// <summary>
    /// The purchases of some days within one month, found through that month's rows (in scope, from the month index) and
    /// each buyer's purchases by date: a scope reads only its own buyers' purchases, not every purchase of those days.
    /// </summary>
    private IQueryable<Sale> Days(DateOnly first, DateOnly last)
    {
        // The whole base reads the days' purchases by date: measured at 1M, going through every buyer's month row cost
        // 2.5 times as much as the date range (docs/performance.md).
        if (db.Caller.SeesAllCustomers)
            return db.Purchases.AsNoTracking().Where(p => p.PurchasedOn >= first && p.PurchasedOn <= last).Select(p => new Sale
            {
                CustomerId = p.CustomerId, Category = p.Category, OwnerId = p.Customer!.OwnerId, Level = p.Customer.Level, Region = p.Customer.Region,
                Industry = p.Customer.Industry, Amount = p.Amount,
            });
        var month = new DateOnly(first.Year, first.Month, 1);
        return from s in db.CustomerMonthSales.AsNoTracking().Where(s => s.Month == month)
               join p in db.Purchases.AsNoTracking() on new { s.CustomerId, s.Category } equals new { p.CustomerId, p.Category }
               where p.PurchasedOn >= first && p.PurchasedOn <= last
               select new Sale { CustomerId = s.CustomerId, Category = s.Category, OwnerId = s.OwnerId, Level = s.Level, Region = s.Region, Industry = s.Industry, Amount = p.Amount };
    }

    private async Task<List<Sum>> SumAsync(CompositionDimension by, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (IsWholeMonths(from, to)) return await CellsAsync(by, from, to.AddDays(1), ct);
        var sales = Sales(from, to);
        return by switch
        {
            CompositionDimension.Level => await GroupAsync(sales.Select(s => new Keyed<CustomerLevel> { Key = s.Level, CustomerId = s.CustomerId, Amount = s.Amount }), k => k.ToString(), ct),
            CompositionDimension.Category => await GroupAsync(sales.Select(s => new Keyed<string> { Key = s.Category, CustomerId = s.CustomerId, Amount = s.Amount }), k => k, ct),
            CompositionDimension.Region => await GroupAsync(sales.Select(s => new Keyed<string?> { Key = s.Region, CustomerId = s.CustomerId, Amount = s.Amount }), k => k ?? "", ct),
            CompositionDimension.Industry => await GroupAsync(sales.Select(s => new Keyed<string?> { Key = s.Industry, CustomerId = s.CustomerId, Amount = s.Amount }), k => k ?? "", ct),
            _ => await GroupAsync(sales.Select(s => new Keyed<Guid> { Key = s.OwnerId, CustomerId = s.CustomerId, Amount = s.Amount }), k => k.ToString(), ct),
        };
    }

    /// <summary>
    /// A period of whole months reads the composition cells kept on write: each group's sales are the sum of its cells,
    /// and its customers those of the cells whose customers had not bought in the group since before the first month,
    /// which counts each of them once, in the first month of the period they bought in (docs/decisions/0015).
    /// </summary>
    private async Task<List<Sum>> CellsAsync(CompositionDimension by, DateOnly firstMonth, DateOnly afterLastMonth, CancellationToken ct)
    {
        var cells = db.CompositionCells.AsNoTracking().Where(c => c.Dimension == by && c.Month >= firstMonth && c.Month < afterLastMonth);
        // The whole base has cells of its own for every dimension but the owner, which is its owners' cells side by side.
        cells = db.Caller.SeesAllCustomers && by != CompositionDimension.Owner ? cells.Where(c => c.OwnerId == Guid.Empty) : cells.Where(c => c.OwnerId != Guid.Empty);
        return by == CompositionDimension.Owner
            ? await SumCellsAsync(cells, c => c.OwnerId, k => k.ToString(), firstMonth, ct)
            : await SumCellsAsync(cells, c => c.Key, k => k, firstMonth, ct);
    }

    private static async Task<List<Sum>> SumCellsAsync<TKey>(IQueryable<CompositionCell> cells, Expression<Func<CompositionCell, TKey>> group, Func<TKey, string> text,
        DateOnly firstMonth, CancellationToken ct) =>
        (await cells.GroupBy(group).Select(g => new { g.Key, Amount = g.Sum(c => c.Amount), Customers = g.Sum(c => c.PreviousMonth < firstMonth ? c.Customers : 0) }).ToListAsync(ct))
        .Select(r => new Sum(text(r.Key), r.Amount, r.Customers)).ToList();

    /// <summary>One sale with the group it falls in for the chosen dimension.</summary>
    private sealed class Keyed<TKey>
    {
        public TKey Key { get; init; } = default!;
        public Guid CustomerId { get; init; }
        public decimal Amount { get; init; }
    }

    /// <summary>
    /// Each group's amount and distinct customers, grouped twice: by group and customer, then by group. One
    /// <c>COUNT(DISTINCT CustomerId)</c> built a temporary B-tree of every sale's customer id; the whole base's year
    /// (1.5M month rows) took 4.5 s that way and 1.8 s grouped twice (sqlite3 shell, docs/performance.md, "Fourth round").
    /// </summary>
    private static async Task<List<Sum>> GroupAsync<TKey>(IQueryable<Keyed<TKey>> sales, Func<TKey, string> text, CancellationToken ct) =>
        (await sales.GroupBy(s => new { s.Key, s.CustomerId }).Select(g => new { g.Key.Key, Amount = g.Sum(s => s.Amount) })
            .GroupBy(c => c.Key).Select(g => new { g.Key, Amount = g.Sum(c => c.Amount), Customers = g.Count() }).ToListAsync(ct))
        .Select(r => new Sum(text(r.Key), r.Amount, r.Customers)).ToList();

    private async Task<Dictionary<string, string>> LabelsAsync(CompositionDimension by, List<string> keys, CancellationToken ct)
    {
        if (by != CompositionDimension.Owner) return keys.ToDictionary(k => k, k => k.Length == 0 ? "—" : k);
        var ids = keys.Select(Guid.Parse).ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, ct);
    }
}
