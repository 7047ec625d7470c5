using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Features.Auth;

public abstract class AuthTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private async Task<(HttpClient Client, string Antiforgery)> CookieSession(Who who)
    {
        var client = App.NewClient();
        var me = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = CrmApp.EmailOf(who), password = CrmApp.Password }, Json));
        return (client, me.GetProperty("antiforgeryToken").GetString()!);
    }

    private async Task<string> NewUser(string role = "Rep")
    {
        var email = $"u{Guid.NewGuid():N}"[..12] + "@test.crm";
        var admin = await As(Who.Admin);
        await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "New user", role, password = CrmApp.Password }, Json), HttpStatusCode.Created);
        return email;
    }

    [Fact]
    public async Task The_bootstrap_admin_from_configuration_signs_in_as_admin()
    {
        var (client, _) = await CookieSession(Who.Admin);
        var me = await Read<JsonElement>(await client.GetAsync("/api/v1/auth/me"));
        Assert.Equal("admin@test.crm", me.GetProperty("email").GetString());
        Assert.Equal("Admin", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_cookie_session_needs_the_antiforgery_header_on_unsafe_requests()
    {
        var (client, token) = await CookieSession(Who.Rep1);
        var withoutHeader = await client.PostAsJsonAsync("/api/v1/customers", new { name = "CSRF victim", kind = "Company" }, Json);
        await Problem(withoutHeader, HttpStatusCode.BadRequest);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(new { name = "Legit", kind = "Company" }, options: Json) };
        request.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Logging_out_ends_the_cookie_session()
    {
        var (client, token) = await CookieSession(Who.Rep2);
        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        logout.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);
        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_credentials_are_unauthorized_without_saying_which_part_was_wrong()
    {
        var client = App.NewClient();
        var unknown = await Problem(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.crm", password = "whatever1" }, Json), HttpStatusCode.Unauthorized);
        var wrong = await Problem(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(Who.Analyst), password = "wrong-password" }, Json), HttpStatusCode.Unauthorized);
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var email = await NewUser();
        var client = App.NewClient();
        for (var i = 0; i < 4; i++)
            await Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password" }, Json), HttpStatusCode.Unauthorized);
        var fifth = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password" }, Json);
        await Problem(fifth, HttpStatusCode.TooManyRequests);
        Assert.True(fifth.Headers.RetryAfter is not null);

        await Problem(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = CrmApp.Password }, Json), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Disabling_a_user_revokes_their_tokens_at_once()
    {
        var email = await NewUser();
        var client = App.NewClient();
        var tokens = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = CrmApp.Password }, Json));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        var me = await Read<JsonElement>(await client.GetAsync("/api/v1/auth/me"));

        var admin = await As(Who.Admin);
        await Read<JsonElement>(await admin.PostAsync($"/api/v1/users/{me.GetProperty("id").GetString()}/disable", null));

        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        await Problem(await App.NewClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }, Json), HttpStatusCode.Unauthorized);
        await Problem(await App.NewClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = CrmApp.Password }, Json), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_disabled_on_another_replica_is_refused_once_this_replicas_caller_cache_expires()
    {
        var email = await NewUser();
        var client = App.NewClient();
        var tokens = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = CrmApp.Password }, Json));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        var id = Guid.Parse((await Read<JsonElement>(await client.GetAsync("/api/v1/auth/me"))).GetProperty("id").GetString()!);

        // Another replica's change never passes through this replica's saves: written here past the change tracker.
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        App.Clock.Advance(TimeSpan.FromSeconds(16)); // Crm:Caching:CallerSeconds, default 15

        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_logout_revokes_the_access_token()
    {
        var client = App.NewClient();
        var first = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(Who.Rep1), password = CrmApp.Password }, Json));
        Assert.Equal(900, first.GetProperty("expiresIn").GetInt32());
        var refresh = first.GetProperty("refreshToken").GetString();

        var second = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh }, Json));
        await Problem(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh }, Json), HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var client = App.NewClient();
        var tokens = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(Who.Rep1), password = CrmApp.Password }, Json));
        var parts = tokens.GetProperty("accessToken").GetString()!.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].PadRight(parts[1].Length + (4 - parts[1].Length % 4) % 4, '=').Replace('-', '+').Replace('_', '/')));
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload.Replace("\"Rep\"", "\"Admin\""))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"{parts[0]}.{forged}.{parts[2]}");
        await Problem(await client.GetAsync("/api/v1/users"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_keys_are_scoped_revocable_and_accepted_only_in_the_header()
    {
        var admin = await As(Who.Admin);
        var created = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "ERP", scopes = new[] { "customers:read" } }, Json), HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("apiKey").GetProperty("id").GetString();

        var erp = App.NewClient();
        erp.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/v1/customers")).StatusCode);
        await Problem(await erp.PostAsJsonAsync("/api/v1/customers", new { name = "x", kind = "Company", ownerId = App.UserIds[Who.Rep1] }, Json), HttpStatusCode.Forbidden);
        await Problem(await App.NewClient().GetAsync($"/api/v1/customers?api_key={Uri.EscapeDataString(key)}"), HttpStatusCode.BadRequest);

        var listed = await Read<JsonElement>(await admin.GetAsync("/api/v1/api-keys"));
        var row = listed.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.False(row.TryGetProperty("key", out _));
        Assert.True(row.TryGetProperty("lastUsedAt", out _));
        Assert.DoesNotContain(key, await (await admin.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync());

        await Read<JsonElement>(await admin.PostAsync($"/api/v1/api-keys/{id}/revoke", null));
        await Problem(await erp.GetAsync("/api/v1/customers"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_revoked_on_another_replica_is_refused_once_this_replicas_copy_expires()
    {
        var (erp, id) = await NewKey();
        // The first call records the key's use, which empties the copy; the second keeps it.
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/v1/customers?limit=1")).StatusCode);

        // Another replica's revocation never passes through this replica's saves: written here past the change tracker.
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ApiKeys.Where(k => k.Id == id)
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, App.Clock.GetUtcNow().UtcDateTime));
        // Until then this replica serves the key from its copy instead of reading it on every call.
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/v1/customers?limit=1")).StatusCode);

        App.Clock.Advance(TimeSpan.FromSeconds(16)); // Crm:Caching:ApiKeySeconds, default 15
        await Problem(await erp.GetAsync("/api/v1/customers?limit=1"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_busy_integrations_use_is_recorded_once_a_minute()
    {
        var (erp, id) = await NewKey();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/v1/customers?limit=1")).StatusCode);
        Assert.Equal(1, await KeyUses(id));

        App.Clock.Advance(TimeSpan.FromSeconds(61));
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/v1/customers?limit=1")).StatusCode);
        Assert.Equal(2, await KeyUses(id));
    }

    private async Task<(HttpClient Client, Guid Id)> NewKey()
    {
        var admin = await As(Who.Admin);
        var created = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "ERP " + Guid.NewGuid().ToString("N")[..6], scopes = new[] { "customers:read" } }, Json), HttpStatusCode.Created);
        var client = App.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
        return (client, Guid.Parse(created.GetProperty("apiKey").GetProperty("id").GetString()!));
    }

    private async Task<int> KeyUses(Guid keyId)
    {
        using var scope = App.Services.CreateScope();
        var entity = keyId.ToString();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries
            .CountAsync(a => a.Action == Crm.Api.Domain.AuditAction.KeyUse && a.EntityId == entity);
    }

    [Fact]
    public async Task Unknown_scopes_are_refused_when_creating_a_key()
    {
        var admin = await As(Who.Admin);
        var problem = await Problem(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "bad", scopes = new[] { "everything:write" } }, Json), HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("scopes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_callers_get_a_problem_not_a_redirect()
    {
        var problem = await Problem(await App.NewClient().GetAsync("/api/v1/customers"), HttpStatusCode.Unauthorized);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }
}

public sealed class AuthTestsOnSqlite(SqliteApp app) : AuthTests<SqliteApp>(app);

public sealed class AuthTestsOnSqlServer(SqlServerApp app) : AuthTests<SqlServerApp>(app);

/// <summary>Moves the clock forward, so it has an app of its own.</summary>
public abstract class TokenExpiryTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    // A client that sends a fresh access token of this person's, and whose first call with it was answered.
    private async Task<HttpClient> WithAccessTokenOf(Who who)
    {
        var client = App.NewClient();
        var tokens = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(who), password = CrmApp.Password }, Json));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        return client;
    }

    [Fact]
    public async Task An_expired_access_token_is_refused()
    {
        var client = await WithAccessTokenOf(Who.Analyst);
        App.Clock.Advance(TimeSpan.FromMinutes(16));
        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }

    // The replica keeps a token it has validated for up to a minute (ValidatedBearerTokens); that must never stretch the
    // token's own life (15 minutes, accepted 30 s past it).
    [Fact]
    public async Task A_token_the_replica_has_already_validated_is_refused_as_soon_as_it_expires()
    {
        var client = await WithAccessTokenOf(Who.ManagerA);
        App.Clock.Advance(TimeSpan.FromSeconds(14 * 60 + 50));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        App.Clock.Advance(TimeSpan.FromSeconds(45)); // 15 min 35 s: past the token's life and its skew, within a minute of its last check
        await Problem(await client.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }
}

public sealed class TokenExpiryTestsOnSqlite(SqliteApp app) : TokenExpiryTests<SqliteApp>(app);

public sealed class TokenExpiryTestsOnSqlServer(SqlServerApp app) : TokenExpiryTests<SqlServerApp>(app);
