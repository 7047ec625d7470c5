using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Crm.Api.Persistence;

/// <summary>What SQLite's query planner cannot learn from its statistics, said in the query.</summary>
public static class PlannerHints
{
    /// <summary>
    /// The condition holds for most rows. SQLite's statistics average the rows per distinct value: 98% of customers are
    /// not archived, yet (owner, level, archived at) averaged 36 rows per value, because every archived customer has a
    /// date of its own. Believing "not archived" selective, the planner skip-scanned that index and sorted every customer
    /// for a whole-base first page (8.5 s at a million) instead of reading the list's order index until the page was
    /// full. SQLite reads it as <c>likely()</c>; SQL Server as the condition itself.
    /// </summary>
    public static bool Usually(bool condition) => throw new InvalidOperationException("PlannerHints.Usually is for queries only.");

    internal static void Register(ModelBuilder builder, bool sqlite) =>
        builder.HasDbFunction(typeof(PlannerHints).GetMethod(nameof(Usually))!).HasTranslation(args => sqlite
            ? new SqlFunctionExpression("likely", args, nullable: false, argumentsPropagateNullability: [false], typeof(bool), args[0].TypeMapping)
            : args[0]);
}
