using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Api.Persistence;

public static class DatabaseRegistration
{
    public const string DefaultSqliteConnection = "Data Source=data/crm.db";

    /// <summary>Chooses the provider from <c>Database:Provider</c> (Sqlite by default, or SqlServer).</summary>
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        // Per-replica caches that a save on this replica empties (they are interceptors of every context).
        services.AddSingleton(sp => new Common.Auth.CallerCache(sp.GetRequiredService<TimeProvider>(), config));
        services.AddSingleton(sp => new WebhookSubscriptionCache(sp.GetRequiredService<TimeProvider>(), config));
        services.AddSingleton(sp => new Common.Auth.ApiKeyCache(sp.GetRequiredService<TimeProvider>(), config));
        var connection = config.GetConnectionString("Crm");
        if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Crm is empty.");
            services.AddPooledDbContextFactory<SqlServerCrmDbContext>((sp, o) => ShapersCompiledOnce.Use(o
                .UseSqlServer(connection, s => s.EnableRetryOnFailure().MigrationsAssembly(typeof(CrmDbContext).Assembly.FullName)))
                .AddInterceptors(ReplicaCaches(sp))
                .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
            AddRentedContext<SqlServerCrmDbContext>(services, (_, _) => { });
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection)
            {
                ForeignKeys = true,
                DefaultTimeout = 30,
                // The contexts' connections stay open and the context pool keeps them (KeptConnectionPool). Microsoft.Data.Sqlite's
                // own pool would keep one the context pool closes, with its file and page cache, for minutes more.
                Pooling = false,
            };
            var onDisk = builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory;
            if (onDisk)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                // Only start-up creates the file (DatabaseStartup). A file that disappears later must fail as "cannot open"
                // (503 until it is back) instead of being silently recreated empty and answering 500 "no such table".
                if (builder.Mode == SqliteOpenMode.ReadWriteCreate) builder.Mode = SqliteOpenMode.ReadWrite;
            }
            var pragmas = new SqlitePragmas(config);
            services.AddHostedService<SqliteStatistics>();
            var statements = new PreparedStatements();
            services.AddPooledDbContextFactory<SqliteCrmDbContext>((sp, o) => ShapersCompiledOnce.Use(KeptOpenSqliteConnection.Use(o
                .UseSqlite(builder.ToString())))
                .AddInterceptors(ReplicaCaches(sp).Prepend(statements).Prepend(pragmas))
                .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)),
                poolSize: KeptConnectionPool.Size);
            KeptConnectionPool.Use(services, TimeSpan.FromSeconds(config.GetValue("Database:SqliteIdleConnectionSeconds", 30)));
            var file = onDisk ? Path.GetFullPath(builder.DataSource) : null;
            var checkEvery = TimeSpan.FromMilliseconds(config.GetValue("Database:SqliteFileCheckMs", 1000));
            services.AddSingleton(sp => new DatabaseFilePresence(file, checkEvery, sp.GetRequiredService<TimeProvider>()));
            AddRentedContext<SqliteCrmDbContext>(services, (sp, db) => KeptOpenSqliteConnection.Lease(db, pragmas, sp.GetRequiredService<DatabaseFilePresence>()));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or SqlServer.");
        }
        return services;
    }

    /// <summary>The per-replica caches registered above: every context of either provider must let its saves empty them.</summary>
    private static IInterceptor[] ReplicaCaches(IServiceProvider sp) =>
        [sp.GetRequiredService<Common.Auth.CallerCache>(), sp.GetRequiredService<Common.Auth.ApiKeyCache>(), sp.GetRequiredService<WebhookSubscriptionCache>()];

    /// <summary>
    /// A scope's CrmDbContext is rented from the pool and handed the scope's caller and clock; disposing the scope gives
    /// it back. Building a context per request (EF Core's service lookup by options, the DbSet initialisation) was about
    /// a tenth of the CPU of a create or a get by id (docs/performance.md, "Seventh round").
    /// </summary>
    private static void AddRentedContext<TContext>(IServiceCollection services, Action<IServiceProvider, CrmDbContext> rented) where TContext : CrmDbContext =>
        services.AddScoped<CrmDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
                .For(sp.GetRequiredService<Common.Caller>(), sp.GetRequiredService<TimeProvider>());
            rented(sp, db);
            return db;
        });
}

