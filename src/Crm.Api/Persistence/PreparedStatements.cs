using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Api.Persistence;

/// <summary>
/// SQLite statements prepared once per connection and kept for the next request that sends the same SQL.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite prepares a command's SQL when it first runs and keeps the prepared statement only as long as
/// that command object lives; EF Core creates and disposes a command for every execution (dotnet/efcore#14044), and
/// closing the connection disposes every command on it. A get by id therefore spent about a fifth of its CPU in
/// SQLite's parser and planner, for a statement whose text never changes (docs/performance.md, "Eighteenth round").
/// <para>
/// So a pooled context keeps its SQLite connection open from one request to the next (<see cref="KeptOpenSqliteConnection"/>),
/// and this interceptor keeps each reader command it has run on that connection, by its SQL: the next execution of the
/// same SQL swaps EF Core's fresh command for the kept one, with the new parameter values, and SQLite skips straight to
/// binding and stepping. Only queries are kept: EF Core disposes a non-query command without asking (a reader's disposal
/// is the one it lets an interceptor take over), and a save's batch has SQL of its own shape (how many rows of which
/// tables), so keeping those cost an import about 5% more CPU for statements that were rarely run again. A command that
/// fails is dropped, since EF Core disposes it.
/// </para>
/// </remarks>
internal sealed class PreparedStatements : DbCommandInterceptor
{
    /// <summary>
    /// Different SQL texts kept per connection. Past this the one run longest ago is finalized: queries built with
    /// constants of their own (a report's dates, a list's filters) must not push out the hot reads.
    /// </summary>
    public const int PerConnection = 64;

    private sealed class Kept
    {
        public SQLitePCL.sqlite3? Handle;
        public long Runs;
        public readonly Dictionary<string, (SqliteCommand Command, bool Running, long LastRun)> Commands = new(StringComparer.Ordinal);
    }

    // A connection's kept commands go with the connection object; a new physical connection behind it (closed and
    // opened again) starts empty, because closing disposed the commands.
    private static readonly ConditionalWeakTable<SqliteConnection, Kept> ByConnection = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.ExecuteMethod != DbCommandMethod.ExecuteReader || eventData.CommandSource is not (CommandSource.LinqQuery or CommandSource.FromSqlQuery)
            || eventData.Context is null
            || result is not SqliteCommand fresh || fresh.Connection is not { Handle: { } handle } connection) return result;
        var kept = ByConnection.GetValue(connection, _ => new Kept());
        if (!ReferenceEquals(kept.Handle, handle))
        {
            kept.Commands.Clear();
            kept.Handle = handle;
        }
        var sql = fresh.CommandText;
        if (kept.Commands.TryGetValue(sql, out var entry))
        {
            // The same SQL already running on this connection (a reader left open while another runs): not kept twice.
            if (entry.Running) return fresh;
            var command = entry.Command;
            var parameters = fresh.Parameters.Cast<SqliteParameter>().ToArray();
            fresh.Parameters.Clear();
            command.Parameters.Clear();
            command.Parameters.AddRange(parameters);
            command.Transaction = fresh.Transaction;
            command.CommandTimeout = fresh.CommandTimeout;
            fresh.Dispose();
            kept.Commands[sql] = (command, true, ++kept.Runs);
            return command;
        }
        if (kept.Commands.Count >= PerConnection)
        {
            var oldest = kept.Commands.Where(c => !c.Value.Running).MinBy(c => c.Value.LastRun);
            if (oldest.Key is null) return fresh;
            oldest.Value.Command.Dispose();
            kept.Commands.Remove(oldest.Key);
        }
        kept.Commands[sql] = (fresh, true, ++kept.Runs);
        return fresh;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is not { } context || !IsKept(command, out var sqlite, out var kept, out var entry)) return result;
        // What EF Core would do, except dispose the command: the reader resets the statement, ready for the next run.
        eventData.DataReader.Dispose();
        sqlite.Parameters.Clear();
        kept.Commands[sqlite.CommandText] = (sqlite, false, entry.LastRun);
        context.Database.CloseConnection();
        return InterceptionResult.Suppress();
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Forget(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Forget(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(command);
        return Task.CompletedTask;
    }

    // EF Core disposes a command that failed; it must not be handed out again.
    private static void Forget(DbCommand command)
    {
        if (IsKept(command, out var sqlite, out var kept, out _)) kept.Commands.Remove(sqlite.CommandText);
    }

    // Whether this very command is the one kept for its SQL on its connection (not a fresh one that ran beside it).
    private static bool IsKept(DbCommand command, [NotNullWhen(true)] out SqliteCommand? sqlite, [NotNullWhen(true)] out Kept? kept,
        out (SqliteCommand Command, bool Running, long LastRun) entry)
    {
        sqlite = command as SqliteCommand;
        kept = null;
        entry = default;
        return sqlite is { Connection: { } connection } && ByConnection.TryGetValue(connection, out kept)
            && kept.Commands.TryGetValue(sqlite.CommandText, out entry) && ReferenceEquals(entry.Command, sqlite);
    }
}

/// <summary>
/// The SQLite connection of a pooled context, left open when EF Core would close it after a statement or when the
/// context goes back to the pool, so that its prepared statements (<see cref="PreparedStatements"/>) survive; it closes
/// when the pool (<see cref="KeptConnectionPool"/>) drops the context, or when <see cref="Lease"/> finds the database file gone.
/// </summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is the provider's own connection; only its close is changed.
internal sealed class KeptOpenSqliteConnection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();

    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;

    /// <summary>
    /// Called when a request rents the context. A kept connection would go on reading and writing a database file that
    /// was deleted or moved away (an open file outlives its name), so it is closed when the file is no longer there:
    /// the next statement then fails to open, which is the 503 outage it should be. Settings that changed since the
    /// connection was opened (<see cref="SqlitePragmas"/>) are applied now rather than at the next open.
    /// </summary>
    public static void Lease(CrmDbContext db, SqlitePragmas pragmas, DatabaseFilePresence file)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection { State: System.Data.ConnectionState.Open } connection) return;
        if (!file.Present())
        {
            connection.Close();
            return;
        }
        pragmas.ApplyIfChanged(connection);
    }
}
#pragma warning restore EF1001

/// <summary>
/// Whether the SQLite database file is still where it was opened from, looked at no more than once per
/// <c>Database:SqliteFileCheckMs</c> (1,000 by default): each look is a system call, and at one per request it was about
/// 2% of a get by id's CPU. A file that goes away is noticed within that time.
/// </summary>
internal sealed class DatabaseFilePresence(string? path, TimeSpan checkEvery, TimeProvider clock)
{
    private long nextCheck = long.MinValue;
    private volatile bool present = true;

    public bool Present()
    {
        if (path is null) return true;
        var now = clock.GetTimestamp();
        if (now < Interlocked.Read(ref nextCheck)) return present;
        present = File.Exists(path);
        Interlocked.Exchange(ref nextCheck, now + (long)(checkEvery.TotalSeconds * clock.TimestampFrequency));
        return present;
    }
}
