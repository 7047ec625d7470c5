using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps SQLite's query-planner statistics fresh. Without them SQLite guesses that every equality is selective and
/// picks, for example, the Lifecycle index (a quarter of all customers) over OwnerId for a rep's list.
/// <see cref="OptimizeMask"/> analyses every table whose statistics are missing or stale, each with SQLite's temporary
/// sampling limit, and is a no-op when little changed. It runs once just after start-up, in the background: at a million customers it takes
/// seconds (4.7 s measured), which the first answer used to wait for (docs/performance.md, third round). The
/// statistics are kept in the file, so until it finishes the planner uses those of the previous run. SQLite recommends
/// running it again now and then in a long-lived process: every <c>Database:SqliteOptimizeHours</c> (default 6).
/// </summary>
public sealed class SqliteStatistics(IServiceScopeFactory scopes, IConfiguration config, ILogger<SqliteStatistics> log) : BackgroundService
{
    /// <summary>
    /// 0x10000 checks every table, not only those this connection used; 0x02 runs ANALYZE where it would help; 0x10
    /// samples instead of reading whole indexes. Without 0x10 a file never analysed (a fresh benchmark file, or tables
    /// a migration rebuilt) was read whole, holding SQLite's write lock for over 30 s at a million customers while every
    /// write waited and some failed "database is locked" (docs/performance.md, "Fourth round").
    /// </summary>
    public const int OptimizeMask = 0x10012;

    private static readonly string Optimize = $"PRAGMA optimize={OptimizeMask};";

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
                await db.Database.ExecuteSqlRawAsync(Optimize, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Stale statistics make some plans slower, never answers wrong: log and try again next time.
                log.LogWarning(e, "PRAGMA optimize failed");
            }
            try { await Task.Delay(every, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }
}
