using System.Diagnostics;
using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Generate;

/// <summary>
/// Tables the API keeps in step on write, computed here in SQL from the base tables after a bulk load that bypassed
/// SaveChanges. The rules are the API's own (Persistence/CustomerStatistics.cs): one CustomerStats row per customer,
/// days as DateOnly.DayNumber, cadence the median gap between distinct purchase days. Doing it in SQL takes a minute
/// at a million customers; the API's chunked rebuild at start-up would take far longer and spoil the cold start.
/// </summary>
internal static class DerivedTables
{
    // julianday('0001-01-01') is 1721425.5: DateOnly.DayNumber is the number of days since then.
    private static string Day(string column) => $"CAST(julianday({column}) - 1721425.5 AS INTEGER)";

    public static void Rebuild(SqliteConnection connection, TextWriter log)
    {
        var step = Stopwatch.StartNew();
        Exec(connection, $"""
            DELETE FROM "CustomerStats";
            DROP TABLE IF EXISTS temp.purchase_totals;
            DROP TABLE IF EXISTS temp.cadence;
            CREATE TEMP TABLE purchase_totals ("CustomerId" TEXT PRIMARY KEY, "Purchases" INTEGER, "TotalAmount" REAL, "FirstOn" TEXT, "LastOn" TEXT);
            INSERT INTO purchase_totals
                SELECT "CustomerId", count(*), sum("Amount"), min("PurchasedOn"), max("PurchasedOn") FROM "Purchases" GROUP BY "CustomerId";
            CREATE TEMP TABLE cadence ("CustomerId" TEXT PRIMARY KEY, "Days" REAL);
            INSERT INTO cadence
                WITH days AS (SELECT DISTINCT "CustomerId", {Day("\"PurchasedOn\"")} AS d FROM "Purchases"),
                gaps AS (SELECT "CustomerId", d - lag(d) OVER (PARTITION BY "CustomerId" ORDER BY d) AS gap FROM days),
                ranked AS (SELECT "CustomerId", gap, row_number() OVER (PARTITION BY "CustomerId" ORDER BY gap) AS n,
                                  count(*) OVER (PARTITION BY "CustomerId") AS total FROM gaps WHERE gap > 0)
                SELECT "CustomerId", avg(gap) FROM ranked WHERE n IN ((total + 1) / 2, (total + 2) / 2) GROUP BY "CustomerId";
            INSERT INTO "CustomerStats" ("CustomerId", "OwnerId", "Lifecycle", "Purchases", "TotalAmount", "FirstPurchaseOn", "LastPurchaseOn", "FirstPurchaseDay", "LastPurchaseDay",
                "CadenceDays", "Complaints", "RecurringComplaints", "RatedComplaints", "SatisfactionTotal", "ReferralsMade", "ReferralsWon", "LastVisitAt")
            SELECT c."Id", c."OwnerId", c."Lifecycle", coalesce(p."Purchases", 0), coalesce(p."TotalAmount", 0.0), p."FirstOn", p."LastOn",
                   CASE WHEN p."FirstOn" IS NULL THEN NULL ELSE {Day("p.\"FirstOn\"")} END,
                   CASE WHEN p."LastOn" IS NULL THEN NULL ELSE {Day("p.\"LastOn\"")} END,
                   k."Days", coalesce(m."Count", 0), coalesce(m."Recurring", 0), coalesce(m."Rated", 0), coalesce(m."Total", 0),
                   coalesce(r."Made", 0), coalesce(r."Won", 0), v."Last"
            FROM "Customers" AS c
            LEFT JOIN purchase_totals AS p ON p."CustomerId" = c."Id"
            LEFT JOIN cadence AS k ON k."CustomerId" = c."Id"
            LEFT JOIN (SELECT "CustomerId", count(*) AS "Count", sum("IsRecurring") AS "Recurring", count("Satisfaction") AS "Rated",
                              coalesce(sum("Satisfaction"), 0) AS "Total" FROM "Complaints" GROUP BY "CustomerId") AS m ON m."CustomerId" = c."Id"
            LEFT JOIN (SELECT "CustomerId", max("ActualStart") AS "Last" FROM "Visits"
                       WHERE "Status" = 'Completed' AND "ReviewStatus" IN ('PendingReview', 'Approved') GROUP BY "CustomerId") AS v ON v."CustomerId" = c."Id"
            LEFT JOIN (SELECT "ReferrerId", count(*) AS "Made", sum("Status" = 'Won') AS "Won" FROM "Referrals" GROUP BY "ReferrerId") AS r ON r."ReferrerId" = c."Id"
            ORDER BY c."Id";
            DROP TABLE temp.purchase_totals;
            DROP TABLE temp.cadence;
            """);
        log.WriteLine($"  CustomerStats computed from purchases, complaints, referrals and visits in {step.Elapsed.TotalSeconds:0.0} s");

        // LoyaltyStageCounts (Persistence/LoyaltyStageCounts.cs), from the statistics rows just computed, by the statement its migration runs.
        step.Restart();
        Exec(connection, "DELETE FROM \"LoyaltyStageCounts\";\n" + LoyaltyStageCounts.FillSql(sqlServer: false));
        log.WriteLine($"  LoyaltyStageCounts computed from the statistics in {step.Elapsed.TotalSeconds:0.0} s");

        // CustomerMonthSales (Persistence/MonthlySales.cs): one row per customer, month and category with the customer's
        // owner, level, region and industry. The migration that added the table filled it from the purchases there
        // were; a generated file got its purchases after the migrations ran, so it is filled here when still empty.
        step.Restart();
        using var count = connection.CreateCommand();
        count.CommandText = """SELECT EXISTS (SELECT 1 FROM "CustomerMonthSales")""";
        if ((long)count.ExecuteScalar()! == 0)
        {
            Exec(connection, """
                INSERT INTO "CustomerMonthSales" ("CustomerId", "Month", "Category", "OwnerId", "Level", "Region", "Industry", "Amount", "Purchases")
                SELECT p."CustomerId", substr(p."PurchasedOn", 1, 8) || '01', p."Category", c."OwnerId", c."Level", c."Region", c."Industry", sum(p."Amount"), count(*)
                FROM "Purchases" AS p JOIN "Customers" AS c ON c."Id" = p."CustomerId"
                GROUP BY p."CustomerId", substr(p."PurchasedOn", 1, 8), p."Category";
                """);
            log.WriteLine($"  CustomerMonthSales computed from purchases in {step.Elapsed.TotalSeconds:0.0} s");
        }

        // CompositionCells (Persistence/CompositionCells.cs), from the month rows, by the statement its migration runs.
        step.Restart();
        count.CommandText = """SELECT EXISTS (SELECT 1 FROM "CompositionCells")""";
        if ((long)count.ExecuteScalar()! == 0)
        {
            Exec(connection, CompositionCells.FillSql(sqlServer: false));
            log.WriteLine($"  CompositionCells computed from the month rows in {step.Elapsed.TotalSeconds:0.0} s");
        }

        // PortfolioCounts (Persistence/PortfolioCounts.cs), from the customers, by the statement its migration runs.
        step.Restart();
        count.CommandText = """SELECT EXISTS (SELECT 1 FROM "PortfolioCounts")""";
        if ((long)count.ExecuteScalar()! == 0)
        {
            Exec(connection, PortfolioCounts.FillSql(sqlServer: false));
            log.WriteLine($"  PortfolioCounts computed from the customers in {step.Elapsed.TotalSeconds:0.0} s");
        }

        // The delta-sync change log: one change per existing record, exactly what the API's start-up writes into an empty
        // log (Persistence/DatabaseStartup.cs); done here so that the API's first start is not charged with ~10M inserts.
        step.Restart();
        count.CommandText = """SELECT EXISTS (SELECT 1 FROM "Changes")""";
        if ((long)count.ExecuteScalar()! == 0)
        {
            Exec(connection, """
                INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                SELECT 'customer', "Id", "Id", "OwnerId", 0, "UpdatedAt" FROM "Customers";
                INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                SELECT 'contact', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Contacts" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                SELECT 'purchase', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Purchases" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                SELECT 'visit', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Visits" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                SELECT 'complaint', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Complaints" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                """);
            log.WriteLine($"  Changes (delta-sync log) numbered for every record in {step.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
