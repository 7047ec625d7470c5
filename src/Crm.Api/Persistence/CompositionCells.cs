using System.Globalization;
using System.Text.Json;
using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps <see cref="CompositionCell"/> in step with <see cref="CustomerMonthSales"/>, in the same transaction: for the
/// customers whose month rows a save recomputes, their cells as the rows were are taken away and their cells as the rows
/// are now are added. The stored cells change by increments (<c>Customers = Customers + @n</c>): on SQLite one upsert
/// for the whole difference, on other providers one atomic UPDATE per cell, so two saves that touch the same cell on
/// SQL Server cannot lose each other's counts; SQLite has one writer at a time anyway.
/// </summary>
public static class CompositionCells
{
    internal readonly record struct Cell(CompositionDimension Dimension, Guid OwnerId, DateOnly Month, string Key, DateOnly PreviousMonth);

    /// <summary>A month row as the cells see it.</summary>
    internal readonly record struct MonthRow(DateOnly Month, string Category, Guid OwnerId, CustomerLevel Level, string? Region, string? Industry, decimal Amount)
    {
        public static MonthRow Of(CustomerMonthSales s) => new(s.Month, s.Category, s.OwnerId, s.Level, s.Region, s.Industry, s.Amount);
    }

    /// <summary>The change to the stored cells that a save makes, summed over its customers before it is written.</summary>
    internal sealed class Difference
    {
        private readonly Dictionary<Cell, (decimal Amount, int Customers)> cells = [];

        /// <summary>Adds (sign 1) or takes away (sign -1) one customer's cells, from all its month rows.</summary>
        public void Count(IReadOnlyCollection<MonthRow> customerRows, int sign)
        {
            // Level, region, industry and owner are the customer's own fields, copied alike onto all of its rows, so
            // the customer is in one group a month and "bought before" means in any category.
            var previous = DateOnly.MinValue;
            foreach (var month in customerRows.GroupBy(r => r.Month).OrderBy(g => g.Key))
            {
                var row = month.First();
                var amount = month.Sum(r => r.Amount);
                Add(new Cell(CompositionDimension.Owner, row.OwnerId, month.Key, "", previous), amount, sign, wholeBase: false);
                Add(new Cell(CompositionDimension.Level, row.OwnerId, month.Key, row.Level.ToString(), previous), amount, sign);
                Add(new Cell(CompositionDimension.Region, row.OwnerId, month.Key, row.Region ?? "", previous), amount, sign);
                Add(new Cell(CompositionDimension.Industry, row.OwnerId, month.Key, row.Industry ?? "", previous), amount, sign);
                previous = month.Key;
            }
            // A customer buys in several categories a month and counts once in each.
            foreach (var category in customerRows.GroupBy(r => r.Category))
            {
                var before = DateOnly.MinValue;
                foreach (var row in category.OrderBy(r => r.Month))
                {
                    Add(new Cell(CompositionDimension.Category, row.OwnerId, row.Month, row.Category, before), row.Amount, sign);
                    before = row.Month;
                }
            }
        }

        private void Add(Cell cell, decimal amount, int sign, bool wholeBase = true)
        {
            Change(cell, amount, sign);
            if (wholeBase) Change(cell with { OwnerId = Guid.Empty }, amount, sign);
        }

        private void Change(Cell cell, decimal amount, int sign)
        {
            var (total, customers) = cells.GetValueOrDefault(cell);
            cells[cell] = (total + sign * amount, customers + sign);
        }

