using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;

namespace Crm.Api.IntegrationTests.Persistence;

public sealed class SqliteStatisticsTests
{
    /// <summary>
    /// Never-analysed tables get exact statistics. SQLite's sampled ones (the first rows of each index) see one value of
    /// a column with few values: 50 owners of 1,000 customers each would look like 667 customers per owner, and at a
    /// million customers such estimates sent a dashboard query down the wrong index (12 s instead of 3).
    /// </summary>
    [Fact]
    public async Task A_refresh_gives_every_never_analysed_table_exact_statistics()
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
        Execute(connection, "CREATE TABLE Notes (Id INTEGER PRIMARY KEY); INSERT INTO Notes SELECT Id FROM Customers;");

        var analysed = await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);

        Assert.Equal(3, analysed); // two indexes and the table without one
        Assert.Equal("50000 1000", Stat(connection, "Customers", "IX_Customers_OwnerId"));
        Assert.Equal("50000 1000", Stat(connection, "Visits", "IX_Visits_OwnerId"));
        Assert.Equal("50000", Stat(connection, "Notes", null));
    }

    [Fact]
    public async Task A_refresh_leaves_a_table_that_has_statistics_to_sqlites_own_judgement()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE Customers (Id INTEGER PRIMARY KEY, OwnerId INTEGER NOT NULL);
            CREATE INDEX IX_Customers_OwnerId ON Customers (OwnerId);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO Customers SELECT i, i % 50 FROM n;
            ANALYZE;
            UPDATE sqlite_stat1 SET stat = '50000 7' WHERE idx = 'IX_Customers_OwnerId';
            """);

        var analysed = await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);

        Assert.Equal(0, analysed);
        Assert.Equal("50000 7", Stat(connection, "Customers", "IX_Customers_OwnerId"));
    }

    [Fact]
    public async Task An_index_added_to_an_analysed_table_gets_its_statistics_and_the_others_keep_theirs()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE Customers (Id INTEGER PRIMARY KEY, OwnerId INTEGER NOT NULL, Level INTEGER NOT NULL);
            CREATE INDEX IX_Customers_OwnerId ON Customers (OwnerId);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO Customers SELECT i, i % 50, i % 4 FROM n;
            ANALYZE;
            UPDATE sqlite_stat1 SET stat = '50000 7' WHERE idx = 'IX_Customers_OwnerId';
            CREATE INDEX IX_Customers_Level ON Customers (Level);
            """);

        var analysed = await SqliteStatistics.RefreshAsync(connection, CancellationToken.None);

        Assert.Equal(1, analysed);
        Assert.Equal("50000 12500", Stat(connection, "Customers", "IX_Customers_Level"));
        Assert.Equal("50000 7", Stat(connection, "Customers", "IX_Customers_OwnerId"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Stat(SqliteConnection connection, string table, string? index)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stat FROM sqlite_stat1 WHERE tbl = $table AND idx IS $index";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$index", (object?)index ?? DBNull.Value);
        return command.ExecuteScalar() as string;
    }
}
