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

    // EF Core keeps the SQL of a query once it has generated it, keyed by whether the scope's owner list is null
    // ("sees all"). A caller who sees every customer must therefore never leave behind SQL without the owner filter
    // for the next rep, and a rep's filter must not stay behind for an administrator.
    [Fact]
    public async Task The_same_query_keeps_each_callers_scope_when_callers_who_see_all_and_callers_who_do_not_take_turns()
    {
        var rep1s = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep1, 10m, "2026-11-02");
        var rep2s = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep2, 10m, "2026-11-02");
        var rep3s = await Arrange.CustomerWithPurchasesAsync(App, Who.Rep3, 10m, "2026-11-02");
        Guid[] ours = [rep1s, rep2s, rep3s];
        var teamA = new[] { App.UserIds[Who.Rep1], App.UserIds[Who.Rep2] };

        async Task<List<Guid>> SeenBy(Action<Caller> become)
        {
            await using var scope = App.Services.CreateAsyncScope();
            become(scope.ServiceProvider.GetRequiredService<Caller>());
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var customers = await db.Customers.Where(c => ours.Contains(c.Id)).Select(c => c.Id).ToListAsync();
            // Purchases are scoped through their customer: the same caller must see the same customers' purchases.
            var buyers = await db.Purchases.Where(p => ours.Contains(p.CustomerId)).Select(p => p.CustomerId).Distinct().ToListAsync();
            Assert.Equal(customers.Order(), buyers.Order());
            return [.. customers.Order()];
        }

        Action<Caller> admin = c => c.BecomeUser(App.UserIds[Who.Admin], Role.Admin, null, "test", []);
        Action<Caller> rep1 = c => c.BecomeUser(App.UserIds[Who.Rep1], Role.Rep, null, "test", []);
        Action<Caller> managerA = c => c.BecomeUser(App.UserIds[Who.ManagerA], Role.Manager, null, "test", teamA);
        Action<Caller> apiKey = c => c.BecomeApiKey(Guid.NewGuid());
        Action<Caller> anonymous = c => c.BecomeAnonymous();

        var everyone = ours.Order().ToList();
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(everyone, await SeenBy(admin));
            Assert.Equal([rep1s], await SeenBy(rep1));
            Assert.Equal(everyone, await SeenBy(apiKey));
            Assert.Equal(new[] { rep1s, rep2s }.Order(), await SeenBy(managerA));
            Assert.Empty(await SeenBy(anonymous));
            Assert.Equal(everyone, await SeenBy(admin));
        }
    }
}

public sealed class PooledContextTestsOnSqlite(SqliteApp app) : PooledContextTests<SqliteApp>(app);

public sealed class PooledContextTestsOnSqlServer(SqlServerApp app) : PooledContextTests<SqlServerApp>(app);
