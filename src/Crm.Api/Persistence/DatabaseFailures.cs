using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Api.Persistence;

/// <summary>
/// Recognises the database failures that are the operator's problem, not the caller's and not a bug: the disk or the
/// database is full (507), or the database cannot be opened or reached (503, retry later). Either way the caller gets a
/// problem response instead of a 500 with a stack trace, and nothing was half-written (each command is one transaction).
/// </summary>
public static class DatabaseFailures
{
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14, SqliteNotADatabase = 26;

    // SQL Server: 1105 a filegroup is full, 9002 the transaction log is full.
    private static readonly int[] SqlServerFull = [1105, 9002];

    // SQL Server: network and login failures, a database that cannot be opened, Azure SQL's "unavailable / busy".
    private static readonly int[] SqlServerUnreachable = [-2, 2, 53, 64, 233, 4060, 10053, 10054, 10060, 10061, 11001, 18456, 40197, 40501, 40613, 49918, 49919, 49920];

    public static bool IsStorageFull(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException s => (s.SqliteErrorCode & 0xFF) == SqliteFull,
        Microsoft.Data.SqlClient.SqlException s => SqlServerFull.Contains(s.Number),
        _ => false,
    });

    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(e => e switch
    {
        SqliteException s => (s.SqliteErrorCode & 0xFF) is SqliteCantOpen or SqliteIoError or SqliteNotADatabase or SqliteReadOnly or SqliteBusy or SqliteLocked,
        Microsoft.Data.SqlClient.SqlException s => SqlServerUnreachable.Contains(s.Number),
        // EF's retrying strategy (SQL Server) gave up on a transient failure.
        RetryLimitExceededException => true,
        _ => false,
    });

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
