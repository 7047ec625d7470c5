using System.Runtime.CompilerServices;
using SQLitePCL;

namespace Crm.Api.Persistence;

/// <summary>
/// Process-wide settings of the SQLite library. SQLite takes them only before it initialises, which its first connection
/// does, so they are set when this assembly's code first runs: before the API's Main, and before anything in the
/// process has opened a connection through our code.
/// </summary>
internal static class SqliteLibrary
{
    /// <summary>
    /// SQLite's memory statistics are turned off. With them on, every allocation and free in SQLite takes one lock for
    /// the whole process to count the bytes; under sixteen concurrent requests that lock is contended, and a list page
    /// (hundreds of column values, many fetched with an allocation) spent about 6% of its CPU locking and waiting for
    /// it. Off, a list page cost 8–34% less CPU in 11 of 12 A/B pairs (docs/performance.md, "Twentieth round"). Nothing
    /// here reads the statistics: they serve <c>sqlite3_memory_used</c> and the soft and hard heap limits, which the API
    /// does not set.
    /// </summary>
    [ModuleInitializer]
    internal static void Configure()
    {
        Batteries_V2.Init();
        // SQLITE_MISUSE when SQLite was already initialised by something else in this process: it then keeps counting.
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
