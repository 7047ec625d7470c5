using System.Data;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.IntegrationTests.Persistence;

#pragma warning disable EF1001 // The pool is EF Core's, replaced for SQLite; these tests rent from it as EF Core's factory does.
/// <summary>
/// SQLite contexts keep their connection open between requests (decision 0018). The pool hands out the context given back
/// last, so the few that the requests in flight need stay warm, and it closes the ones nobody has rented for a while, so a
/// burst's extra connections give their page caches and statements back (docs/performance.md, "Twenty-first round").
/// </summary>
public sealed class KeptConnectionPoolTestsOnSqlite(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    private static readonly TimeSpan IdleFor = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider clock = new();

    // A pool of its own over the API's own options (the test database, the kept-open connection, the interceptors).
    private (KeptConnectionPool Pool, PooledDbContextFactory<SqliteCrmDbContext> Factory) NewPool()
    {
        var pool = new KeptConnectionPool(App.Services.GetRequiredService<DbContextOptions<SqliteCrmDbContext>>(), App.Services, IdleFor, clock);
        return (pool, new PooledDbContextFactory<SqliteCrmDbContext>(pool));
    }

    private static SqliteConnection Opened(DbContext db)
    {
        db.Database.OpenConnection();
        return (SqliteConnection)db.Database.GetDbConnection();
    }

    // Two requests in flight at once: two contexts rented, each with its connection open.
    private static (DbContext First, SqliteConnection FirstConnection, DbContext Second, SqliteConnection SecondConnection) TwoInFlight(
        PooledDbContextFactory<SqliteCrmDbContext> factory)
    {
        var first = factory.CreateDbContext();
        var second = factory.CreateDbContext();
        return (first, Opened(first), second, Opened(second));
    }

    [Fact]
    public void The_api_rents_its_sqlite_contexts_from_this_pool() =>
        Assert.IsType<KeptConnectionPool>(App.Services.GetRequiredService<IDbContextPool<SqliteCrmDbContext>>());

    [Fact]
    public void The_context_given_back_last_is_the_next_one_handed_out_with_its_connection_still_open()
    {
        var (pool, factory) = NewPool();
        using var _ = pool;
        var (first, firstConnection, second, secondConnection) = TwoInFlight(factory);
        first.Dispose();
        second.Dispose();

        using var next = factory.CreateDbContext();
        Assert.Same(secondConnection, next.Database.GetDbConnection());
        Assert.NotSame(firstConnection, secondConnection);
        Assert.Equal(ConnectionState.Open, secondConnection.State);
        Assert.Equal(1, pool.Kept);
    }

    [Fact]
    public void A_context_nobody_has_rented_for_the_idle_time_is_dropped_and_its_connection_closed()
    {
        var (pool, factory) = NewPool();
        using var _ = pool;
        var (first, firstConnection, second, secondConnection) = TwoInFlight(factory);
        first.Dispose();
        clock.Advance(IdleFor - TimeSpan.FromSeconds(1));
        second.Dispose();
        // Unused for just under the idle time: both kept, both open.
        Assert.Equal(2, pool.Kept);
        Assert.Equal(ConnectionState.Open, firstConnection.State);

        clock.Advance(TimeSpan.FromSeconds(2));
        // The next request takes the top one and gives it back; the bottom one has now sat unused past the idle time.
        var again = factory.CreateDbContext();
        Assert.Same(secondConnection, again.Database.GetDbConnection());
        again.Dispose();

        Assert.Equal(1, pool.Kept);
        Assert.Equal(ConnectionState.Closed, firstConnection.State);
        Assert.Equal(ConnectionState.Open, secondConnection.State);
        // Closed for real, with its page cache and statements, rather than kept by Microsoft.Data.Sqlite's own pool.
        Assert.False(new SqliteConnectionStringBuilder(firstConnection.ConnectionString).Pooling);
    }

    [Fact]
    public void Disposing_the_pool_closes_every_connection_it_kept()
    {
        var (pool, factory) = NewPool();
        var first = factory.CreateDbContext();
        var connection = Opened(first);
        first.Dispose();
        Assert.Equal(ConnectionState.Open, connection.State);

        pool.Dispose();
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, pool.Kept);
    }
}
#pragma warning restore EF1001
