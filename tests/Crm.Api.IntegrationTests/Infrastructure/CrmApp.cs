using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>Everyone who calls the API in the tests: one of each role, two teams, plus integrations and strangers.</summary>
public enum Who { Admin, ManagerA, Rep1, Rep2, ManagerB, Rep3, Service, Analyst, ReadKey, WriteKey, Anonymous }

/// <summary>
/// The API in-process over a real database of its own (a fresh SQLite file, or a fresh database on the shared
/// SQL Server container), with a fake clock and a small organisation: team A (ManagerA, Rep1, Rep2) and
/// team B (ManagerB, Rep3), a service agent, an analyst and an admin.
/// </summary>
public abstract class CrmApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Pass-2026";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
    public Dictionary<Who, Guid> UserIds { get; } = [];
    public Guid TeamA { get; private set; }
    public Guid TeamB { get; private set; }
    public string? SkipReason { get; protected set; }

    private readonly Dictionary<Who, HttpClient> _clients = [];
    private readonly SemaphoreSlim _clientLock = new(1, 1);

    protected virtual int RateLimitPerMinute => 1_000_000;
    protected virtual int SignInPerMinute => 1_000_000;

    protected abstract string Provider { get; }
    protected abstract string ConnectionString { get; }

    /// <summary>Prepares the database; sets SkipReason when this provider cannot run here.</summary>
    protected abstract ValueTask PrepareAsync();

    public async ValueTask InitializeAsync()
    {
        await PrepareAsync();
        if (SkipReason is not null) return;
        _ = Server; // starts the app: migrations and bootstrap admin run here
        await CreateOrganisationAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Crm", ConnectionString);
        builder.UseSetting("Crm:Demo:Seed", "false");
        // Tests run the webhook dispatcher's passes themselves (deterministic), against receivers on 127.0.0.1.
        builder.UseSetting("Crm:Webhooks:Dispatcher", "false");
        builder.UseSetting("Crm:Webhooks:AllowLoopback", "true");
        builder.UseSetting("Crm:Imports:Worker", "false");
        builder.UseSetting("Crm:Housekeeping:Enabled", "false");
        // The clock is a fake that tests move by hand: look for the database file on every rent, so that the outage
        // tests see a moved file at once (DatabaseFilePresenceTests cover the interval).
        builder.UseSetting("Database:SqliteFileCheckMs", "0");
        builder.UseSetting("Crm:BootstrapAdmin:Email", "admin@test.crm");
        builder.UseSetting("Crm:BootstrapAdmin:Password", Password);
        // The suite signs in far more often than a person would; the rate-limit tests use their own app with low limits.
        builder.UseSetting("Crm:RateLimits:PerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Crm:RateLimits:SignInPerMinute", SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Fewer hashing rounds keep the suite fast; production keeps Identity's default.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    protected override void ConfigureClient(HttpClient client) => client.BaseAddress = new Uri("https://localhost");

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    private async Task CreateOrganisationAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        UserIds[Who.Admin] = db.Users.Single(u => u.Email == "admin@test.crm").Id;

        var teamA = new Team { Name = "Team A" };
        var teamB = new Team { Name = "Team B" };
        db.Teams.AddRange(teamA, teamB);
        await db.SaveChangesAsync();
        TeamA = teamA.Id;
        TeamB = teamB.Id;

        async Task Create(Who who, Role role, Guid? team)
        {
            var email = $"{who.ToString().ToLowerInvariant()}@test.crm";
            var user = new User { Email = email, UserName = email, DisplayName = who.ToString(), Role = role, TeamId = team, EmailConfirmed = true, CreatedAt = Clock.GetUtcNow().UtcDateTime };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            UserIds[who] = user.Id;
        }
        await Create(Who.ManagerA, Role.Manager, teamA.Id);
        await Create(Who.Rep1, Role.Rep, teamA.Id);
        await Create(Who.Rep2, Role.Rep, teamA.Id);
        await Create(Who.ManagerB, Role.Manager, teamB.Id);
        await Create(Who.Rep3, Role.Rep, teamB.Id);
        await Create(Who.Service, Role.Service, null);
        await Create(Who.Analyst, Role.Analyst, null);
        teamA.ManagerId = UserIds[Who.ManagerA];
        teamB.ManagerId = UserIds[Who.ManagerB];
        await db.SaveChangesAsync();
    }

    /// <summary>Moves the clock; signed-in users sign in again, since their 15-minute tokens may have expired.</summary>
    public void Travel(DateTime utc)
    {
        Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
        foreach (var who in _clients.Keys.Where(w => w is not (Who.ReadKey or Who.WriteKey or Who.Anonymous)).ToList())
        {
            _clients[who].Dispose();
            _clients.Remove(who);
        }
    }

    public static string EmailOf(Who who) => who == Who.Admin ? "admin@test.crm" : $"{who.ToString().ToLowerInvariant()}@test.crm";

    /// <summary>A client signed in as <paramref name="who"/>: users with a bearer token, integrations with an API key.</summary>
    public async Task<HttpClient> As(Who who)
    {
        await _clientLock.WaitAsync();
        try
        {
            if (_clients.TryGetValue(who, out var cached)) return cached;
            var client = NewClient();
            switch (who)
            {
                case Who.Anonymous:
                    break;
                case Who.ReadKey or Who.WriteKey:
                    var admin = _clients.TryGetValue(Who.Admin, out var a) ? a : await SignedIn(Who.Admin);
                    _clients[Who.Admin] = admin;
                    string[] scopes = who == Who.ReadKey ? ["customers:read", "purchases:read"] : ["customers:write", "purchases:write"];
                    var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = who.ToString(), scopes }, Json);
                    created.EnsureSuccessStatusCode();
                    var body = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
                    client.DefaultRequestHeaders.Add("X-Api-Key", body.GetProperty("key").GetString());
                    break;
                default:
                    client = await SignedIn(who);
                    break;
            }
            _clients[who] = client;
            return client;
        }
        finally
        {
            _clientLock.Release();
        }
    }

    private async Task<HttpClient> SignedIn(Who who)
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = EmailOf(who), password = Password }, Json);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public T WithDb<T>(Func<CrmDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }

    /// <summary>Takes the database back to just before the migration whose name ends with <paramref name="name"/>, then forward again: what an existing database goes through when that migration first reaches it.</summary>
    public async Task MigrateDownAndUpAgainAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_" + name, StringComparison.Ordinal)) - 1]);
        await migrator.MigrateAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _clientLock.Dispose();
        await base.DisposeAsync();
        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;
}

public class SqliteApp : CrmApp
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));

    public string DatabaseFile => Path.Combine(_directory, "crm.db");
    protected override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(_directory, "crm.db")}";

    protected override ValueTask PrepareAsync()
    {
        Directory.CreateDirectory(_directory);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

public sealed class SqlServerApp : CrmApp
{
    private string _connectionString = "";
    protected override string Provider => "SqlServer";
    protected override string ConnectionString => _connectionString;

    protected override async ValueTask PrepareAsync()
    {
        var engine = await SqlServerEngine.Shared.Value;
        if (engine.SkipReason is not null)
        {
            SkipReason = engine.SkipReason;
            return;
        }
        _connectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(engine.ConnectionString)
        {
            InitialCatalog = "crm_" + Guid.NewGuid().ToString("N"),
        }.ConnectionString;
    }
}
