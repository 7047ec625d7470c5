using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Teams;

public sealed record TeamMemberDto(Guid Id, string DisplayName, Role Role);

public sealed record TeamDto : IVersioned
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid? ManagerId { get; init; }
    public string? ManagerName { get; init; }
    public IReadOnlyList<TeamMemberDto> Members { get; init; } = [];
    public long Version { get; init; }
}

public sealed record ListTeamsQuery : IRequest<Page<TeamDto>>;

public sealed class ListTeamsHandler(CrmDbContext db) : IRequestHandler<ListTeamsQuery, Page<TeamDto>>
{
    public async Task<Page<TeamDto>> Handle(ListTeamsQuery request, CancellationToken cancellationToken)
    {
        // Teams are few (departments); one page holds them all.
        var ids = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Id).Take(Paging.MaxLimit).ToListAsync(cancellationToken);
        var teams = new List<TeamDto>();
        foreach (var id in ids) teams.Add(await TeamReader.ReadAsync(db, id, cancellationToken));
        return new Page<TeamDto>(teams, null);
    }
}

public sealed record GetTeamQuery(Guid Id) : IRequest<TeamDto>;

public sealed class GetTeamHandler(CrmDbContext db) : IRequestHandler<GetTeamQuery, TeamDto>
{
    public Task<TeamDto> Handle(GetTeamQuery request, CancellationToken cancellationToken) => TeamReader.ReadAsync(db, request.Id, cancellationToken);
}

internal static class TeamReader
{
    public static async Task<TeamDto> ReadAsync(CrmDbContext db, Guid id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TeamDto
            {
                Id = t.Id, Name = t.Name, ManagerId = t.ManagerId, Version = t.Version,
                ManagerName = db.Users.Where(u => u.Id == t.ManagerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The team");
        var members = await db.Users.AsNoTracking().Where(u => u.TeamId == id).OrderBy(u => u.DisplayName)
            .Select(u => new TeamMemberDto(u.Id, u.DisplayName, u.Role)).ToListAsync(ct);
        return team with { Members = members };
    }
}

public sealed record CreateTeamCommand(string Name, Guid? ManagerId) : ICommand<Guid>;

public sealed class CreateTeamValidator : AbstractValidator<CreateTeamCommand>
{
    public CreateTeamValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
}

public sealed class CreateTeamHandler(CrmDbContext db) : IRequestHandler<CreateTeamCommand, Guid>
{
    public async Task<Guid> Handle(CreateTeamCommand request, CancellationToken cancellationToken)
    {
        if (await db.Teams.AnyAsync(t => t.Name == request.Name.Trim(), cancellationToken))
            throw new ConflictException($"A team named '{request.Name.Trim()}' already exists.");
        var team = new Team { Name = request.Name.Trim() };
        if (request.ManagerId is { } managerId)
        {
            var manager = await db.Users.FirstOrDefaultAsync(u => u.Id == managerId, cancellationToken);
            if (manager is null || manager.Role is not (Role.Manager or Role.Admin))
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("managerId", "The team's manager must be a user with the Manager role.")]);
            team.ManagerId = managerId;
            manager.TeamId = team.Id;
        }
        db.Teams.Add(team);
        return team.Id;
    }
}

public sealed record AddTeamMemberRequest(Guid UserId);

public sealed record AddTeamMemberCommand(Guid TeamId, Guid UserId) : ICommand<Guid>;

public sealed class AddTeamMemberHandler(CrmDbContext db) : IRequestHandler<AddTeamMemberCommand, Guid>
{
    public async Task<Guid> Handle(AddTeamMemberCommand request, CancellationToken cancellationToken)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == request.TeamId, cancellationToken) ?? throw new NotFoundException("The team");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("userId", "No such user.")]);
        user.TeamId = team.Id;
        // The team's version is the ETag of its membership, so a membership change moves it on.
        db.Entry(team).State = EntityState.Modified;
        return team.Id;
    }
}

public sealed record RemoveTeamMemberCommand(Guid TeamId, Guid UserId, long ExpectedVersion) : ICommand<Guid>;

public sealed class RemoveTeamMemberHandler(CrmDbContext db) : IRequestHandler<RemoveTeamMemberCommand, Guid>
{
    public async Task<Guid> Handle(RemoveTeamMemberCommand request, CancellationToken cancellationToken)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == request.TeamId, cancellationToken) ?? throw new NotFoundException("The team");
        Preconditions.EnsureVersion(team.Version, request.ExpectedVersion);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId && u.TeamId == team.Id, cancellationToken)
            ?? throw new NotFoundException("The team member");
        if (team.ManagerId == user.Id) throw new ConflictException("The team's manager cannot leave the team; appoint another manager first.");
        user.TeamId = null;
        db.Entry(team).State = EntityState.Modified;
        return team.Id;
    }
}
