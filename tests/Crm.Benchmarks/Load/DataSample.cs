using System.Globalization;
using Crm.Benchmarks.Generate;
using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Load;

/// <summary>
/// Ids and values the scenarios ask for, read straight from the database file before the API starts (read-only),
/// so that every request names a record that exists and is in the caller's scope.
/// </summary>
internal sealed class DataSample
{
    public required string RepEmail { get; init; }
    public required string ManagerEmail { get; init; }
    public required Guid TeamId { get; init; }
    public required IReadOnlyList<CustomerRow> RepCustomers { get; init; }
    public required IReadOnlyList<CustomerRow> TeamCustomers { get; init; }
    public required IReadOnlyList<CustomerRow> AnyCustomers { get; init; }
    /// <summary>
    /// Open appointments of the visiting reps, each with the email of the rep who can complete it; topped up through
    /// the API before the run when earlier runs used them up (<see cref="LoadRun"/>).
    /// </summary>
    public required List<(Guid VisitId, string VisitorEmail)> OpenVisits { get; init; }
    /// <summary>
    /// The reps whose appointments visit-complete completes, with some of their customers to plan more on: the first rep
    /// of each team but the measured one. Thousands of visits completed in one run would otherwise land in the measured
    /// rep's and team's week (about 1,900 per run, against a few dozen a real rep makes), and the week's compliance report
    /// and dashboard measured after it would count them; earlier runs showed it (docs/performance.md, "Sixth round").
    /// </summary>
    public required IReadOnlyList<Visitor> Visitors { get; init; }
    public required string ListFilter { get; init; }
    public required string DeepCursor { get; init; }
    public required int ListRows { get; init; }
    /// <summary>Delta sync's "later page": a cursor 90% of the way through the change log.</summary>
    public required string SyncCursor { get; init; }

    public sealed record Visitor(string Email, IReadOnlyList<Guid> Customers);

    public sealed record CustomerRow(Guid Id, string Code, string Name, string Phone, int Kind, int Level, long Version);

    public static DataSample Read(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var rep = Scalar(connection, "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = 'REP1@BENCH.CRM'");
        var team = Scalar(connection, "SELECT TeamId FROM AspNetUsers WHERE NormalizedEmail = 'MANAGER1@BENCH.CRM'");
        var teamReps = Strings(connection, $"SELECT Id FROM AspNetUsers WHERE TeamId = '{team}' AND Role = 'Rep'");
        var owners = string.Join(", ", teamReps.Select(r => $"'{r}'"));
        const string Columns = "SELECT Id, Code, Name, coalesce(Phone, ''), CASE Kind WHEN 'Person' THEN 1 ELSE 0 END, Level, Version FROM Customers";
        var repCustomers = Customers(connection, $"{Columns} WHERE OwnerId = '{rep}' AND ArchivedAt IS NULL ORDER BY Id LIMIT 4000");
        var teamCustomers = Customers(connection, $"{Columns} WHERE OwnerId IN ({owners}) AND ArchivedAt IS NULL ORDER BY random() LIMIT 4000");
        var anyCustomers = Customers(connection, $"{Columns} WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM Customers) + 1 FROM Customers LIMIT 4000) AND ArchivedAt IS NULL");

        var visitorIds = Strings(connection, $"""
            SELECT min(Id) FROM AspNetUsers WHERE Role = 'Rep' AND TeamId IS NOT NULL AND TeamId <> '{team}' GROUP BY TeamId
            """);
        var visiting = string.Join(", ", visitorIds.Select(r => $"'{r}'"));
        var visitors = visitorIds.Select(id => new Visitor(
                Scalar(connection, $"SELECT Email FROM AspNetUsers WHERE Id = '{id}'"),
                Strings(connection, $"SELECT Id FROM Customers WHERE OwnerId = '{id}' AND ArchivedAt IS NULL LIMIT 200").Select(Guid.Parse).ToList()))
            .Where(v => v.Customers.Count > 0).ToList();
        if (visitors.Count == 0) throw new InvalidOperationException("No rep outside the measured team has customers. Is this a database made by the generate command?");

        var visits = new List<(Guid, string)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT v.Id, u.Email FROM Visits v JOIN AspNetUsers u ON u.Id = v.VisitorId
                WHERE v.VisitorId IN ({visiting}) AND v.PlannedStart >= $from AND v.Status IN ('Planned', 'Confirmed')
                """;
            command.Parameters.AddWithValue("$from", DatasetGenerator.Ts(DateTime.UtcNow.AddDays(-7)));
            using var reader = command.ExecuteReader();
            while (reader.Read()) visits.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        // The list scenario: the manager's team, two filters, sorted by name. The deep page starts 90% of the way in.
        const string Filter = "level=B&lifecycle=Active&sort=name";
        var where = $"OwnerId IN ({owners}) AND ArchivedAt IS NULL AND Level = 2 AND Lifecycle = 'Active'";
        var rows = int.Parse(Scalar(connection, $"SELECT count(*) FROM Customers WHERE {where}"), CultureInfo.InvariantCulture);
        string cursor;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT Name, Id FROM Customers WHERE {where} ORDER BY Name, Id LIMIT 1 OFFSET {(int)(rows * 0.9)}";
            using var reader = command.ExecuteReader();
            reader.Read();
            cursor = Crm.Api.Common.Cursor.Encode(reader.GetString(0), Guid.Parse(reader.GetString(1)));
        }

        var lastChange = long.Parse(Scalar(connection, "SELECT coalesce(max(Sequence), 0) FROM Changes"), CultureInfo.InvariantCulture);

        return new DataSample
        {
            RepEmail = "rep1@bench.crm", ManagerEmail = "manager1@bench.crm", TeamId = Guid.Parse(team),
            RepCustomers = repCustomers, TeamCustomers = teamCustomers, AnyCustomers = anyCustomers, OpenVisits = visits, Visitors = visitors,
            ListFilter = Filter, DeepCursor = cursor, ListRows = rows, SyncCursor = Crm.Api.Features.Sync.DeltaSync.Cursor(lastChange * 9 / 10),
        };
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No result: {sql}. Is this a database made by the generate command?");
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    private static List<CustomerRow> Customers(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<CustomerRow>();
        while (reader.Read())
            rows.Add(new CustomerRow(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetInt64(6)));
        if (rows.Count == 0) throw new InvalidOperationException($"No customers: {sql}");
        return rows;
    }
}
