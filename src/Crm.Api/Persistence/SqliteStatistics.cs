using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps SQLite's query-planner statistics fresh. Without them SQLite guesses that every equality is selective and
/// picks, for example, the Lifecycle index (a quarter of all customers) over OwnerId for a rep's list. A pass runs just
/// after start-up, in the background, and again every <c>Database:SqliteOptimizeHours</c> (default 6), as SQLite
/// recommends for a long-lived process; the statistics are kept in the file, so until a pass ends the planner uses
/// those of the previous run (docs/performance.md, third and fourth rounds).
/// </summary>
public sealed class SqliteStatistics(IServiceScopeFactory scopes, IConfiguration config, ILogger<SqliteStatistics> log) : BackgroundService
{
    /// <summary>
    /// 0x10000 checks every table, not only those this connection used; 0x02 runs ANALYZE where it would help; 0x10
    /// samples instead of reading whole indexes. Without 0x10 a file never analysed was read whole, holding SQLite's
    /// write lock for over 30 s at a million customers while every write waited and some failed "database is locked".
    /// </summary>
    public const int OptimizeMask = 0x10012;

    private static readonly TimeSpan MaxPauseBetweenIndexes = TimeSpan.FromMilliseconds(150);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromHours(config.GetValue("Database:SqliteOptimizeHours", 6.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
                if (!db.Database.IsSqlite()) return;
                await db.Database.OpenConnectionAsync(stoppingToken);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    var analysed = await RefreshAsync(db.Database.GetDbConnection(), stoppingToken);
                    log.LogInformation("SQLite statistics refreshed in {Elapsed} ({Indexes} indexes analysed for the first time)",
                        System.Diagnostics.Stopwatch.GetElapsedTime(started), analysed);
                }
                finally { await db.Database.CloseConnectionAsync(); }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Stale statistics make some plans slower, never answers wrong: log and try again next time.
                log.LogWarning(e, "Refreshing SQLite's statistics failed");
            }
            try { await Task.Delay(every, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Indexes with no statistics (a new file, a bulk load, an index or table a migration added) are analysed exactly,
    /// one per statement, so SQLite's write lock is released between indexes. One whole unlimited
    /// <c>PRAGMA optimize</c> over a never-analysed million-customer file held it for over 30 s, and the writes behind
    /// it (the first start's data-protection key among them) failed "database is locked"; the largest index now takes
    /// about 4 s. Exact, not sampled: SQLite's sample is the first rows of each index, which for a column of few
    /// values sees one value only, and with such statistics a manager's dashboard chose the visits' review-status
    /// index over the date range and took 12 s instead of 3 (docs/performance.md, "Fourth round"). Then
    /// <c>PRAGMA optimize</c> re-analyses, sampled, any table that grew or shrank many times over since (rare).
    /// </summary>
    public static async Task<int> RefreshAsync(DbConnection connection, CancellationToken ct)
    {
        await ExecuteSqlAsync(connection, "PRAGMA analysis_limit=0;", ct);
        var hasStatistics = await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", ct) > 0;
        var unanalysed = new List<(string Table, string? Index)>();
        await using (var command = connection.CreateCommand())
        {
            // Each index without statistics (a migration may add one to an analysed table), or a table without indexes
            // and without statistics.
            command.CommandText = """
                SELECT t.name, i.name FROM sqlite_master t
                LEFT JOIN sqlite_master i ON i.type = 'index' AND i.tbl_name = t.name
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%'
                """ + (hasStatistics ? """
                 AND CASE WHEN i.name IS NULL THEN t.name NOT IN (SELECT tbl FROM sqlite_stat1)
                     ELSE i.name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL) END
                """ : "") + " ORDER BY t.name, i.name";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) unanalysed.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }
        foreach (var (table, index) in unanalysed)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await ExecuteSqlAsync(connection, $"ANALYZE \"main\".{Quote(index ?? table)};", ct);
            // A writer waiting on the lock polls for it, at growing intervals up to 100 ms: without a pause the next
            // ANALYZE takes the lock again first, and the writer waited as long as with one statement. The pause is as
            // long as the lock was held, up to 150 ms, so small files (the tests' among them) hardly pause at all.
            var held = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            await Task.Delay(held < MaxPauseBetweenIndexes ? held : MaxPauseBetweenIndexes, ct);
        }
        await ExecuteSqlAsync(connection, $"PRAGMA optimize={OptimizeMask};", ct);
        return unanalysed.Count;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteSqlAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
