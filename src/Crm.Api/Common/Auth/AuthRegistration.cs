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
internal sealed class BearerTokenValidation(TokenSigningKey signingKey, TimeProvider clock) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != CrmClaims.BearerScheme) return;
        options.MapInboundClaims = false;
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
                var skew = TimeSpan.FromSeconds(30);
                return expires is { } e && now < e + skew && (notBefore is not { } nb || now >= nb - skew);
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
