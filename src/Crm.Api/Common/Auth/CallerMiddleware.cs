using System.Security.Claims;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.Auth;

/// <summary>
/// Runs after authentication: turns the principal into a <see cref="Caller"/> with its record scope. The user (role,
/// team, disabled flag, team members) and a mobile session come from <see cref="CallerCache"/>: disabling a user,
/// revoking a session or changing a role takes effect at once on this replica and within the cache's lifetime
/// (15 s by default) on the others. Cookie-authenticated unsafe requests must also carry the antiforgery header.
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next)
{
    private static readonly string[] ApiKeyQueryNames = ["api_key", "apikey", "x-api-key", "key"];

    public async Task InvokeAsync(HttpContext http, Caller caller, CrmDbContext db, CallerCache callers, IAntiforgery antiforgery, IProblemDetailsService problems)
    {
        if (http.Request.Query.Keys.Any(k => ApiKeyQueryNames.Contains(k, StringComparer.OrdinalIgnoreCase)) && http.Request.Path.StartsWithSegments("/api"))
        {
            await Reject(http, problems, StatusCodes.Status400BadRequest, "API key in the URL",
                "API keys are accepted only in the X-Api-Key header: URLs end up in logs and proxies.");
            return;
        }

        var principal = http.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            caller.BecomeAnonymous();
            await next(http);
            return;
        }

        var source = principal.FindFirst(CrmClaims.Source)?.Value;
        if (!Guid.TryParse(principal.FindFirst(CrmClaims.Subject)?.Value, out var subject))
        {
            await Reject(http, problems, StatusCodes.Status401Unauthorized, "Unauthorized", "The credentials do not name a caller.");
            return;
        }

        if (source == CrmClaims.SourceApiKey)
        {
            caller.BecomeApiKey(subject);
            await next(http);
            return;
        }

        var sessionId = source == CrmClaims.SourceMobile && Guid.TryParse(principal.FindFirst(CrmClaims.Session)?.Value, out var session) ? session : (Guid?)null;
        var user = await callers.GetAsync((subject, sessionId), ct => ReadCallerAsync(db, subject, sessionId, ct), http.RequestAborted);
        if (user is null || user.IsDisabled)
        {
            await Reject(http, problems, StatusCodes.Status401Unauthorized, "Unauthorized", "This account is disabled or no longer exists.");
            return;
        }
        if (source == CrmClaims.SourceMobile && !user.SessionSignedIn)
        {
            await Reject(http, problems, StatusCodes.Status401Unauthorized, "Unauthorized", "This session has been signed out.");
            return;
        }

        caller.BecomeUser(user.Id, user.Role, user.TeamId, source == CrmClaims.SourceMobile ? "mobile" : "spa", user.TeamMembers);

        // The role in the database wins over the one in an older cookie or token.
        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type != CrmClaims.Role).Append(new Claim(CrmClaims.Role, user.Role.ToString())),
            principal.Identity.AuthenticationType, CrmClaims.Name, CrmClaims.Role);
        http.User = new ClaimsPrincipal(identity);

        // Anonymous endpoints (signing in again) need no antiforgery token: they act on no one's session.
        var anonymous = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
        if (source == CrmClaims.SourceSpa && !anonymous && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method))
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await Reject(http, problems, StatusCodes.Status400BadRequest, "Antiforgery token missing",
                    $"Requests made with the session cookie must send the {CrmClaims.AntiforgeryHeader} header from /api/v1/auth/me.");
                return;
            }
        }
        await next(http);
    }

    private static async Task Reject(HttpContext http, IProblemDetailsService problems, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = ProblemTypes.For(status) },
        });
    }

    private static async Task<CallerRecord?> ReadCallerAsync(CrmDbContext db, Guid userId, Guid? sessionId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.Role, u.TeamId, u.IsDisabled }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var signedIn = sessionId is { } id && await db.RefreshSessions.AnyAsync(s => s.Id == id && s.RevokedAt == null, ct);
        return new CallerRecord(user.Id, user.Role, user.TeamId, user.IsDisabled, await TeamMembersAsync(db, user.Id, user.Role, ct), signedIn);
    }

    /// <summary>The people of the teams a manager leads (whose customers the manager sees); nobody for other roles.</summary>
    public static async Task<List<Guid>> TeamMembersAsync(CrmDbContext db, Guid userId, Role role, CancellationToken ct) =>
        role == Role.Manager
            ? await db.Users.AsNoTracking().Where(u => u.TeamId != null && db.Teams.Any(t => t.Id == u.TeamId && t.ManagerId == userId)).Select(u => u.Id).ToListAsync(ct)
            : [];
}
