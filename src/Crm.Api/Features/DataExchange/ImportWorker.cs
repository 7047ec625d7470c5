using System.Text.Json;
using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Api.Features.DataExchange;

/// <summary>
/// Runs queued imports in the background, batch by batch: each batch of 1,000 rows is planned again against the
/// current data and written in one transaction only if every row of it is valid (all-or-nothing per batch); progress
/// and errors are saved after each batch. Any replica may take a queued job; the claim is a conditional UPDATE.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Crm:Imports:Worker", true)) return;
        var every = TimeSpan.FromSeconds(config.GetValue("Crm:Imports:PollSeconds", 1.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken)) { }
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Import worker pass failed");
                try { await Task.Delay(every * 5, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Claims and runs the oldest queued import; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        Guid jobId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var next = await db.ImportJobs.Where(j => j.Status == ImportStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (next is null) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            if (await db.ImportJobs.Where(j => j.Id == next && j.Status == ImportStatus.Queued)
                    .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.StartedAt, now), ct) == 0)
                return true; // another replica took it
            jobId = next.Value;
        }
        try
        {
            await RunAsync(jobId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Import {Id} failed", jobId);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var failedAt = clock.GetUtcNow().UtcDateTime;
            await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.FinishedAt, failedAt)
                .SetProperty(j => j.Errors, JsonSerializer.Serialize(new[] { new ImportErrorDto(0, "", "The import stopped unexpectedly: " + e.Message) }, ImportRules.Json)), CancellationToken.None);
            await db.ImportFiles.Where(f => f.JobId == jobId).ExecuteDeleteAsync(CancellationToken.None);
        }
        return true;
    }

    private async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        // One connection carries the whole import, progress included: SQLite keeps a connection's page cache only while
        // no other connection writes, and a batch of 1,000 customers touches thousands of index pages that the next
        // batch needs again. Re-reading them through a fresh, small cache per batch was most of the import's time.
        await using var jobScope = scopes.CreateAsyncScope();
        var jobDb = jobScope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var job = await jobDb.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        var (kind, userId, total) = (job.Kind, job.CreatedBy, job.TotalRows);
        var content = await jobDb.ImportFiles.Where(f => f.JobId == jobId).Select(f => f.Content).SingleAsync(ct);
        var connection = jobDb.Database.GetDbConnection();
        await jobDb.Database.OpenConnectionAsync(ct);
        await using var importSettings = await ImportConnectionSettings.ApplyAsync(jobDb, config, ct);
        var import = CsvImport.Of(kind);
        var errors = new List<ImportErrorDto>();
        int processed = 0, created = 0, updated = 0, skipped = 0, failed = 0;
        // The file was checked when the import was queued: reading it again finds the same rows and no new problem.
        foreach (var batch in import.ReadRows(content, []).Chunk(ImportRules.BatchSize))
        {
            await using var scope = scopes.CreateAsyncScope();
            var caller = scope.ServiceProvider.GetRequiredService<Caller>();
            await using var db = OutsideThePool(jobDb).For(caller, clock);
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            if (!await ActAsAsync(db, caller, userId, ct))
            {
                errors.Add(new ImportErrorDto(0, "", "The person who started the import can no longer sign in."));
                failed += total - processed;
                break;
            }
            using var turn = await SqliteWriteGate.EnterAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var plan = await import.PlanAsync(db, clock, batch, track: true, ct);
            if (plan.Errors.Count > 0)
            {
                errors.AddRange(plan.Errors);
                failed += batch.Length;
                await transaction.RollbackAsync(ct);
            }
            else
            {
                var (c, u) = await plan.ApplyAsync(ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                (created, updated, skipped) = (created + c, updated + u, skipped + plan.Rows.Count(r => r.Action == ImportAction.Skip));
            }
            processed += batch.Length;
            await SaveProgressAsync(jobDb, jobId, ImportStatus.Running, processed, created, updated, skipped, failed, errors, null, ct);
        }
        await SaveProgressAsync(jobDb, jobId, failed > 0 ? ImportStatus.CompletedWithErrors : ImportStatus.Succeeded, processed, created, updated, skipped, failed, errors,
            clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>
    /// A context of the same provider and options that is not rented from the pool: a pooled context keeps a borrowed
    /// connection after it is given back (EF Core issue 30704), and the next request would run on the import's.
    /// </summary>
    private static CrmDbContext OutsideThePool(CrmDbContext like) =>
        (CrmDbContext)Activator.CreateInstance(like.GetType(), like.GetService<IDbContextOptions>())!;

    /// <summary>The import writes as the person who started it: their scope, their name in the audit trail.</summary>
    private static async Task<bool> ActAsAsync(CrmDbContext db, Caller caller, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.Role, u.TeamId, u.IsDisabled }).FirstOrDefaultAsync(ct);
        if (user is null || user.IsDisabled) return false;
        caller.BecomeUser(user.Id, user.Role, user.TeamId, "import", await CallerMiddleware.TeamMembersAsync(db, user.Id, user.Role, ct));
        return true;
    }

    private static async Task SaveProgressAsync(CrmDbContext db, Guid jobId, ImportStatus status, int processed, int created, int updated, int skipped, int failed,
        List<ImportErrorDto> errors, DateTime? finishedAt, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(errors.Take(1000), ImportRules.Json);
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, status).SetProperty(j => j.ProcessedRows, processed)
            .SetProperty(j => j.Created, created).SetProperty(j => j.Updated, updated).SetProperty(j => j.Skipped, skipped).SetProperty(j => j.Failed, failed)
            .SetProperty(j => j.Errors, json).SetProperty(j => j.FinishedAt, finishedAt), ct);
        // A finished job keeps its report; the file itself (up to 50 MB) is no longer needed.
        if (finishedAt is not null) await db.ImportFiles.Where(f => f.JobId == jobId).ExecuteDeleteAsync(ct);
    }
}

/// <summary>
/// A larger SQLite page cache for the import's connection (<c>Database:SqliteImportCacheMb</c>, 32 by default) and a
/// later WAL checkpoint (<c>Database:SqliteImportCheckpointPages</c>, 16,000 pages, about 64 MB, instead of 1,000): each
/// batch rewrites thousands of the same index pages, and a checkpoint after every batch copied them into the database
/// file every time; a larger WAL copies each page once per checkpoint. Both are put back to the ordinary settings
/// (<see cref="SqlitePragmas"/>) when the import ends, because the pool hands the connection to ordinary requests afterwards.
/// </summary>
internal sealed class ImportConnectionSettings(CrmDbContext? db, int ordinaryCacheKib) : IAsyncDisposable
{
    public static async Task<ImportConnectionSettings> ApplyAsync(CrmDbContext db, IConfiguration config, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return new ImportConnectionSettings(null, 0);
        var kib = config.GetValue("Database:SqliteImportCacheMb", 32) * 1024;
        var checkpointPages = config.GetValue("Database:SqliteImportCheckpointPages", 16_000);
        var pragmas = FormattableString.Invariant($"PRAGMA cache_size=-{kib}; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint={checkpointPages};");
        await db.Database.ExecuteSqlRawAsync(pragmas, ct);
        return new ImportConnectionSettings(db, SqlitePragmas.CacheKib(config));
    }

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
            await db.Database.ExecuteSqlRawAsync(FormattableString.Invariant($"PRAGMA cache_size=-{ordinaryCacheKib}; PRAGMA temp_store=DEFAULT; PRAGMA wal_autocheckpoint=1000;"));
    }
}
