using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;

namespace Crm.Api.IntegrationTests.Persistence;

public sealed class SqliteStatisticsTests
{
    /// <summary>
    /// The statistics refresh must sample: a file whose tables were never analysed would otherwise be read whole while
    /// SQLite's write lock is held (over 30 s at a million customers). An index of 50 owners with 1,000 customers each
    /// is read whole only by an unlimited ANALYZE, which then finds exactly 1,000 rows per owner.
    /// </summary>
    [Fact]
    public async Task A_refresh_gives_every_never_analysed_table_statistics_estimated_from_a_sample()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var table in new[] { "Customers", "Visits" })
            Execute(connection, $"""
                CREATE TABLE {table} (Id INTEGER PRIMARY KEY, OwnerId INTEGER NOT NULL);
                CREATE INDEX IX_{table}_OwnerId ON {table} (OwnerId);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
                INSERT INTO {table} SELECT i, i % 50 FROM n;
                """);

        await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);
        var sampled = new[] { Stat(connection, "Customers"), Stat(connection, "Visits") };
        Execute(connection, "PRAGMA analysis_limit=0; DELETE FROM sqlite_stat1; ANALYZE;");
        var whole = Stat(connection, "Customers");

        Assert.Equal("50000 1000", whole);
        Assert.All(sampled, stat =>
        {
            Assert.StartsWith("50000 ", stat);
            Assert.NotEqual(whole, stat);
        });
    }

    [Fact]
    public async Task A_refresh_of_a_file_already_analysed_keeps_its_statistics()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE Customers (Id INTEGER PRIMARY KEY, OwnerId INTEGER NOT NULL);
            CREATE INDEX IX_Customers_OwnerId ON Customers (OwnerId);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO Customers SELECT i, i % 50 FROM n;
            ANALYZE;
            """);

        await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);

        Assert.Equal("50000 1000", Stat(connection, "Customers"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Stat(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT stat FROM sqlite_stat1 WHERE idx = 'IX_{table}_OwnerId'";
        return command.ExecuteScalar() as string;
    }
}
