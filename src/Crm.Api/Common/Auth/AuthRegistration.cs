using System.Security.Claims;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Common.Auth;

public static class AuthRegistration
{
    public static IServiceCollection AddCrmAuth(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
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
            .AddJwtBearer(CrmClaims.BearerScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = CrmClaims.Name,
                    RoleClaimType = CrmClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerEvents
                {
                    OnMessageReceived = c =>
                    {
                        c.Options.TokenValidationParameters.IssuerSigningKey = c.HttpContext.RequestServices.GetRequiredService<TokenSigningKey>().Key;
                        return Task.CompletedTask;
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CrmClaims.ApiKeyScheme, _ => { });

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
