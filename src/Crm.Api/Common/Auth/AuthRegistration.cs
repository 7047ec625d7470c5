using System.Security.Claims;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Common.Auth;

public static class AuthRegistration
{
    /// <summary>How long five wrong passwords lock an account: the longest Retry-After the API ever sends.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddCrmAuth(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddSignInManager();

        // Keys live in the database so that every replica can read every other replica's cookies.
        services.AddDataProtection().SetApplicationName("crm").PersistKeysToDbContext<CrmDbContext>();

        services.AddSingleton<TokenSigningKey>();
        services.AddScoped<TokenIssuer>();
        services.AddScoped<IAuthorizationHandler, AreaAccessHandler>();

        var production = !env.IsDevelopment();
        services.AddAuthentication(CrmClaims.SelectorScheme)
            .AddPolicyScheme(CrmClaims.SelectorScheme, "Cookie, bearer token or API key", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(CrmClaims.ApiKeyHeader) ? CrmClaims.ApiKeyScheme
                : http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? CrmClaims.BearerScheme
                : CrmClaims.CookieScheme)
            .AddCookie(CrmClaims.CookieScheme, o =>
            {
                o.Cookie.Name = production ? "__Host-crm-session" : "crm-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddJwtBearer(CrmClaims.BearerScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CrmClaims.ApiKeyScheme, _ => { });

        services.AddSingleton<ValidatedBearerTokens>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, BearerTokenValidation>();
        services.AddAuthorization(AccessPolicies.Configure);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CrmClaims.AntiforgeryHeader;
            o.Cookie.Name = production ? "__Host-crm-af" : "crm-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static ClaimsPrincipal CookiePrincipal(User user) => new(new ClaimsIdentity(
        [
            new Claim(CrmClaims.Subject, user.Id.ToString()),
            new Claim(CrmClaims.Name, user.DisplayName),
            new Claim(CrmClaims.Role, user.Role.ToString()),
            new Claim(CrmClaims.Source, CrmClaims.SourceSpa),
        ],
        CrmClaims.CookieScheme, CrmClaims.Name, CrmClaims.Role));
}

/// <summary>
/// Bearer token validation reads the signing key (loaded from the database at start-up) and the time from the
/// app's TimeProvider, so that tokens behave the same under a test clock as in production.
/// </summary>
internal sealed class BearerTokenValidation(TokenSigningKey signingKey, TimeProvider clock, ValidatedBearerTokens validated) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>How far either side of a token's lifetime it is still accepted.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != CrmClaims.BearerScheme) return;
        options.MapInboundClaims = false;
        // Nothing reads the raw token back from the request's authentication properties.
        options.SaveToken = false;
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && validated.Find(header["Bearer ".Length..].Trim()) is { } principal)
                {
                    context.Principal = principal;
                    context.Success();
                }
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                if (context.SecurityToken is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token && context.Principal is { } principal)
                    validated.Keep(token.EncodedToken, principal, token.ValidTo + ClockSkew);
                return Task.CompletedTask;
            },
        };
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = TokenIssuer.Issuer,
            ValidAudience = TokenIssuer.Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = CrmClaims.Name,
            RoleClaimType = CrmClaims.Role,
            IssuerSigningKeyResolver = (_, _, _, _) => [signingKey.Key],
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } e && now < e + ClockSkew && (notBefore is not { } nb || now >= nb - ClockSkew);
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}

/// <summary>
/// Bearer tokens this replica has validated, kept by their exact text for at most a minute and never past the moment
/// the token itself stops being accepted. A mobile app sends the same token with every call until it refreshes it, and
/// checking its signature, reading its JSON and building its claims again was 6–8% of a get by id's CPU
/// (docs/performance.md, "Eighteenth round"). Any other text, a re-signed or altered token included, is validated in
/// full. Signing out and disabling are unaffected: <see cref="CallerMiddleware"/> checks the session and the user on
/// every request.
/// </summary>
internal sealed class ValidatedBearerTokens(TimeProvider clock)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTime Until)> tokens = new(StringComparer.Ordinal);

    /// <summary>A copy of the token's principal (each request may replace or extend its own), or null.</summary>
    public ClaimsPrincipal? Find(string token)
    {
        if (!tokens.TryGetValue(token, out var kept)) return null;
        if (clock.GetUtcNow().UtcDateTime < kept.Until) return Copy(kept.Principal);
        tokens.TryRemove(token, out _);
        return null;
    }

    /// <param name="acceptedUntil">When the token stops being accepted: its expiry plus the allowed clock skew.</param>
    public void Keep(string token, ClaimsPrincipal principal, DateTime acceptedUntil)
    {
        // Past the capacity everything goes at once: simpler than an eviction order, and rare (tokens live 15 minutes).
        if (tokens.Count >= Capacity) tokens.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        tokens[token] = (Copy(principal), acceptedUntil < now + KeptFor ? acceptedUntil : now + KeptFor);
    }

    // ClaimsPrincipal.Clone() shares its identities; each of these gets identities of its own.
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));
}
