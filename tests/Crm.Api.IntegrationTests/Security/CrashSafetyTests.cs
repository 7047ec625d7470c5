using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Crm.Api.IntegrationTests.Security;

/// <summary>
/// The API killed with SIGKILL in the middle of a stream of writes loses nothing it acknowledged, keeps nothing half
/// done and leaves a sound SQLite file: WAL plus one transaction per command is the whole mechanism, and this proves it.
/// </summary>
public sealed class CrashSafetyTestsOnSqlite : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crm-crash", Guid.NewGuid().ToString("N"));
    private string DatabaseFile => Path.Combine(_directory, "crm.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    /// <summary>What a writer sent about one customer, and what the API answered (null: no answer, the process died).</summary>
    private sealed class Tracked(string name)
    {
        public string CreatedName { get; } = name;
        public Guid? Id { get; set; }
        public bool? Created { get; set; }
        public List<(string Name, bool? Acknowledged)> Renames { get; } = [];
        public List<(long Amount, bool? Acknowledged)> Postings { get; } = [];
    }

    [Fact]
    public async Task Writes_acknowledged_before_a_sigkill_survive_and_nothing_is_half_written()
    {
        var tracked = new ConcurrentBag<Tracked>();
        // Kill points: early (during the first creates), in the middle, and late; the same file is reused throughout.
        foreach (var (round, killAfter) in new[] { (1, 4), (2, 25), (3, 60) })
        {
            await using var api = await ApiProcess.StartAsync(DatabaseFile);
            await VerifyAsync(api, tracked);
            var admin = await api.AdminAsync();
            var acknowledged = 0;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var writers = Enumerable.Range(1, 3).Select(w => Task.Run(() => WriteAsync(admin, $"crash-{round}-{w}", tracked, () => Interlocked.Increment(ref acknowledged), stop.Token))).ToList();
            while (Volatile.Read(ref acknowledged) < killAfter && writers.Any(t => !t.IsCompleted)) await Task.Delay(5);
            api.Kill();
            await Task.WhenAll(writers);
            Assert.True(acknowledged >= killAfter, $"round {round}: only {acknowledged} writes were acknowledged before the writers stopped");
            Assert.Equal("ok", IntegrityCheck());
        }
        await using (var final = await ApiProcess.StartAsync(DatabaseFile))
            await VerifyAsync(final, tracked);
        Assert.Equal("ok", IntegrityCheck());
        Assert.Contains(tracked, t => t.Created is null or false || t.Renames.Any(r => r.Acknowledged is null) || t.Postings.Any(p => p.Acknowledged is null));
    }

    /// <summary>One writer: customers one after another, each created, renamed with If-Match, then points given and redeemed.</summary>
    private static async Task WriteAsync(HttpClient client, string prefix, ConcurrentBag<Tracked> tracked, Func<int> acknowledge, CancellationToken stop)
    {
        for (var i = 0; i < 40 && !stop.IsCancellationRequested; i++)
        {
            var customer = new Tracked($"{prefix}-{i}");
            tracked.Add(customer);
            var created = await Attempt(() => client.PostAsJsonAsync("/api/v1/customers", new { name = customer.CreatedName, kind = "Company" }, stop));
            customer.Created = created is not null;
            if (created is null) return;
            acknowledge();
            var body = await created.Content.ReadFromJsonAsync<JsonElement>(stop);
            customer.Id = body.GetProperty("id").GetGuid();
            var etag = created.Headers.ETag!.Tag;
            var code = body.GetProperty("code").GetString();

            var renamed = $"{customer.CreatedName}-renamed";
            customer.Renames.Add((renamed, null));
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{customer.Id}") { Content = JsonContent.Create(new { name = renamed, code, kind = "Company" }) };
            put.Headers.TryAddWithoutValidation("If-Match", etag);
            if (await Attempt(() => client.SendAsync(put, stop)) is null) return;
            customer.Renames[^1] = (renamed, true);
            acknowledge();

            foreach (var (kind, amount, signed) in new[] { ("Adjust", 100L, 100L), ("Redeem", 30L, -30L), ("Campaign", 15L, 15L), ("Redeem", 5L, -5L) })
            {
                customer.Postings.Add((signed, null));
                var posted = await Attempt(() => client.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/points", new { kind, amount, reason = "crash test" }, stop));
                if (posted is null) return;
                customer.Postings[^1] = (signed, true);
                acknowledge();
            }
        }
    }

    /// <summary>The response when the API answered 2xx; null when the process died first. Any other answer is a failure.</summary>
    private static async Task<HttpResponseMessage?> Attempt(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private async Task VerifyAsync(ApiProcess api, ConcurrentBag<Tracked> tracked)
    {
        var admin = await api.AdminAsync();
        await using var db = Open();
        foreach (var customer in tracked)
        {
            var ids = Query(db, "SELECT Id FROM Customers WHERE Name = $n OR Name = $r", ("$n", customer.CreatedName), ("$r", customer.CreatedName + "-renamed"));
            if (customer.Created is not true)
            {
                // Never acknowledged: absent, or present and whole (visible through the API, audited, searchable).
                Assert.True(ids.Count <= 1, $"{customer.CreatedName} exists {ids.Count} times");
                if (ids.Count == 0) continue;
                customer.Id = Guid.Parse(ids[0]);
                customer.Created = true;
            }
            Assert.True(ids.Count == 1, $"{customer.CreatedName} was acknowledged but is not in the database exactly once");
            var response = await admin.GetAsync($"/api/v1/customers/{customer.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var current = await response.Content.ReadFromJsonAsync<JsonElement>();
            var name = current.GetProperty("name").GetString();
            var acknowledgedName = customer.Renames.LastOrDefault(r => r.Acknowledged == true).Name ?? customer.CreatedName;
            var pending = customer.Renames.Where(r => r.Acknowledged is null).Select(r => r.Name);
            Assert.True(name == acknowledgedName || pending.Contains(name), $"{customer.CreatedName}: name is {name}, acknowledged {acknowledgedName}");
            if (name != acknowledgedName) customer.Renames[^1] = (name!, true);

            Assert.True(Scalar(db, "SELECT COUNT(*) FROM AuditTrail WHERE EntityType = 'Customer' AND Action = 'Create' AND lower(EntityId) = lower($id)", ("$id", customer.Id!.Value.ToString())) == 1,
                $"{customer.CreatedName} has no audit line from its creating transaction");
            Assert.True(Scalar(db, "SELECT COUNT(*) FROM CustomerSearchTerms WHERE upper(CustomerId) = upper($id)", ("$id", customer.Id!.Value.ToString())) > 0,
                $"{customer.CreatedName} has no search terms from its creating transaction");

            var account = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer.Id}/points");
            var balance = account.GetProperty("balance").GetInt64();
            var acknowledgedBalance = customer.Postings.Where(p => p.Acknowledged == true).Sum(p => p.Amount);
            var inDoubt = customer.Postings.Where(p => p.Acknowledged is null).Sum(p => p.Amount);
            Assert.True(balance == acknowledgedBalance || (inDoubt != 0 && balance == acknowledgedBalance + inDoubt),
                $"{customer.CreatedName}: balance {balance}, acknowledged postings sum to {acknowledgedBalance} (in doubt: {inDoubt})");
            if (balance != acknowledgedBalance) customer.Postings[^1] = (customer.Postings[^1].Amount, true);
        }

        // The ledger is the truth: every balance is the sum of its entries, and the newest entry says the same.
        var mismatched = Query(db, """
            SELECT c.Name FROM Customers c
            WHERE c.Points <> (SELECT COALESCE(SUM(e.Amount), 0) FROM PointsEntries e WHERE e.CustomerId = c.Id)
               OR c.Points <> COALESCE((SELECT e.BalanceAfter FROM PointsEntries e WHERE e.CustomerId = c.Id ORDER BY e.CreatedAt DESC, e.Id DESC LIMIT 1), 0)
            """);
        Assert.True(mismatched.Count == 0, "balances that are not the sum of their ledger: " + string.Join(", ", mismatched));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private string IntegrityCheck()
    {
        using var db = Open();
        return string.Join("; ", Query(db, "PRAGMA integrity_check"));
    }

    private static List<string> Query(SqliteConnection db, string sql, params (string Name, string Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static long Scalar(SqliteConnection db, string sql, params (string Name, string Value)[] parameters)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
