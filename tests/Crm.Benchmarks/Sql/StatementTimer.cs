using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Sql;

/// <summary>
/// Times SQL statements on one read-only connection with the SQLite the API ships (Microsoft.Data.Sqlite's bundled
/// build), each prepared once and run repeatedly, as the API's kept statements are. The <c>sqlite3</c> shell on this
/// machine is an older SQLite and can choose another plan for the same text.
/// </summary>
internal static class StatementTimer
{
    /// <param name="file">Statements separated by a line holding only <c>;;</c>.</param>
    public static int Run(string database, string file, int runs, int? cacheKib, TextWriter log)
    {
        var statements = File.ReadAllText(file).Split("\n;;\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        log.WriteLine($"SQLite {Scalar(connection, "SELECT sqlite_version()")}, page cache {(cacheKib is { } kib ? $"{kib} KiB" : "default")}, {runs} runs each");
        if (cacheKib is { } size) Scalar(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size=-{size}"));
        foreach (var (sql, index) in statements.Select((s, i) => (s, i + 1)))
        {
            log.WriteLine($"--- statement {index}");
            using (var plan = connection.CreateCommand())
            {
                plan.CommandText = "EXPLAIN QUERY PLAN " + sql;
                using var reader = plan.ExecuteReader();
                while (reader.Read()) log.WriteLine("    " + reader.GetString(3));
            }
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            var times = new List<double>(runs);
            var rows = 0;
            for (var run = 0; run < runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                rows = 0;
                using (var reader = command.ExecuteReader())
                    while (reader.Read()) rows++;
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var first = times[0];
            times.Sort();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    rows {rows}; first run {first:0.000} ms, median {times[times.Count / 2]:0.000} ms, fastest {times[0]:0.000} ms"));
        }
        return 0;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
