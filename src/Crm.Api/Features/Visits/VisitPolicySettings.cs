using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Visits;

public sealed record VisitPolicyLevelDto(CustomerLevel Level, int MinOnSitePerWeek, int MinTotalPerWeek);

/// <summary>拜访频率 by customer level. The ETag covers the whole policy.</summary>
public sealed record VisitPolicyDto(IReadOnlyList<VisitPolicyLevelDto> Levels, long Version) : IVersioned;

public sealed record GetVisitPolicyQuery : IRequest<VisitPolicyDto>;

public sealed class GetVisitPolicyHandler(CrmDbContext db) : IRequestHandler<GetVisitPolicyQuery, VisitPolicyDto>
{
    public async Task<VisitPolicyDto> Handle(GetVisitPolicyQuery request, CancellationToken cancellationToken)
    {
        var rows = await db.VisitPolicies.AsNoTracking().OrderBy(p => p.Level).ToListAsync(cancellationToken);
        return new VisitPolicyDto(rows.Select(p => new VisitPolicyLevelDto(p.Level, p.MinOnSitePerWeek, p.MinTotalPerWeek)).ToList(), rows.Sum(p => p.Version));
    }
}

public sealed record UpdateVisitPolicyRequest(IReadOnlyList<VisitPolicyLevelDto> Levels);

public sealed record UpdateVisitPolicyCommand(long ExpectedVersion, UpdateVisitPolicyRequest Policy) : ICommand<Unit>;

public sealed class UpdateVisitPolicyValidator : AbstractValidator<UpdateVisitPolicyCommand>
{
    public UpdateVisitPolicyValidator()
    {
        RuleFor(x => x.Policy.Levels).Cascade(CascadeMode.Stop).NotEmpty().MaxItems(Enum.GetValues<CustomerLevel>().Length).Must(l => l.Select(p => p.Level).Distinct().Count() == l.Count)
            .WithMessage("Each level at most once.").OverridePropertyName("levels");
        RuleForEach(x => x.Policy.Levels).ChildRules(l =>
        {
            l.RuleFor(p => p.MinOnSitePerWeek).InclusiveBetween(0, 14);
            l.RuleFor(p => p.MinTotalPerWeek).InclusiveBetween(0, 21);
            l.RuleFor(p => p.MinTotalPerWeek).GreaterThanOrEqualTo(p => p.MinOnSitePerWeek)
                .WithMessage("The total minimum includes the on-site visits, so it cannot be lower.");
        }).OverridePropertyName("levels");
    }
}

public sealed class UpdateVisitPolicyHandler(CrmDbContext db) : IRequestHandler<UpdateVisitPolicyCommand, Unit>
{
    public async Task<Unit> Handle(UpdateVisitPolicyCommand request, CancellationToken cancellationToken)
    {
        var rows = await db.VisitPolicies.ToListAsync(cancellationToken);
        Preconditions.EnsureVersion(rows.Sum(p => p.Version), request.ExpectedVersion);
        foreach (var level in request.Policy.Levels)
        {
            var row = rows.Single(p => p.Level == level.Level);
            row.MinOnSitePerWeek = level.MinOnSitePerWeek;
            row.MinTotalPerWeek = level.MinTotalPerWeek;
            db.Entry(row).State = EntityState.Modified;
        }
        return Unit.Value;
    }
}
