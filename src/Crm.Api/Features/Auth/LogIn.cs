using Crm.Api.Common;
using Crm.Api.Domain;
using FluentValidation;

namespace Crm.Api.Features.Auth;

/// <summary>Sign-in for the SPA (a cookie session) and for mobile (tokens) share this body.</summary>
// Not an ICommand: a failed attempt must be saved (it counts towards lockout) even though the request fails.
public sealed record LogInCommand(string Email, string Password) : MediatR.IRequest<User>;

public sealed class LogInValidator : AbstractValidator<LogInCommand>
{
    public LogInValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

public sealed class LogInHandler(Credentials credentials) : MediatR.IRequestHandler<LogInCommand, User>
{
    public Task<User> Handle(LogInCommand request, CancellationToken cancellationToken) =>
        credentials.CheckAsync(request.Email.Trim(), request.Password);
}
