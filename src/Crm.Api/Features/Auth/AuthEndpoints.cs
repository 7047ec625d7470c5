using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Crm.Api.Features.Auth;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");

        group.MapPost("/login", async (LogInCommand body, IMediator mediator, HttpContext http, IAntiforgery antiforgery) =>
            {
                var user = await mediator.Send(body, http.RequestAborted);
                var principal = AuthRegistration.CookiePrincipal(user);
                await http.SignInAsync(CrmClaims.CookieScheme, principal);
                http.User = principal;
                return TypedResults.Ok(new MeDto(user.Id, user.Email!, user.DisplayName, user.Role.ToString(), user.TeamId, antiforgery.GetAndStoreTokens(http).RequestToken));
            })
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithName("LogIn").WithSummary("Sign in to the SPA with a cookie session")
            .WithDescription("Sets an HttpOnly, SameSite=Strict session cookie. Send the returned antiforgeryToken in the X-XSRF-TOKEN header on unsafe requests.")
            .Produces<MeDto>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);

        group.MapPost("/logout", async (IMediator mediator, HttpContext http) =>
            {
                var sessionId = Guid.TryParse(http.User.FindFirst(CrmClaims.Session)?.Value, out var sid) ? sid : (Guid?)null;
                await mediator.Send(new LogOutCommand(sessionId), http.RequestAborted);
                if (http.User.FindFirst(CrmClaims.Source)?.Value == CrmClaims.SourceSpa)
                    await http.SignOutAsync(CrmClaims.CookieScheme);
                return TypedResults.NoContent();
            })
            .WithName("LogOut").WithSummary("Sign out: ends the cookie session or revokes the mobile session")
            .Produces(204).ProducesProblem(401);

        group.MapGet("/me", async (IMediator mediator, HttpContext http, IAntiforgery antiforgery) =>
            {
                var me = await mediator.Send(new GetMeQuery(), http.RequestAborted);
                var token = http.User.FindFirst(CrmClaims.Source)?.Value == CrmClaims.SourceSpa ? antiforgery.GetAndStoreTokens(http).RequestToken : null;
                return TypedResults.Ok(me with { AntiforgeryToken = token });
            })
            .WithName("GetMe").WithSummary("The signed-in user, with a fresh antiforgery token for cookie sessions")
            .Produces<MeDto>().ProducesProblem(401);

        group.MapPost("/token", async (IssueTokenCommand body, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(body, http.RequestAborted)))
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithName("IssueToken").WithSummary("Mobile sign-in: an access token and a refresh token")
            .Produces<TokenResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);

        group.MapPost("/refresh", async (RefreshTokenCommand body, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(body, http.RequestAborted)))
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithName("RefreshToken").WithSummary("Exchange a refresh token for new tokens (the old refresh token stops working)")
            .Produces<TokenResponse>().ProducesProblem(400).ProducesProblem(401);
    }
}
