using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Users;

public sealed record UserDto : IVersioned
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
    public Guid? TeamId { get; init; }
    public bool IsDisabled { get; init; }
    public DateTimeOffset? LockoutEnd { get; init; }
    public DateTime CreatedAt { get; init; }
    public long Version { get; init; }
}

public sealed class UserMappings : Profile
{
    public UserMappings() => CreateMap<User, UserDto>().ForMember(d => d.Email, o => o.MapFrom(u => u.Email ?? ""));
}

public sealed record ListUsersQuery(Role? Role, Guid? TeamId, int? Limit, string? Cursor) : IRequest<Page<UserDto>>;

public sealed class ListUsersHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<ListUsersQuery, Page<UserDto>>
{
    public async Task<Page<UserDto>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (request.Role is { } role) users = users.Where(u => u.Role == role);
        if (request.TeamId is { } team) users = users.Where(u => u.TeamId == team);
        return await new Keyset<User>(users, u => u.Id).PageAsync(u => u.DisplayName, false, request.Cursor, Paging.Limit(request.Limit),
            q => q.ProjectTo<UserDto>(mapper.ConfigurationProvider), d => (d.DisplayName, d.Id), cancellationToken);
    }
}

public sealed record GetUserQuery(Guid Id) : IRequest<UserDto>;

public sealed class GetUserHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<GetUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetUserQuery request, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == request.Id).ProjectTo<UserDto>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("The user");
}

public sealed record CreateUserCommand(string Email, string DisplayName, Role Role, string Password, Guid? TeamId) : ICommand<Guid>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }
}

public sealed class CreateUserHandler(CrmDbContext db, UserManager<User> users, TimeProvider clock) : IRequestHandler<CreateUserCommand, Guid>
{
    public async Task<Guid> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("teamId", "No such team.")]);
        if (await users.FindByEmailAsync(request.Email.Trim()) is not null)
            throw new ConflictException($"A user with the e-mail '{request.Email.Trim()}' already exists.");
        var user = new User
        {
            Email = request.Email.Trim(), UserName = request.Email.Trim(), DisplayName = request.DisplayName.Trim(),
            Role = request.Role, TeamId = request.TeamId, CreatedAt = clock.GetUtcNow().UtcDateTime, EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
            throw new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
                e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description)));
        return user.Id;
    }
}

/// <summary>Disabling signs the user out everywhere: their mobile sessions are revoked and every request re-checks the flag.</summary>
public sealed record DisableUserCommand(Guid Id) : ICommand<Guid>;

public sealed class DisableUserHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<DisableUserCommand, Guid>
{
    public async Task<Guid> Handle(DisableUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The user");
        if (user.Id == db.Caller.UserId) throw new ConflictException("You cannot disable your own account.");
        user.IsDisabled = true;
        user.SecurityStamp = Guid.NewGuid().ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshSessions.Where(s => s.UserId == user.Id && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        return user.Id;
    }
}

public sealed record EnableUserCommand(Guid Id) : ICommand<Guid>;

public sealed class EnableUserHandler(CrmDbContext db) : IRequestHandler<EnableUserCommand, Guid>
{
    public async Task<Guid> Handle(EnableUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The user");
        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return user.Id;
    }
}

public sealed record ChangeUserRoleRequest(Role Role);

public sealed record ChangeUserRoleCommand(Guid Id, Role Role) : ICommand<Guid>;

public sealed class ChangeUserRoleHandler(CrmDbContext db) : IRequestHandler<ChangeUserRoleCommand, Guid>
{
    public async Task<Guid> Handle(ChangeUserRoleCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The user");
        if (user.Id == db.Caller.UserId && request.Role != Role.Admin) throw new ConflictException("You cannot take away your own admin role.");
        user.Role = request.Role;
        return user.Id;
    }
}

public sealed record AssignableUserDto(Guid Id, string DisplayName, Role Role, Guid? TeamId);

/// <summary>Colleagues the caller may hand customers, visits and tasks to: active reps and managers within the caller's scope.</summary>
public sealed record ListAssignableUsersQuery : IRequest<Page<AssignableUserDto>>;

public sealed class ListAssignableUsersHandler(CrmDbContext db) : IRequestHandler<ListAssignableUsersQuery, Page<AssignableUserDto>>
{
    public async Task<Page<AssignableUserDto>> Handle(ListAssignableUsersQuery request, CancellationToken cancellationToken)
    {
        var caller = db.Caller;
        var users = db.Users.AsNoTracking().Where(u => !u.IsDisabled && (u.Role == Role.Rep || u.Role == Role.Manager || u.Role == Role.Admin));
        if (!caller.SeesAllCustomers) users = users.Where(u => caller.VisibleOwnerIds.Contains(u.Id));
        var rows = await users.OrderBy(u => u.DisplayName).Take(1000).Select(u => new AssignableUserDto(u.Id, u.DisplayName, u.Role, u.TeamId)).ToListAsync(cancellationToken);
        return new Page<AssignableUserDto>(rows, null);
    }
}
