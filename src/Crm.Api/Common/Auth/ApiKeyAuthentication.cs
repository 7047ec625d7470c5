using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Common.Auth;

/// <summary>
/// API keys look like <c>crm_{prefix}_{secret}</c>. The prefix finds the row; the SHA-256 of the whole key must
/// match. Keys travel only in the X-Api-Key header, never in a URL where logs and proxies would keep them.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CrmDbContext db, ApiKeyCache keys, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[CrmClaims.ApiKeyHeader].ToString();
        if (string.IsNullOrEmpty(presented)) return AuthenticateResult.NoResult();
        if (!ApiKeySecrets.TryReadPrefix(presented, out var prefix)) return AuthenticateResult.Fail("Malformed API key.");

        var key = await keys.GetAsync(prefix, ct => db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix)
            .Select(k => new ApiKeyRecord(k.Id, k.Name, k.SecretHash, k.RevokedAt, k.ExpiresAt, k.LastUsedAt, k.Scopes)).FirstOrDefaultAsync(ct), Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null || !ApiKeySecrets.Matches(presented, key.SecretHash)) return AuthenticateResult.Fail("Unknown API key.");
        if (key.RevokedAt is not null) return AuthenticateResult.Fail("The API key has been revoked.");
        if (key.ExpiresAt is not null && key.ExpiresAt <= now) return AuthenticateResult.Fail("The API key has expired.");

        // Last-used is kept to the minute so that a busy integration does not turn every read into a write.
        if (key.LastUsedAt is null || key.LastUsedAt < now.AddMinutes(-1))
        {
            try
            {
                await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
                // The kept copy still has the old last use: without this, every call would write until it expires.
                keys.Clear();
                db.AuditEntries.Add(new Domain.AuditEntry
                {
                    At = now, ActorId = key.Id, Source = CrmClaims.SourceApiKey, TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
                    Action = Domain.AuditAction.KeyUse, EntityType = nameof(Domain.ApiKey), EntityId = key.Id.ToString(),
                });
                await db.SaveChangesAsync(Context.RequestAborted);
            }
            catch (Exception e) when (DatabaseFailures.IsStorageFull(e))
            {
                // A full disk must not stop integrations from reading; the usage note is written on a later call.
                db.ChangeTracker.Clear();
                Logger.LogWarning("The use of API key {Prefix} was not recorded: the database is full.", prefix);
            }
        }

        var claims = new List<Claim>
        {
            new(CrmClaims.Subject, key.Id.ToString()),
            new(CrmClaims.Name, key.Name),
            new(CrmClaims.Source, CrmClaims.SourceApiKey),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(CrmClaims.Scope, s)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, CrmClaims.Name, CrmClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}

public static class ApiKeySecrets
{
    public static (string Key, string Prefix, string Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"crm_{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    public static bool TryReadPrefix(string key, out string prefix)
    {
        prefix = "";
        var parts = key.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "crm" || parts[1].Length != 8) return false;
        prefix = parts[1];
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
