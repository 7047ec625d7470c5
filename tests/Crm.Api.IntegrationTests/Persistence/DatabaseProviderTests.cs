using Crm.Api.Common;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Crm.Api.IntegrationTests.Persistence;

public sealed class SqlServerMigrationScriptTests
{
    /// <summary>SQL Server is checked without a server: the idempotent migration script must parse as T-SQL.</summary>
    [Fact]
    public void The_idempotent_sql_server_migration_script_parses_without_errors()
    {
        var options = new DbContextOptionsBuilder<SqlServerCrmDbContext>().UseSqlServer("Server=unused;Database=Crm").Options;
        using var db = new SqlServerCrmDbContext(options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        var tables = fragment.ScriptTokenStream.Count(t => t.TokenType == TSqlTokenType.Table);
        Assert.True(tables > 10, "the script should create the CRM's tables");
        Assert.Contains("CREATE TABLE [Customers]", script);
        Assert.Contains("[IsPrimary] = 1", script);
        Assert.Contains("Latin1_General_100_BIN2", script);
    }

    [Fact]
    public void Both_migration_sets_are_in_step_with_the_model()
    {
        using var sqlite = new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerCrmDbContext(new DbContextOptionsBuilder<SqlServerCrmDbContext>().UseSqlServer("Server=unused").Options);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: run scripts/add-migration.sh");
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "SQL Server migrations are behind the model: run scripts/add-migration.sh");
    }
}

public sealed class SqliteSettingsTests(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    // The settings are applied once per physical connection, which Microsoft.Data.Sqlite keeps in its pool: a brand-new
    // connection (the pool emptied first) must get them, and a connection taken from the pool again must still have them.
    [Fact]
    public void The_sqlite_database_runs_in_wal_with_normal_sync_foreign_keys_a_busy_timeout_and_a_4_mib_page_cache()
    {
        SqliteConnection.ClearAllPools();
        for (var open = 0; open < 3; open++)
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Database.OpenConnection();
            string Pragma(string name) => PragmaOf(db, name);
            Assert.Equal("wal", Pragma("journal_mode"));
            Assert.Equal("1", Pragma("synchronous")); // NORMAL
            Assert.Equal("1", Pragma("foreign_keys"));
            Assert.True(int.Parse(Pragma("busy_timeout"), System.Globalization.CultureInfo.InvariantCulture) >= 5000);
            Assert.Equal("-4096", Pragma("cache_size")); // KiB
            db.Database.CloseConnection();
            if (open == 1) SqliteConnection.ClearAllPools();
        }
    }

    // An operator can size each connection's page cache; a connection kept open across requests takes a new size at its
    // next rent, as it does a new page limit.
    [Fact]
    public void Each_connection_takes_the_configured_page_cache_at_its_next_rent()
    {
        var config = App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        string CacheSize()
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Database.OpenConnection();
            return PragmaOf(db, "cache_size");
        }

        Assert.Equal("-4096", CacheSize());
        config["Database:SqliteCacheKib"] = "6144";
        try
        {
            Assert.Equal("-6144", CacheSize());
        }
        finally
        {
            config["Database:SqliteCacheKib"] = null;
        }
        Assert.Equal("-4096", CacheSize());
    }

    // SQLite counts no memory statistics: counting takes one lock for the whole process on every allocation and free in
    // SQLite, and concurrent requests queued on it (SqliteLibrary). Counted, the total is never zero while a connection is open.
    [Fact]
    public async Task Sqlite_allocates_without_counting_its_memory()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.Customers.IgnoreQueryFilters().CountAsync();

        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
    }

    private static string PragmaOf(CrmDbContext db, string name)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

public abstract class HealthTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task Live_and_ready_answer_anonymously_when_the_database_is_up()
    {
        var client = App.NewClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}

public sealed class HealthTestsOnSqlite(SqliteApp app) : HealthTests<SqliteApp>(app);

public sealed class HealthTestsOnSqlServer(SqlServerApp app) : HealthTests<SqlServerApp>(app);
