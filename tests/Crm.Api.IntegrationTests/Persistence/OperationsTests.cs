using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Api.IntegrationTests.Persistence;

/// <summary>The API with every log line, at every level, kept in memory.</summary>
public sealed class LoggedSqliteApp : SqliteApp
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(new CapturingLoggerProvider(Lines));
        });
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);
        public void Dispose() { }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
    }
}

public sealed class SecretsStayOutOfLogsTests(LoggedSqliteApp app) : ApiTest<LoggedSqliteApp>(app)
{
    [Fact]
    public async Task Passwords_tokens_and_api_keys_never_reach_the_logs()
    {
        var client = App.NewClient();
        await client.PostAsJsonAsync("/api/v1/auth/login", new { email = CrmApp.EmailOf(Who.Rep1), password = "Wrong-Secret-Pw-1" }, Json);
        await client.PostAsJsonAsync("/api/v1/auth/login", new { email = CrmApp.EmailOf(Who.Rep1), password = CrmApp.Password }, Json);
        var tokens = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(Who.Rep2), password = CrmApp.Password }, Json));
        var admin = await As(Who.Admin);
        var key = (await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "ERP", scopes = new[] { "customers:read" } }, Json), HttpStatusCode.Created))
            .GetProperty("key").GetString()!;
        var erp = App.NewClient();
        erp.DefaultRequestHeaders.Add("X-Api-Key", key);
        await erp.GetAsync("/api/v1/customers");
        await App.NewClient().GetAsync("/api/v1/customers?api_key=" + Uri.EscapeDataString(key));

        var log = string.Join('\n', App.Lines);
        Assert.True(App.Lines.Count > 10, "the capture should see the app's logging");
        Assert.DoesNotContain("Wrong-Secret-Pw-1", log, StringComparison.Ordinal);
        Assert.DoesNotContain(CrmApp.Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.GetProperty("accessToken").GetString()!, log, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.GetProperty("refreshToken").GetString()!, log, StringComparison.Ordinal);
        Assert.DoesNotContain(key, log, StringComparison.Ordinal);
    }
}

/// <summary>The API with small limits: 30 requests a minute per caller, 3 sign-ins a minute per address.</summary>
public sealed class RateLimitedSqliteApp : SqliteApp
{
    protected override int RateLimitPerMinute => 30;
    protected override int SignInPerMinute => 3;
}

public sealed class RateLimitTests(RateLimitedSqliteApp app) : ApiTest<RateLimitedSqliteApp>(app)
{
    [Fact]
    public async Task A_caller_past_the_limit_gets_429_with_retry_after_while_other_callers_go_on()
    {
        var rep = await As(Who.Rep1);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) statuses.Add((await rep.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 25, "the first requests of the minute pass");

        var refused = await rep.GetAsync("/api/v1/auth/me");
        await Problem(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("30", refused.Headers.GetValues("X-RateLimit-Limit").Single());

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Rep2)).GetAsync("/api/v1/auth/me")).StatusCode);
    }
}

