using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Persistence;

/// <summary>
/// Contexts are rented from a pool, so one instance serves many requests in turn. Each rent must see its own caller's
/// scope and nothing of the caller before it.
/// </summary>
public abstract class PooledContextTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_context_rented_again_sees_its_new_callers_customers_and_not_the_previous_ones()
    {
        var rep1s = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep2s = await Arrange.OwnedByAsync(App, Who.Rep2);

        async Task<(CrmDbContext Context, List<Guid> Seen)> RentAs(Who rep)
        {
            await using var scope = App.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Caller>().BecomeUser(App.UserIds[rep], Role.Rep, null, "test", []);
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var seen = await db.Customers.Where(c => c.Id == rep1s.Id || c.Id == rep2s.Id).Select(c => c.Id).ToListAsync();
            return (db, seen);
        }

        var instances = new HashSet<CrmDbContext>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < 10; i++)
        {
            var rep = i % 2 == 0 ? Who.Rep1 : Who.Rep2;
            var (context, seen) = await RentAs(rep);
            instances.Add(context);
            Assert.Equal([rep == Who.Rep1 ? rep1s.Id : rep2s.Id], seen);
        }
        Assert.True(instances.Count < 10, "the pool should have handed an instance out more than once");
    }
}

public sealed class PooledContextTestsOnSqlite(SqliteApp app) : PooledContextTests<SqliteApp>(app);

public sealed class PooledContextTestsOnSqlServer(SqlServerApp app) : PooledContextTests<SqlServerApp>(app);
