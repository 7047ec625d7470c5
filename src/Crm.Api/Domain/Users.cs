using Microsoft.AspNetCore.Identity;

namespace Crm.Api.Domain;

/// <summary>A person who signs in. Passwords and lockout are Identity's; role and team are ours.</summary>
public class User : IdentityUser<Guid>, IVersionedRow
{
    public User() => Id = Guid.CreateVersion7();
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }
    public Guid? TeamId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; } = 1;
}

/// <summary>A sales department (营业部): a manager and the reps who report to them.</summary>
public class Team : AuditedEntity
{
    public string Name { get; set; } = "";
    public Guid? ManagerId { get; set; }
}

/// <summary>A key for a third-party system. Only a hash is stored; the secret is shown once.</summary>
public class ApiKey : AuditedEntity
{
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}

/// <summary>A mobile sign-in: the refresh token (hashed) and whether the session is still alive.</summary>
public class RefreshSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>Named counters for people-facing codes (C-000123), incremented inside the creating transaction.</summary>
public class Sequence
{
    public string Name { get; set; } = "";
    public long Next { get; set; }
}

/// <summary>Organisation-wide secrets and settings that every replica must share (e.g. the token signing key).</summary>
public class SystemSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
