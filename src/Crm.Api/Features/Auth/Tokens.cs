using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Auth;

public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

/// <summary>Mobile sign-in: a 15-minute access token and a 30-day refresh token that rotates on use.</summary>
// Not an ICommand, for the same reason as LogInCommand: failed attempts must stay counted.
public sealed record IssueTokenCommand(string Email, string Password) : IRequest<TokenResponse>;

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

public sealed class IssueTokenHandler(Credentials credentials, CrmDbContext db, TokenIssuer issuer, TimeProvider clock)
    : IRequestHandler<IssueTokenCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(IssueTokenCommand request, CancellationToken cancellationToken)
    {
        var user = await credentials.CheckAsync(request.Email.Trim(), request.Password);
        var refreshToken = TokenIssuer.NewRefreshToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new RefreshSession
        {
            UserId = user.Id, TokenHash = ApiKeySecrets.Hash(refreshToken), CreatedAt = now, ExpiresAt = now + TokenIssuer.RefreshTokenLifetime,
        };
        db.RefreshSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new TokenResponse(issuer.AccessToken(user, session.Id), refreshToken, (int)TokenIssuer.AccessTokenLifetime.TotalSeconds);
    }
}

public sealed record RefreshTokenCommand(string RefreshToken) : ICommand<TokenResponse>;

public sealed class RefreshTokenValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenValidator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(200);
}

public sealed class RefreshTokenHandler(CrmDbContext db, TokenIssuer issuer, TimeProvider clock)
    : IRequestHandler<RefreshTokenCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(RefreshTokenCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ApiKeySecrets.Hash(request.RefreshToken);
        var session = await db.RefreshSessions.FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= now)
            throw new UnauthorizedException("The refresh token is unknown, expired or revoked. Sign in again.");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == session.UserId, cancellationToken);
        if (user is null || user.IsDisabled) throw new UnauthorizedException("This account is disabled.");

        // Rotation: the token just used stops working, so a stolen copy is good for one use at most.
        var refreshToken = TokenIssuer.NewRefreshToken();
        session.TokenHash = ApiKeySecrets.Hash(refreshToken);
        session.ExpiresAt = now + TokenIssuer.RefreshTokenLifetime;
        return new TokenResponse(issuer.AccessToken(user, session.Id), refreshToken, (int)TokenIssuer.AccessTokenLifetime.TotalSeconds);
    }
}

/// <summary>Ends the caller's session: a mobile session is revoked, so its access token stops working too.</summary>
public sealed record LogOutCommand(Guid? SessionId) : ICommand<Unit>;

public sealed class LogOutHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<LogOutCommand, Unit>
{
    public async Task<Unit> Handle(LogOutCommand request, CancellationToken cancellationToken)
    {
        if (request.SessionId is { } id)
        {
            var session = await db.RefreshSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (session is not null) session.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        }
        return Unit.Value;
    }
}
