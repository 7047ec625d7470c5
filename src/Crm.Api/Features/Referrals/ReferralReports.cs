using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Referrals;

public sealed record ReferrerStatsDto(Guid ReferrerId, string ReferrerName, int Referrals, int Won, double ConversionRate, decimal SalesFromReferred, long RewardPoints);

public sealed record FunnelMonthDto(string Month, int Referred, int Won, int Lost, double ConversionRate);

public sealed record ReferralStatsDto(DateOnly From, DateOnly To, IReadOnlyList<FunnelMonthDto> Months, IReadOnlyList<ReferrerStatsDto> TopReferrers);

/// <summary>Funnel conversion by month and the referrer leaderboard for referrals made in the period (default: the last 12 months).</summary>
public sealed record ReferralStatsQuery(DateOnly? From, DateOnly? To) : IRequest<ReferralStatsDto>;

public sealed class ReferralStatsValidator : AbstractValidator<ReferralStatsQuery>
{
    public ReferralStatsValidator() => RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
}

public sealed class ReferralStatsHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<ReferralStatsQuery, ReferralStatsDto>
{
    public async Task<ReferralStatsDto> Handle(ReferralStatsQuery request, CancellationToken ct)
    {
        var to = request.To ?? calendar.Today;
        var from = request.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        var referrals = db.Referrals.AsNoTracking().Where(r => r.ReferredOn >= from && r.ReferredOn <= to);
        var months = await referrals.GroupBy(r => new { r.ReferredOn.Year, r.ReferredOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Referred = g.Count(), Won = g.Count(r => r.Status == ReferralStatus.Won), Lost = g.Count(r => r.Status == ReferralStatus.Lost) })
            .ToListAsync(ct);
        var referrers = await referrals.GroupBy(r => r.ReferrerId)
            .Select(g => new { ReferrerId = g.Key, Referrals = g.Count(), Won = g.Count(r => r.Status == ReferralStatus.Won) })
            .OrderByDescending(x => x.Won).ThenByDescending(x => x.Referrals).Take(50).ToListAsync(ct);
        var ids = referrers.Select(r => r.ReferrerId).ToList();
        var names = await db.Customers.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var sales = await db.Purchases.AsNoTracking().Where(p => p.Customer!.ReferredById != null && ids.Contains(p.Customer.ReferredById!.Value))
            .GroupBy(p => p.Customer!.ReferredById!.Value).Select(g => new { ReferrerId = g.Key, Amount = g.Sum(p => p.Amount) }).ToListAsync(ct);
        var rewards = await db.PointsEntries.AsNoTracking().Where(e => e.Source == PointsSource.Referral && ids.Contains(e.CustomerId))
            .GroupBy(e => e.CustomerId).Select(g => new { ReferrerId = g.Key, Points = g.Sum(e => e.Amount) }).ToListAsync(ct);

        return new ReferralStatsDto(from, to,
            months.OrderBy(m => m.Year).ThenBy(m => m.Month)
                .Select(m => new FunnelMonthDto($"{m.Year:0000}-{m.Month:00}", m.Referred, m.Won, m.Lost, m.Referred == 0 ? 0 : Math.Round(100.0 * m.Won / m.Referred, 1))).ToList(),
            referrers.Select(r => new ReferrerStatsDto(r.ReferrerId, names.GetValueOrDefault(r.ReferrerId, ""), r.Referrals, r.Won,
                r.Referrals == 0 ? 0 : Math.Round(100.0 * r.Won / r.Referrals, 1),
                sales.FirstOrDefault(s => s.ReferrerId == r.ReferrerId)?.Amount ?? 0,
                rewards.FirstOrDefault(s => s.ReferrerId == r.ReferrerId)?.Points ?? 0)).ToList());
    }
}

public sealed record ReferralTreeNodeDto(Guid CustomerId, string Name, Guid? ReferredById, int Depth, ReferralStatus? Status);

/// <summary>Who this customer referred, and whom they referred in turn (up to 6 levels), breadth first.</summary>
public sealed record ReferralTreeQuery(Guid CustomerId) : IRequest<Page<ReferralTreeNodeDto>>;

public sealed class ReferralTreeHandler(CrmDbContext db) : IRequestHandler<ReferralTreeQuery, Page<ReferralTreeNodeDto>>
{
    private const int MaxDepth = 6;
    private const int MaxNodes = 1000;

    public async Task<Page<ReferralTreeNodeDto>> Handle(ReferralTreeQuery request, CancellationToken ct)
    {
        var root = await db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId).Select(c => new { c.Id, c.Name, c.ReferredById }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The customer");
        var nodes = new List<ReferralTreeNodeDto> { new(root.Id, root.Name, root.ReferredById, 0, null) };
        var level = new List<Guid> { root.Id };
        for (var depth = 1; depth <= MaxDepth && level.Count > 0 && nodes.Count < MaxNodes; depth++)
        {
            var parents = level;
            var children = await db.Referrals.IgnoreQueryFilters().AsNoTracking().Where(r => parents.Contains(r.ReferrerId))
                .Select(r => new { r.ReferredId, r.Referred!.Name, r.ReferrerId, r.Status }).Take(MaxNodes).ToListAsync(ct);
            nodes.AddRange(children.Select(c => new ReferralTreeNodeDto(c.ReferredId, c.Name, c.ReferrerId, depth, c.Status)));
            level = children.Select(c => c.ReferredId).ToList();
        }
        return new Page<ReferralTreeNodeDto>(nodes, null);
    }
}
