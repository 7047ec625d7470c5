using System.Net;
using System.Net.Http.Json;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Security;

/// <summary>
/// A full disk (simulated with SQLite's max_page_count, which fails exactly like a full disk: SQLITE_FULL) refuses
/// writes with 507 problems, keeps reads working, corrupts nothing, and writes work again once there is room.
/// </summary>
public sealed class DiskFullTestsOnSqlite(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    private void LimitPages(long pages) => App.Services.GetRequiredService<IConfiguration>()["Database:SqliteMaxPageCount"] = pages.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private long Pragma(string pragma)
    {
        using var db = new SqliteConnection($"Data Source={App.DatabaseFile};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        var value = command.ExecuteScalar();
        return value is string s ? (s == "ok" ? 0 : -1) : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Writes_answer_507_while_the_disk_is_full_reads_go_on_and_writes_resume_when_space_is_freed()
    {
        var rep = await As(Who.Rep1);
        var existing = await Arrange.CreateAsync(rep, new { name = "Before the disk filled", kind = "Company" });
        var analyst = await As(Who.Analyst); // signing in writes a session, so it happens before the disk fills
        var readKey = await As(Who.ReadKey);
        LimitPages(Pragma("page_count") + 8);

        HttpResponseMessage? refused = null;
        var filler = new string('满', 250);
        for (var i = 0; i < 400 && refused is null; i++)
        {
            var response = await rep.PostAsJsonAsync("/api/v1/customers", new { name = $"Filler {i}", kind = "Company", address = filler }, Json);
            if (response.StatusCode != HttpStatusCode.Created) refused = response;
        }
        Assert.NotNull(refused);
        var problem = await Problem(refused, HttpStatusCode.InsufficientStorage);
        Assert.DoesNotContain("SqliteException", problem.ToString(), StringComparison.Ordinal);

        // Nothing half-written: the refused customer is not there at all; reads (and API keys, whose use is noted) still work.
        await Problem(await rep.PostAsJsonAsync("/api/v1/customers", new { name = "Refused while full", kind = "Company", address = filler }, Json), HttpStatusCode.InsufficientStorage);
        Assert.Equal(0, App.WithDb(db => db.Customers.Count(c => c.Name == "Refused while full")));
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/v1/customers/{existing.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/v1/customers?limit=200")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readKey.GetAsync("/api/v1/customers")).StatusCode);
        Assert.Equal(0, Pragma("integrity_check"));

        LimitPages(1_000_000);
        var after = await Arrange.CreateAsync(rep, new { name = "After space was freed", kind = "Company", address = filler });
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/v1/customers/{after.Id}")).StatusCode);
        Assert.Equal(0, Pragma("integrity_check"));
    }
}

/// <summary>
/// The database going away (a lost volume, a deleted file) is an outage, not a bug: readiness fails so the load
/// balancer drains the replica, liveness stays up so it is not restarted in a loop, requests answer 503 problems with
/// Retry-After, and service resumes by itself when the database is back.
/// </summary>
public sealed class DatabaseLostTestsOnSqlite(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    private async Task AssertOutageAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await App.NewClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.NewClient().GetAsync("/health/live")).StatusCode);
        var read = await client.GetAsync("/api/v1/customers");
        var problem = await Problem(read, HttpStatusCode.ServiceUnavailable);
        Assert.True(read.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.DoesNotContain(" at ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem(await client.PostAsJsonAsync("/api/v1/customers", new { name = "During the outage", kind = "Company" }, Json), HttpStatusCode.ServiceUnavailable);
    }

    private async Task AssertRecoveredAsync(HttpClient client, string name)
    {
        Assert.Equal(HttpStatusCode.OK, (await App.NewClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/customers")).StatusCode);
        await Arrange.CreateAsync(client, new { name, kind = "Company" });
        Assert.Equal(0, App.WithDb(db => db.Customers.Count(c => c.Name == "During the outage")));
    }

    [Fact]
    public async Task A_removed_database_directory_is_a_503_outage_that_ends_without_a_restart()
    {
        var rep = await As(Who.Rep1);
        await Arrange.CreateAsync(rep, new { name = "Before the outage", kind = "Company" });
        var directory = Path.GetDirectoryName(App.DatabaseFile)!;

        SqliteConnection.ClearAllPools();
        Directory.Move(directory, directory + ".lost");
        try
        {
            await AssertOutageAsync(rep);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(directory + ".lost", directory);
        }
        await AssertRecoveredAsync(rep, "After the directory came back");
    }

    [Fact]
    public async Task A_deleted_database_file_is_not_silently_recreated_empty()
    {
        var rep = await As(Who.Rep2);
        await Arrange.CreateAsync(rep, new { name = "Before the file went", kind = "Company" });
        string[] files = [App.DatabaseFile, App.DatabaseFile + "-wal", App.DatabaseFile + "-shm"];
        static string Parked(string file) => file + ".parked";

        SqliteConnection.ClearAllPools();
        foreach (var file in files.Where(File.Exists)) File.Move(file, Parked(file));
        try
        {
            await AssertOutageAsync(rep);
            Assert.False(File.Exists(App.DatabaseFile), "the API created an empty database in place of the lost one");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in files.Where(f => File.Exists(Parked(f)))) File.Move(Parked(file), file, overwrite: true);
        }
        await AssertRecoveredAsync(rep, "After the file came back");
    }
}
