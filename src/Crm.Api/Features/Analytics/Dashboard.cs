using Crm.Api.Common;
using Crm.Api.Features.Complaints;
using Crm.Api.Domain;
using Crm.Api.Features.Tasks;
using Crm.Api.Features.Visits;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

public sealed record DashboardTargetDto(string Month, decimal Target, decimal Actual, double? AttainmentPercent, IReadOnlyList<MonthTotalDto> History);

public sealed record DashboardComplaintsDto(int Open, int OnTrack, int AtRisk, int Breached);

public sealed record DashboardReferralsDto(int New, int Contacted, int Qualified, int WonThisMonth, int ThanksDue);

/// <summary>What the home page shows, in one call, for the caller's scope.</summary>
public sealed record DashboardDto(
    DateOnly Today,
    DashboardTargetDto Targets,
    ComplianceSummaryDto VisitCompliance,
    DashboardComplaintsDto Complaints,
    DashboardReferralsDto Referrals,
    IReadOnlyList<CountDto> TierMix,
    IReadOnlyList<DistributionRowDto> LoyaltyStages,
    TaskSummaryDto Tasks,
    IReadOnlyList<ReminderDto> RemindersToday);

/// <summary>
/// The home dashboard for the caller's role and scope: this month's target against actual sales with recent months,
/// this week's key-account visit compliance, open complaints by SLA state, the referral funnel, the membership-tier
/// mix, the loyalty-stage mix of the active portfolio, my tasks, and today's reminders.
/// </summary>
public sealed record DashboardQuery : IRequest<DashboardDto>;

public sealed class DashboardHandler(CrmDbContext db, IMediator mediator, OrganisationCalendar calendar, TimeProvider clock) : IRequestHandler<DashboardQuery, DashboardDto>
{
    private const int RemindersShown = 20;

    public async Task<DashboardDto> Handle(DashboardQuery request, CancellationToken ct)
    {
        var today = calendar.Today;
        var now = clock.GetUtcNow().UtcDateTime;
        // Summary-only reads: the home page shows the team's line of the target board and the compliance counts, not
        // the per-rep split or the 7,500 key-account rows of a team the full reports return.
        var targets = await TargetSummaryReader.ReadAsync(db, calendar, ct);
        var compliance = await VisitComplianceReader.SummaryAsync(db, calendar, calendar.CurrentWeek, ct);

        var unresolved = Complaint.UnresolvedStatuses;
        var open = db.Complaints.AsNoTracking().Where(c => unresolved.Contains(c.Status));
        var complaints = await open.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(),
            Breached = g.Count(c => c.ResolutionDueAt <= now),
            AtRisk = g.Count(c => c.AtRiskFrom <= now && c.ResolutionDueAt > now),
        }).FirstOrDefaultAsync(ct);

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var monthStartUtc = calendar.StartOfDayUtc(monthStart);
        var thanksDays = await db.LoyaltyPolicies.AsNoTracking().Select(p => p.ThanksDueDays).SingleAsync(ct);
        var wonBefore = now.AddDays(-thanksDays);
        // One pass over the scope's (ReferredOwnerId, Status, ThankedAt, WonAt) index: the funnel by status, and of the
        // won ones, those won this month and those still owed their thanks.
        var funnel = await db.Referrals.AsNoTracking().GroupBy(r => r.Status).Select(g => new
        {
            g.Key,
            Count = g.Count(),
            WonThisMonth = g.Count(r => r.WonAt >= monthStartUtc),
            ThanksDue = g.Count(r => r.ThankedAt == null && r.WonAt <= wonBefore),
        }).ToListAsync(ct);
        var won = funnel.FirstOrDefault(f => f.Key == ReferralStatus.Won);

        var tiers = await PortfolioTiers.CountAsync(db, ct);
        var stages = await LoyaltyStageMix.CountAsync(db, today.DayNumber, tiers.Values.Sum(), ct);
        var tasks = await mediator.Send(new TaskSummaryQuery(), ct);
        var reminders = await mediator.Send(new RemindersQuery(today, today, First: RemindersShown), ct);

        int Funnel(ReferralStatus s) => funnel.FirstOrDefault(f => f.Key == s)?.Count ?? 0;
        return new DashboardDto(
            today,
            targets,
            compliance,
            new DashboardComplaintsDto(complaints?.Open ?? 0, (complaints?.Open ?? 0) - (complaints?.Breached ?? 0) - (complaints?.AtRisk ?? 0), complaints?.AtRisk ?? 0, complaints?.Breached ?? 0),
            new DashboardReferralsDto(Funnel(ReferralStatus.New), Funnel(ReferralStatus.Contacted), Funnel(ReferralStatus.Qualified), won?.WonThisMonth ?? 0, won?.ThanksDue ?? 0),
            tiers.Where(t => t.Key != "").OrderByDescending(t => t.Value).Select(t => new CountDto(t.Key, t.Value)).ToList(),
            stages,
            tasks,
            reminders.Items.Take(RemindersShown).ToList());
    }
}
