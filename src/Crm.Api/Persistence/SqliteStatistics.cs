using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Keeps SQLite's query-planner statistics fresh. Without them SQLite guesses that every equality is selective and
/// picks, for example, the Lifecycle index (a quarter of all customers) over OwnerId for a rep's list.
/// <c>optimize=0x10002</c> analyses every table whose statistics are missing or stale, with a sampling limit; it is a
/// no-op when little changed. It runs once just after start-up, in the background: at a million customers it takes
/// seconds (4.7 s measured), which the first answer used to wait for (docs/performance.md, third round). The
/// statistics are kept in the file, so until it finishes the planner uses those of the previous run. SQLite recommends
/// running it again now and then in a long-lived process: every <c>Database:SqliteOptimizeHours</c> (default 6).
/// </summary>
public sealed class SqliteStatistics(IServiceScopeFactory scopes, IConfiguration config, ILogger<SqliteStatistics> log) : BackgroundService
{
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
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", stoppingToken);
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