        /// <summary>
        /// Writes the difference: increments the cells that exist, adds the ones that do not (written by the save that
        /// follows) and deletes the ones it emptied. A customer that only moved between rows of the same cells (a
        /// purchase corrected within its month) changes nothing.
        /// </summary>
        public async Task WriteAsync(CrmDbContext db, CancellationToken ct)
        {
            var changed = cells.Where(c => c.Value != (0m, 0)).ToList();
            cells.Clear();
            if (changed.Count == 0) return;
            if (db.Database.IsSqlite())
            {
                await UpsertOnSqliteAsync(db, changed, ct);
                return;
            }
            // The stored cells are the truth; one an earlier save of this context added is still tracked, but stale.
            foreach (var entry in db.ChangeTracker.Entries<CompositionCell>().ToList()) entry.State = EntityState.Detached;

            foreach (var (cell, (amount, customers)) in changed)
            {
                var updated = await db.CompositionCells.IgnoreQueryFilters()
                    .Where(c => c.Dimension == cell.Dimension && c.OwnerId == cell.OwnerId && c.Month == cell.Month && c.Key == cell.Key && c.PreviousMonth == cell.PreviousMonth)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Amount, c => c.Amount + amount).SetProperty(c => c.Customers, c => c.Customers + customers), ct);
                if (updated == 0)
                    db.CompositionCells.Add(new CompositionCell
                    {
                        Dimension = cell.Dimension, OwnerId = cell.OwnerId, Month = cell.Month, Key = cell.Key, PreviousMonth = cell.PreviousMonth,
                        Amount = amount, Customers = customers,
                    });
            }
            var owners = changed.Select(c => c.Key.OwnerId).Distinct().ToList();
            var months = changed.Select(c => c.Key.Month).Distinct().ToList();
            await db.CompositionCells.IgnoreQueryFilters()
                .Where(c => EF.Parameter(owners).Contains(c.OwnerId) && EF.Parameter(months).Contains(c.Month) && c.Customers == 0)
                .ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>
    /// On SQLite the whole difference is one upsert and one delete, the cells passed as one JSON array: a statement per
    /// cell through EF Core cost a purchase about 3–5 ms of CPU more at 1M customers (docs/performance.md). The values are
    /// written as EF Core stores them: Guids as upper-case text, months as yyyy-MM-dd, amounts as REAL.
    /// </summary>
    private static async Task UpsertOnSqliteAsync(CrmDbContext db, List<KeyValuePair<Cell, (decimal Amount, int Customers)>> changed, CancellationToken ct)
    {
        var rows = JsonSerializer.Serialize(changed.Select(c => new object[]
        {
            (int)c.Key.Dimension, c.Key.OwnerId.ToString().ToUpperInvariant(), c.Key.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Key.Key,
            c.Key.PreviousMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (double)c.Value.Amount, c.Value.Customers,
        }));
        const string Cells = """
            SELECT value ->> 0 AS "Dimension", value ->> 1 AS "OwnerId", value ->> 2 AS "Month", value ->> 3 AS "Key", value ->> 4 AS "PreviousMonth",
                   value ->> 5 AS "Amount", value ->> 6 AS "Customers"
            FROM json_each({0})
            """;
        // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join in the SELECT.
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO "CompositionCells" ("Dimension", "OwnerId", "Month", "Key", "PreviousMonth", "Amount", "Customers")
            SELECT * FROM ({Cells}) WHERE true
            ON CONFLICT ("Dimension", "OwnerId", "Month", "Key", "PreviousMonth")
            DO UPDATE SET "Amount" = "Amount" + excluded."Amount", "Customers" = "Customers" + excluded."Customers"
            """, [rows], ct);
        await db.Database.ExecuteSqlRawAsync($"""
            DELETE FROM "CompositionCells" WHERE "Customers" = 0
            AND ("Dimension", "OwnerId", "Month", "Key", "PreviousMonth") IN (SELECT "Dimension", "OwnerId", "Month", "Key", "PreviousMonth" FROM ({Cells}))
            """, [rows], ct);
    }

    /// <summary>
    /// Fills the cells from the month rows in one statement, as <see cref="Difference"/> would one customer at a time:
    /// for the migration that adds the table and for the benchmark's generated files.
    /// </summary>
    public static string FillSql(bool sqlServer)
    {
        var (q, qEnd) = sqlServer ? ("[", "]") : ("\"", "\"");
        string N(string name) => q + name + qEnd;
        var level = "CASE " + N("Level") + string.Concat(Enum.GetValues<CustomerLevel>().Select(l => $" WHEN {(int)l} THEN '{l}'")) + " END";
        var never = sqlServer ? "CAST('0001-01-01' AS date)" : "'0001-01-01'";
        var wholeBase = sqlServer ? "CAST('00000000-0000-0000-0000-000000000000' AS uniqueidentifier)" : "'00000000-0000-0000-0000-000000000000'";
        var sum = sqlServer ? "SUM(" + N("Amount") + ")" : "round(sum(" + N("Amount") + "), 2)";
        return $"""
            WITH months AS (
                SELECT {N("CustomerId")}, {N("Month")}, {N("OwnerId")}, {N("Level")}, {N("Region")}, {N("Industry")}, {sum} AS {N("Amount")}
                FROM {N("CustomerMonthSales")}
                GROUP BY {N("CustomerId")}, {N("Month")}, {N("OwnerId")}, {N("Level")}, {N("Region")}, {N("Industry")}
            ), runs AS (
                SELECT m.*, COALESCE(LAG({N("Month")}) OVER (PARTITION BY {N("CustomerId")} ORDER BY {N("Month")}), {never}) AS {N("Previous")} FROM months AS m
            ), keyed AS (
                SELECT {(int)CompositionDimension.Level} AS {N("Dimension")}, {N("OwnerId")}, {N("Month")}, {level} AS {N("Key")}, {N("Previous")}, {N("Amount")} FROM runs
                UNION ALL SELECT {(int)CompositionDimension.Region}, {N("OwnerId")}, {N("Month")}, COALESCE({N("Region")}, ''), {N("Previous")}, {N("Amount")} FROM runs
                UNION ALL SELECT {(int)CompositionDimension.Industry}, {N("OwnerId")}, {N("Month")}, COALESCE({N("Industry")}, ''), {N("Previous")}, {N("Amount")} FROM runs
                UNION ALL SELECT {(int)CompositionDimension.Owner}, {N("OwnerId")}, {N("Month")}, '', {N("Previous")}, {N("Amount")} FROM runs
                UNION ALL SELECT {(int)CompositionDimension.Category}, {N("OwnerId")}, {N("Month")}, {N("Category")},
                    COALESCE(LAG({N("Month")}) OVER (PARTITION BY {N("CustomerId")}, {N("Category")} ORDER BY {N("Month")}), {never}), {N("Amount")}
                FROM {N("CustomerMonthSales")}
            )
            INSERT INTO {N("CompositionCells")} ({N("Dimension")}, {N("OwnerId")}, {N("Month")}, {N("Key")}, {N("PreviousMonth")}, {N("Amount")}, {N("Customers")})
            SELECT {N("Dimension")}, {N("OwnerId")}, {N("Month")}, {N("Key")}, {N("Previous")}, {sum}, COUNT(*) FROM keyed
            GROUP BY {N("Dimension")}, {N("OwnerId")}, {N("Month")}, {N("Key")}, {N("Previous")}
            UNION ALL
            SELECT {N("Dimension")}, {wholeBase}, {N("Month")}, {N("Key")}, {N("Previous")}, {sum}, COUNT(*) FROM keyed
            WHERE {N("Dimension")} <> {(int)CompositionDimension.Owner}
            GROUP BY {N("Dimension")}, {N("Month")}, {N("Key")}, {N("Previous")};
            """;
    }
}
