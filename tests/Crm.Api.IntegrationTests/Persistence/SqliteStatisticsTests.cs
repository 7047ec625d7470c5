using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;

namespace Crm.Api.IntegrationTests.Persistence;

public sealed class SqliteStatisticsTests
{
    /// <summary>
    /// The background statistics refresh must sample: a file whose tables were never analysed would otherwise be read
    /// whole while SQLite's write lock is held (over 30 s at a million customers). An index of 50 owners with 1,000
    /// customers each is read whole only by an unlimited ANALYZE, which then finds exactly 1,000 rows per owner.
    /// </summary>
    [Fact]
    public void The_statistics_refresh_estimates_a_never_analysed_index_from_a_sample_instead_of_reading_it_whole()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE Customers (Id INTEGER PRIMARY KEY, OwnerId INTEGER NOT NULL);
            CREATE INDEX IX_Customers_OwnerId ON Customers (OwnerId);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO Customers SELECT i, i % 50 FROM n;
            """);

        Execute(connection, $"PRAGMA optimize={SqliteStatistics.OptimizeMask};");
        var sampled = Stat(connection);
        Execute(connection, "DELETE FROM sqlite_stat1; ANALYZE;");
        var whole = Stat(connection);

        Assert.Equal("50000 1000", whole);
        Assert.StartsWith("50000 ", sampled);
        Assert.NotEqual(whole, sampled);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Stat(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stat FROM sqlite_stat1 WHERE idx = 'IX_Customers_OwnerId'";
        return command.ExecuteScalar() as string;
    }
}