/// <summary>
/// Per-connection SQLite settings: NORMAL sync is safe under WAL (a crash can lose the last commits only on power
/// loss, never corrupt), busy_timeout makes concurrent writers wait instead of failing, and the page cache is
/// <see cref="CacheKib"/>. <c>Database:SqliteMaxPageCount</c> (unset by default) caps the file at that many pages: an
/// operator's quota, and how the tests make the disk "full". Both are read on every open and every rent of a context,
/// so a change takes effect without a restart.
/// </summary>
/// <remarks>
/// The settings belong to the physical connection, which Microsoft.Data.Sqlite keeps in its pool from one open to the
/// next, and EF Core opens a connection for every statement outside a transaction. So they run once per physical
/// connection, and again only when they have changed: running them on every open was three more statements to
/// prepare for each of a request's reads (docs/performance.md, "Fifteenth round").
/// </remarks>
internal sealed class SqlitePragmas(IConfiguration configuration) : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for SQLite's lock (busy_timeout), and for its turn at <see cref="SqliteWriteGate"/>.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private static readonly string Pragmas =
        $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON;";

    // What each live physical connection (its sqlite3 handle) was last given; an entry goes with its handle.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> Applied = new();

    // The commands for the current settings, kept while the settings stay the same: they are asked for at every rent.
    private sealed record Settings(long? MaxPages, int CacheKib, string Commands);
    private Settings? current;

    private string Commands()
    {
        var maxPages = configuration.GetValue<long?>("Database:SqliteMaxPageCount") is { } pages and > 0 ? pages : (long?)null;
        var cacheKib = CacheKib(configuration);
        if (current is { } settings && settings.MaxPages == maxPages && settings.CacheKib == cacheKib) return settings.Commands;
        var commands = Pragmas + FormattableString.Invariant($" PRAGMA cache_size=-{cacheKib};")
            + (maxPages is { } max ? FormattableString.Invariant($" PRAGMA max_page_count={max};") : "");
        current = new Settings(maxPages, cacheKib, commands);
        return commands;
    }

    /// <summary>
    /// Each connection's page cache, <c>Database:SqliteCacheKib</c> (4 MiB; SQLite's own default is 2 MiB). A manager's
    /// list page with its primary contacts and owners touches more pages than 2 MiB holds, so every run read most of
    /// them again from the operating system: 0.91 against 0.40 ms for its statement (docs/performance.md, "Nineteenth round").
    /// </summary>
    public static int CacheKib(IConfiguration configuration) =>
        Math.Max(configuration.GetValue("Database:SqliteCacheKib", DefaultCacheKib), 1);

    public const int DefaultCacheKib = 4096;

    private string? Pending(DbConnection connection)
    {
        var commands = Commands();
        return connection is SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out var applied) && applied == commands
            ? null : commands;
    }

    private static void Remember(DbConnection connection, string commands)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Applied.AddOrUpdate(handle, commands);
    }

    /// <summary>
    /// On open, and when a request rents a context whose connection stayed open (<see cref="KeptOpenSqliteConnection"/>):
    /// a kept connection opens only once, and a changed setting must still reach it.
    /// </summary>
    public void ApplyIfChanged(DbConnection connection)
    {
        if (Pending(connection) is not { } commands) return;
        using var command = connection.CreateCommand();
        command.CommandText = commands;
        command.ExecuteNonQuery();
        Remember(connection, commands);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => ApplyIfChanged(connection);

    // Microsoft.Data.Sqlite runs its "async" commands synchronously, so the async open applies the settings the same way.
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ApplyIfChanged(connection);
        return Task.CompletedTask;
    }
}
