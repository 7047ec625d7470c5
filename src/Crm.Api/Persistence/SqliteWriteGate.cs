using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// SQLite has one writer at a time, and a transaction here begins with the write lock (Microsoft.Data.Sqlite's
/// BEGIN IMMEDIATE). Writers wait their turn on this gate, in the process and without holding a thread, instead of
/// in SQLite's busy handler, which puts the waiting thread to sleep in growing steps (up to 100 ms) and wakes it to try
/// again: under many concurrent writers that polling, not the writes, set the pace (docs/performance.md). One gate
/// per database file, as the lock is the file's. Other providers are not gated.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByFile = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByConnectionString = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for the file's write turn before <paramref name="db"/> begins a transaction; nothing to wait for when the
    /// database is not SQLite or the context is already inside a transaction (which holds the turn).
    /// </summary>
    public static async ValueTask<Turn> EnterAsync(CrmDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null || !db.Database.IsSqlite()) return default;
        var gate = ByConnectionString.GetOrAdd(db.Database.GetConnectionString() ?? "",
            cs => ByFile.GetOrAdd(Path.GetFullPath(new SqliteConnectionStringBuilder(cs).DataSource), _ => new SemaphoreSlim(1, 1)));
        // As long as SQLite's own busy timeout: a writer that waits longer gets the same "database is locked" (503).
        if (!await gate.WaitAsync(SqlitePragmas.BusyTimeout, ct)) throw new SqliteException("database is locked (waited for the write turn)", 5);
        return new Turn(gate);
    }

    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
