using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Crm.Api.Domain;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Common.Auth;

/// <summary>
/// The signing key for mobile access tokens. It comes from <c>Crm:Auth:SigningKey</c> or, when not configured,
/// from the database (generated once), so that every replica validates every other replica's tokens.
/// </summary>
public sealed class TokenSigningKey
{
    public const string SettingKey = "auth.signing-key";
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("The token signing key has not been loaded.");

    public void Load(string base64) => _key = new SymmetricSecurityKey(Convert.FromBase64String(base64));

    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
}

public sealed class TokenIssuer(TokenSigningKey signingKey, TimeProvider clock)
{
    public const string Issuer = "crm-api";
    public const string Audience = "crm-mobile";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    public string AccessToken(User user, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(
            Issuer, Audience,
            [
                new Claim(CrmClaims.Subject, user.Id.ToString()),
                new Claim(CrmClaims.Name, user.DisplayName),
                new Claim(CrmClaims.Role, user.Role.ToString()),
                new Claim(CrmClaims.Source, CrmClaims.SourceMobile),
                new Claim(CrmClaims.Session, sessionId.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            ],
            notBefore: now, expires: now + AccessTokenLifetime,
            signingCredentials: new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public static string NewRefreshToken() => ApiKeySecrets.Base64Url(RandomNumberGenerator.GetBytes(32));
}
