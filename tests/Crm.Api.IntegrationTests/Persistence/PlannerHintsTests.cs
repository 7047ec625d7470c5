using Crm.Api.Common;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Persistence;

/// <summary>A planner hint changes no answer: SQLite gets <c>likely()</c>, SQL Server the bare condition (no engine needed to see the SQL).</summary>
public sealed class PlannerHintsTests
{
    [Fact]
    public void Usually_is_likely_on_sqlite_and_the_bare_condition_on_sql_server()
    {
        using var sqlite = new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerCrmDbContext(new DbContextOptionsBuilder<SqlServerCrmDbContext>().UseSqlServer("Server=127.0.0.1;Database=none;TrustServerCertificate=true").Options);

        string Where(CrmDbContext db) => db.For(new Caller(), TimeProvider.System).Customers.Where(c => PlannerHints.Usually(c.ArchivedAt == null)).ToQueryString();

        Assert.Contains("WHERE likely(\"c\".\"ArchivedAt\" IS NULL)", Where(sqlite), StringComparison.Ordinal);
        Assert.Contains("WHERE [c].[ArchivedAt] IS NULL", Where(sqlServer), StringComparison.Ordinal);
    }
}
