using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Persistence;

/// <summary>
/// The scope filter's SQL for each kind of caller, on both providers, read without a database (<c>ToQueryString</c>).
/// It must stay a test of the owner that an OwnerId index can serve: "= @owner" for a rep, the owners as one JSON
/// parameter for a manager, and nothing for a caller who sees all. Never "@flag OR …": with it SQLite uses no OwnerId
/// index. One SQL text per kind of caller is also what lets EF Core keep it (docs/performance.md, "Fifteenth round").
/// </summary>
public sealed class ScopeFilterSqlTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer"];

    private static CrmDbContext Context(string provider) => provider == "Sqlite"
        ? new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=:memory:").Options)
        : new SqlServerCrmDbContext(new DbContextOptionsBuilder<SqlServerCrmDbContext>().UseSqlServer("Server=unused;Database=Crm").Options);

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_rep_tests_one_owner_a_manager_reads_the_owners_as_one_parameter_and_an_administrator_has_no_owner_test(string provider)
    {
        string SqlFor(Action<Caller> become)
        {
            var caller = new Caller();
            become(caller);
            using var db = Context(provider).For(caller, TimeProvider.System);
            return db.Customers.Where(c => c.Name == "Acme").Select(c => c.Id).ToQueryString();
        }

        var rep = SqlFor(c => c.BecomeUser(Guid.NewGuid(), Role.Rep, null, "test", []));
        var manager = SqlFor(c => c.BecomeUser(Guid.NewGuid(), Role.Manager, null, "test", [Guid.NewGuid(), Guid.NewGuid()]));
        var administrator = SqlFor(c => c.BecomeUser(Guid.NewGuid(), Role.Admin, null, "test", []));

        Assert.Matches(@"OwnerId[""\]] = @ef_filter__ScopeOwner\b", rep);
        Assert.Contains(provider == "Sqlite" ? "json_each(@ef_filter__ScopeOwners)" : "OPENJSON(@ef_filter__ScopeOwners)", manager);
        Assert.DoesNotContain("OwnerId", administrator);
        foreach (var sql in new[] { rep, manager, administrator }) Assert.DoesNotContain(" OR ", sql);
    }
}
