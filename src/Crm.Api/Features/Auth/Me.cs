using Crm.Api.Common;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Auth;

/// <summary>The signed-in user as the SPA needs it. <c>antiforgeryToken</c> goes into the X-XSRF-TOKEN header.</summary>
public sealed record MeDto(Guid Id, string Email, string DisplayName, string Role, Guid? TeamId, string? AntiforgeryToken);

public sealed record GetMeQuery : IRequest<MeDto>;

public sealed class GetMeHandler(CrmDbContext db) : IRequestHandler<GetMeQuery, MeDto>
{
    public async Task<MeDto> Handle(GetMeQuery request, CancellationToken cancellationToken)
    {
        var id = db.Caller.UserId ?? throw new NotFoundException("A user for these credentials");
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new MeDto(u.Id, u.Email!, u.DisplayName, u.Role.ToString(), u.TeamId, null))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The user");
    }
}