/// <summary>Uses up the sign-in allowance, so it has an app of its own.</summary>
public sealed class SignInRateLimitTests(RateLimitedSqliteApp app) : ApiTest<RateLimitedSqliteApp>(app)
{
    [Fact]
    public async Task Signing_in_is_limited_more_strictly()
    {
        var client = App.NewClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
            responses.Add(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@test.crm", password = "guess-" + i }, Json));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal("3", responses[0].Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

public abstract class IdempotencyTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private int Count(string name) => App.WithDb(db => db.Customers.Count(c => c.Name == name));

    [Fact]
    public async Task The_same_key_and_body_replay_the_first_response_byte_for_byte_and_create_once()
    {
        var rep = await As(Who.Rep1);
        var first = await rep.SendAsync(Arrange.CustomerCreateWithKey("order-123", "Idempotent Co"));
        var second = await rep.SendAsync(Arrange.CustomerCreateWithKey("order-123", "Idempotent Co"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, Count("Idempotent Co"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_a_retry_in_flight_is_409()
    {
        var rep = await As(Who.Rep1);
        await rep.SendAsync(Arrange.CustomerCreateWithKey("order-456", "First body"));
        await Problem(await rep.SendAsync(Arrange.CustomerCreateWithKey("order-456", "Second body")), (HttpStatusCode)422);
        Assert.Equal(0, Count("Second body"));

        App.WithDb(db =>
        {
            db.IdempotencyRecords.Add(new Crm.Api.Common.IdempotencyRecord
            {
                CallerKey = App.UserIds[Who.Rep1].ToString(), Key = "in-flight", RequestHash = "still-running", CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
            });
            return db.SaveChanges();
        });
        await Problem(await rep.SendAsync(Arrange.CustomerCreateWithKey("in-flight", "Racing body")), HttpStatusCode.Conflict);
        Assert.Equal(0, Count("Racing body"));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller_and_a_failed_first_attempt_can_be_retried()
    {
        await (await As(Who.Rep1)).SendAsync(Arrange.CustomerCreateWithKey("shared-key", "Rep1's"));
        Assert.Equal(HttpStatusCode.Created, (await (await As(Who.Rep2)).SendAsync(Arrange.CustomerCreateWithKey("shared-key", "Rep2's"))).StatusCode);
        Assert.Equal(1, Count("Rep2's"));

        var rep = await As(Who.Rep3);
        await Problem(await rep.SendAsync(Arrange.CustomerCreateWithKey("retry-me", "")), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await rep.SendAsync(Arrange.CustomerCreateWithKey("retry-me", "Fixed body"))).StatusCode);
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApp app) : IdempotencyTests<SqliteApp>(app);

public sealed class IdempotencyTestsOnSqlServer(SqlServerApp app) : IdempotencyTests<SqlServerApp>(app);

public abstract class AuditTrailTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private async Task<Crm.Api.Common.Page<Crm.Api.Features.Audit.AuditEntryDto>> Audit(Who who, string query) =>
        await Read<Crm.Api.Common.Page<Crm.Api.Features.Audit.AuditEntryDto>>(await (await As(who)).GetAsync("/api/v1/audit?" + query));

    [Fact]
    public async Task Every_change_leaves_an_audit_line_with_field_level_before_and_after()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "Audit before");
        var rep = await As(Who.Rep1);
        await Read<Crm.Api.Features.Customers.CustomerDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", "\"1\"",
            Arrange.UpdateBody(customer, b => b["name"] = "Audit after"))));

        var lines = await Audit(Who.Admin, $"entityType=Customer&entityId={customer.Id}");
        var update = Assert.Single(lines.Items, l => l.Action == Crm.Api.Domain.AuditAction.Update);
        Assert.Equal(App.UserIds[Who.Rep1], update.ActorId);
        Assert.Equal("mobile", update.Source);
        Assert.False(string.IsNullOrEmpty(update.TraceId));
        using var changes = JsonDocument.Parse(update.Changes!);
        var name = changes.RootElement.EnumerateArray().Single(c => c.GetProperty("field").GetString() == "name");
        Assert.Equal("Audit before", name.GetProperty("before").GetString());
        Assert.Equal("Audit after", name.GetProperty("after").GetString());
        Assert.DoesNotContain(changes.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == "code");
        var create = Assert.Single(lines.Items, l => l.Action == Crm.Api.Domain.AuditAction.Create);
        Assert.Equal(App.UserIds[Who.Admin], create.ActorId);
        // A create lists the fields the record was created with, each with no "before"; empty fields are left out.
        using var created = JsonDocument.Parse(create.Changes!);
        var createdName = created.RootElement.EnumerateArray().Single(c => c.GetProperty("field").GetString() == "name");
        Assert.Equal((JsonValueKind.Null, "Audit before"), (createdName.GetProperty("before").ValueKind, createdName.GetProperty("after").GetString()));
        Assert.All(created.RootElement.EnumerateArray(), c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("after").ValueKind));
        Assert.DoesNotContain(created.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == "address");
    }

    [Fact]
    public async Task Sign_ins_and_failed_sign_ins_are_audited_without_the_password()
    {
        await App.NewClient().PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(Who.Analyst), password = "Not-The-Password-9" }, Json);
        await App.NewClient().PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(Who.Analyst), password = CrmApp.Password }, Json);
        var lines = await Audit(Who.Admin, $"entityType=User&entityId={App.UserIds[Who.Analyst]}");
        Assert.Contains(lines.Items, l => l.Action == Crm.Api.Domain.AuditAction.SignInFailed);
        Assert.Contains(lines.Items, l => l.Action == Crm.Api.Domain.AuditAction.SignIn);
        var all = await (await As(Who.Admin)).GetStringAsync("/api/v1/audit?limit=200");
        Assert.DoesNotContain("Not-The-Password-9", all, StringComparison.Ordinal);
        Assert.DoesNotContain(CrmApp.Password, all, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_read_the_whole_trail_managers_their_teams_and_reps_none_of_it()
    {
        await Arrange.CreateAsync(await As(Who.Rep3), new { name = "Team B change", kind = "Company" });
        await Arrange.CreateAsync(await As(Who.Rep1), new { name = "Team A change", kind = "Company" });
        var managerA = await Audit(Who.ManagerA, "entityType=Customer&limit=200");
        Assert.Contains(managerA.Items, l => l.ActorId == App.UserIds[Who.Rep1]);
        Assert.DoesNotContain(managerA.Items, l => l.ActorId == App.UserIds[Who.Rep3]);
        await Problem(await (await As(Who.Rep1)).GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden);
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests<SqliteApp>(app);

public sealed class AuditTrailTestsOnSqlServer(SqlServerApp app) : AuditTrailTests<SqlServerApp>(app);
