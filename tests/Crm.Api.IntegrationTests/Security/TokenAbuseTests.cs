using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Api.Common.Auth;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.IntegrationTests.Security;

/// <summary>
/// Forged bearer tokens: only a token signed with the server's key, HS256, for this issuer and audience, unexpired,
/// is accepted. (A token with a changed payload and an expired token are in Features/Auth/AuthTests.)
/// </summary>
public abstract class TokenAbuseTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private async Task<JwtSecurityToken> RealToken()
    {
        var tokens = await Read<JsonElement>(await App.NewClient().PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(Who.Rep1), password = CrmApp.Password }, Json));
        return new JwtSecurityTokenHandler().ReadJwtToken(tokens.GetProperty("accessToken").GetString());
    }

    private static string Sign(JwtSecurityToken real, SecurityKey key, string algorithm = SecurityAlgorithms.HmacSha256, string? issuer = null, string? audience = null) =>
        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            issuer ?? TokenIssuer.Issuer, audience ?? TokenIssuer.Audience,
            real.Claims.Where(c => c.Type is not ("iss" or "aud" or "exp" or "nbf" or "iat")),
            real.ValidFrom, real.ValidTo, new SigningCredentials(key, algorithm)));

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<HttpStatusCode> With(string token)
    {
        var client = App.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/customers")).StatusCode;
    }

    private SecurityKey ServerKey => App.Services.GetRequiredService<TokenSigningKey>().Key;

    [Fact]
    public async Task A_token_re_signed_with_the_servers_key_is_accepted_so_the_forgeries_below_differ_in_one_thing_only()
    {
        Assert.Equal(HttpStatusCode.OK, await With(Sign(await RealToken(), ServerKey)));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await With(Sign(await RealToken(), ServerKey, audience: "crm-partner-portal")));

    [Fact]
    public async Task A_token_from_another_issuer_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await With(Sign(await RealToken(), ServerKey, issuer: "https://evil.example")));

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await With(Sign(await RealToken(), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)))));

    [Fact]
    public async Task A_token_signed_with_another_algorithm_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await With(Sign(await RealToken(), ServerKey, SecurityAlgorithms.HmacSha512)));

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var real = await RealToken();
        var unsigned = $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{real.RawPayload}.";
        Assert.Equal(HttpStatusCode.Unauthorized, await With(unsigned));
        var promoted = Base64Url(real.Payload.SerializeToJson().Replace("\"Rep\"", "\"Admin\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, await With($"{Base64Url("{\"alg\":\"none\"}")}.{promoted}."));
    }

    [Fact]
    public async Task Garbage_in_the_authorization_header_is_a_401_problem_not_a_500()
    {
        foreach (var token in new[] { "not-a-jwt", "a.b.c", new string('x', 8000), "eyJhbGciOiJIUzI1NiJ9..", "Bearer Bearer" })
            Assert.Equal(HttpStatusCode.Unauthorized, await With(token));
        var key = App.NewClient();
        key.DefaultRequestHeaders.Add(CrmClaims.ApiKeyHeader, "crm_deadbeef_" + new string('A', 43));
        await Problem(await key.GetAsync("/api/v1/customers"), HttpStatusCode.Unauthorized);
        var malformed = App.NewClient();
        malformed.DefaultRequestHeaders.Add(CrmClaims.ApiKeyHeader, "' OR 1=1 --");
        await Problem(await malformed.GetAsync("/api/v1/customers"), HttpStatusCode.Unauthorized);
    }
}

public sealed class TokenAbuseTestsOnSqlite(SqliteApp app) : TokenAbuseTests<SqliteApp>(app);

public sealed class TokenAbuseTestsOnSqlServer(SqlServerApp app) : TokenAbuseTests<SqlServerApp>(app);

/// <summary>Moves the clock, so it has an app of its own.</summary>
public abstract class ApiKeyExpiryTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task An_expired_api_key_is_refused()
    {
        var admin = await As(Who.Admin);
        var created = await Read<JsonElement>(await admin.PostAsJsonAsync("/api/v1/api-keys",
            new { name = "Short-lived", scopes = new[] { "customers:read" }, expiresAt = App.Clock.GetUtcNow().UtcDateTime.AddHours(1) }, Json), HttpStatusCode.Created);
        var erp = App.NewClient();
        erp.DefaultRequestHeaders.Add(CrmClaims.ApiKeyHeader, created.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/v1/customers")).StatusCode);

        App.Clock.Advance(TimeSpan.FromHours(2));
        await Problem(await erp.GetAsync("/api/v1/customers"), HttpStatusCode.Unauthorized);
    }
}

public sealed class ApiKeyExpiryTestsOnSqlite(SqliteApp app) : ApiKeyExpiryTests<SqliteApp>(app);

public sealed class ApiKeyExpiryTestsOnSqlServer(SqlServerApp app) : ApiKeyExpiryTests<SqlServerApp>(app);
