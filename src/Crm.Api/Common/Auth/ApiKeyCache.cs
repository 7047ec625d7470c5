using Crm.Api.Domain;
using Crm.Api.Persistence;

namespace Crm.Api.Common.Auth;

/// <summary>What <see cref="ApiKeyAuthenticationHandler"/> needs of a key to let a request in.</summary>
public sealed record ApiKeyRecord(Guid Id, string Name, string SecretHash, DateTime? RevokedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, IReadOnlyList<string> Scopes);

/// <summary>
/// The API keys by prefix, kept for <c>Crm:Caching:ApiKeySeconds</c> (default 15 s; 0 reads the key on every request):
/// an integration sends its key with every call, and reading it was about a tenth of the CPU of a get by id
/// (docs/performance.md, "Ninth round"). A revocation takes effect at once on the replica that saved it and within that
/// time on the others. Unknown prefixes are not kept: a key created on another replica works here at once, and
/// made-up keys cannot fill the memory.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock, IConfiguration config)
    : ReplicaCache<string, ApiKeyRecord?>(clock, TimeSpan.FromSeconds(config.GetValue("Crm:Caching:ApiKeySeconds", 15)))
{
    protected override bool Watches(Type entityType) => entityType == typeof(ApiKey);

    protected override bool Keeps(ApiKeyRecord? value) => value is not null;
}
