using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Api.IntegrationTests.Persistence;

/// <summary>
/// On SQLite a rented context's connection stays open when the request ends, and a statement it has prepared is run
/// again for the next execution of the same SQL instead of being parsed and planned anew (docs/performance.md,
/// "Eighteenth round"). Each run must still use its own parameters and its own caller's scope.
/// </summary>
public sealed class PreparedStatementTestsOnSqlite(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    private const string Marker = " (prepared-statement test)";

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(T value) => next(value);
    }

    // Every command EF Core executes with the marker in its SQL, as EF Core's diagnostic events report it.
    private static IDisposable Watch(List<DbCommand> executed) =>
        DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
            {
                if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData { Command: var command }
                    && command.CommandText.Contains(Marker, StringComparison.Ordinal))
                    lock (executed) executed.Add(command);
            }));
        }));

    private async Task<(SqliteConnection Connection, string? Name)> NameAs(Who rep, Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().BecomeUser(App.UserIds[rep], Role.Rep, null, "test", []);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var name = await db.Customers.Where(c => c.Id == id).Select(c => c.Name + Marker).FirstOrDefaultAsync();
        return ((SqliteConnection)db.Database.GetDbConnection(), name);
    }

    [Fact]
    public async Task A_statement_prepared_for_one_request_stays_prepared_after_it_and_runs_with_each_later_requests_parameters_and_scope()
    {
        var first = await Arrange.OwnedByAsync(App, Who.Rep1);
        var second = await Arrange.OwnedByAsync(App, Who.Rep1);
        var firstName = App.WithDb(db => db.Customers.Single(c => c.Id == first.Id).Name);
        var secondName = App.WithDb(db => db.Customers.Single(c => c.Id == second.Id).Name);

        var executed = new List<DbCommand>();
        using var watching = Watch(executed);
        var (connection, name) = await NameAs(Who.Rep1, first.Id);
        Assert.Equal(firstName + Marker, name);

        // The request is over and its context back in the pool: the connection is still open.
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);

        // Later requests, whichever pooled context they get, answer with their own parameters and their own caller's scope.
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(secondName + Marker, (await NameAs(Who.Rep1, second.Id)).Name);
            Assert.Null((await NameAs(Who.Rep2, first.Id)).Name);
            Assert.Equal(firstName + Marker, (await NameAs(Who.Rep1, first.Id)).Name);
        }
        // Each connection ran the SQL through one command, kept with its prepared statement, not a new one per request.
        lock (executed)
        {
            Assert.Equal(19, executed.Count);
            Assert.All(executed.GroupBy(c => c.Connection), runs => Assert.Single(runs.Distinct()));
        }
    }

    [Fact]
    public async Task Many_one_off_statements_do_not_push_out_a_statement_that_keeps_running()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var executed = new List<DbCommand>();
        using var watching = Watch(executed);
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().BecomeUser(App.UserIds[Who.Rep1], Role.Rep, null, "test", []);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        // Twice as many different texts as a connection keeps, with the frequent one run between every few of them.
        for (var i = 0; i < 2 * PreparedStatements.PerConnection; i++)
        {
            var oneOff = $" one-off {i}";
            Assert.NotNull(await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Code + EF.Constant(oneOff)).FirstOrDefaultAsync());
            if (i % 4 == 0) Assert.NotNull(await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Name + Marker).FirstOrDefaultAsync());
        }
        lock (executed)
        {
            Assert.Equal(PreparedStatements.PerConnection / 2, executed.Count);
            Assert.Single(executed.Distinct());
        }
    }

    [Fact]
    public async Task The_same_query_run_again_while_its_first_reader_is_still_open_gets_a_command_of_its_own()
    {
        var first = await Arrange.OwnedByAsync(App, Who.Rep1);
        var second = await Arrange.OwnedByAsync(App, Who.Rep1);
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().BecomeUser(App.UserIds[Who.Rep1], Role.Rep, null, "test", []);
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        IQueryable<Guid> Ids(params Guid[] ids) => db.Customers.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Code).Select(c => c.Id);
        Guid[] both = [.. new[] { first, second }.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Id)];

        // Kept once, then run again while a reader of the same SQL, with rows still to come, is open on the same connection.
        Assert.Equal(both, await Ids(both).ToListAsync());
        var seen = new List<(Guid Outer, Guid Inner)>();
        await foreach (var outer in Ids(both).AsAsyncEnumerable())
            seen.Add((outer, (await Ids(second.Id).ToListAsync()).Single()));
        Assert.Equal([(both[0], second.Id), (both[1], second.Id)], seen);
        Assert.Equal([second.Id], await Ids(second.Id).ToListAsync());
    }
}
