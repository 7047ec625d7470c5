using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Visits;

public enum ComplianceStatus { Met, AtRisk, Missed }

public sealed record ComplianceRowDto
{
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string CustomerCode { get; init; } = "";
    public CustomerLevel Level { get; init; }
    public Guid OwnerId { get; init; }
    public string OwnerName { get; init; } = "";
    public int RequiredOnSite { get; init; }
    public int RequiredTotal { get; init; }
    public int DoneOnSite { get; init; }
    public int DoneTotal { get; init; }
    /// <summary>Visits still needed this week: the larger of the on-site and the total shortfall.</summary>
    public int Shortfall { get; init; }
    public int OnSiteShortfall { get; init; }
    public ComplianceStatus Status { get; init; }
    public DateTime? LastVisitAt { get; init; }
}

public sealed record ComplianceSummaryDto(int Customers, int Met, int AtRisk, int Missed, double CompliancePercent);

public sealed record VisitComplianceDto(string Week, DateTime FromUtc, DateTime ToUtc, ComplianceSummaryDto Summary, IReadOnlyList<ComplianceRowDto> Items);

/// <summary>
/// Key-account visit compliance for an ISO week (default: this week, in the organisation's time zone): every
/// customer whose level has a minimum in the visit policy, what was required, what was done (completed visits
/// approved or waiting for review; cancelled and no-show never count), the shortfall and a status. Met when
/// both minimums are reached; otherwise at risk while the week runs and missed once it is over.
/// </summary>
public sealed record VisitComplianceQuery(string? Week, Guid? OwnerId, Guid? TeamId) : IRequest<VisitComplianceDto>;

public sealed class VisitComplianceValidator : AbstractValidator<VisitComplianceQuery>
{
    public VisitComplianceValidator() =>
        RuleFor(x => x.Week).MaximumLength(8).Must(w => w is null || OrganisationCalendar.TryParseWeek(w, out _)).WithMessage("week is an ISO week such as 2026-W47.");
}

public sealed class VisitComplianceHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<VisitComplianceQuery, VisitComplianceDto>
{
    public async Task<VisitComplianceDto> Handle(VisitComplianceQuery request, CancellationToken cancellationToken)
    {
        var week = request.Week is null ? calendar.CurrentWeek : ParseWeek(request.Week);
        var rows = await VisitComplianceReader.ReadAsync(db, calendar, week, request.OwnerId, request.TeamId, cancellationToken);
        var (from, to) = calendar.UtcRange(week);
        return new VisitComplianceDto(week.ToString(), from, to, VisitComplianceReader.Summarise(rows), rows);
    }

    private static IsoWeek ParseWeek(string text) => OrganisationCalendar.TryParseWeek(text, out var week)
        ? week
        : throw new ValidationException([new ValidationFailure("week", "week is an ISO week such as 2026-W47.")]);
}

internal static class VisitComplianceReader
{
    /// <summary>
    /// Three reads however large the scope: the key accounts from (OwnerId, Level) with their last visit kept on write
    /// (CustomerStats.LastVisitAt), the week's counting visits grouped by customer from one range of the
    /// (ActualStart, ...) index, and, for a past week only, the last visit before its end for the customers visited since.
    /// </summary>
    public static async Task<List<ComplianceRowDto>> ReadAsync(CrmDbContext db, OrganisationCalendar calendar, IsoWeek week, Guid? ownerId, Guid? teamId, CancellationToken ct,
        Guid? customerId = null)
    {
        var policies = await db.VisitPolicies.AsNoTracking().ToDictionaryAsync(p => p.Level, ct);
        var levels = policies.Values.Where(p => p.HasMinimum).Select(p => p.Level).ToList();
        var (from, to) = calendar.UtcRange(week);
        var customers = db.Customers.AsNoTracking().Where(c => c.ArchivedAt == null && levels.Contains(c.Level));
        if (ownerId is { } owner) customers = customers.Where(c => c.OwnerId == owner);
        if (teamId is { } team) customers = customers.Where(c => c.Owner!.TeamId == team);
        if (customerId is { } one) customers = customers.Where(c => c.Id == one);
        // Not IgnoreQueryFilters: in EF Core it would switch the filters off for the whole query, customers included.
        var done = db.Visits
            .Where(v => v.Status == VisitStatus.Completed && (v.ReviewStatus == ReviewStatus.PendingReview || v.ReviewStatus == ReviewStatus.Approved));

        var accounts = await customers
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Name, c.Code, c.Level, c.OwnerId, OwnerName = c.Owner!.DisplayName,
                Last = db.CustomerStats.Where(s => s.CustomerId == c.Id).Select(s => s.LastVisitAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var thisWeek = await done.Where(v => v.ActualStart >= from && v.ActualStart < to && customers.Any(c => c.Id == v.CustomerId))
            .GroupBy(v => v.CustomerId)
            .Select(g => new { g.Key, OnSite = g.Count(v => v.Form == VisitForm.OnSite), Total = g.Count() })
            .ToDictionaryAsync(x => x.Key, ct);
        // The kept last visit is the latest ever; for a past week the row shows the latest before the week ended.
        var laterIds = accounts.Where(a => a.Last >= to).Select(a => a.Id).ToList();
        var lastBefore = laterIds.Count == 0 ? [] : await done.Where(v => laterIds.Contains(v.CustomerId) && v.ActualStart < to)
            .GroupBy(v => v.CustomerId).Select(g => new { g.Key, Last = g.Max(v => v.ActualStart) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var counts = accounts.Select(a => new
        {
            a.Id, a.Name, a.Code, a.Level, a.OwnerId, a.OwnerName,
            OnSite = thisWeek.GetValueOrDefault(a.Id)?.OnSite ?? 0,
            Total = thisWeek.GetValueOrDefault(a.Id)?.Total ?? 0,
            Last = a.Last >= to ? lastBefore.GetValueOrDefault(a.Id) : a.Last,
        });

        var weekOver = calendar.LocalNow >= week.Monday.AddDays(7).ToDateTime(TimeOnly.MinValue);
        return counts.Select(c =>
        {
            var policy = policies[c.Level];
            var onSiteShort = Math.Max(0, policy.MinOnSitePerWeek - c.OnSite);
            var shortfall = Math.Max(onSiteShort, Math.Max(0, policy.MinTotalPerWeek - c.Total));
            return new ComplianceRowDto
            {
                CustomerId = c.Id, CustomerName = c.Name, CustomerCode = c.Code, Level = c.Level, OwnerId = c.OwnerId, OwnerName = c.OwnerName,
                RequiredOnSite = policy.MinOnSitePerWeek, RequiredTotal = policy.MinTotalPerWeek, DoneOnSite = c.OnSite, DoneTotal = c.Total,
                Shortfall = shortfall, OnSiteShortfall = onSiteShort,
                Status = shortfall == 0 ? ComplianceStatus.Met : weekOver ? ComplianceStatus.Missed : ComplianceStatus.AtRisk,
                LastVisitAt = c.Last,
            };
        }).ToList();
    }

    /// <summary>
    /// The summary alone, as <see cref="Summarise"/> would give it for <see cref="ReadAsync"/>'s rows, for the dashboard:
    /// the key accounts counted per level on the (OwnerId, Level, ArchivedAt, ...) index and the week's counting visits
    /// of those visited. Neither names nor owners nor last visits are read, which were most of the report's cost at a
    /// team's 7,500 key accounts.
    /// </summary>
    public static async Task<ComplianceSummaryDto> SummaryAsync(CrmDbContext db, OrganisationCalendar calendar, IsoWeek week, CancellationToken ct)
    {
        var policies = await db.VisitPolicies.AsNoTracking().ToDictionaryAsync(p => p.Level, ct);
        var levels = policies.Values.Where(p => p.HasMinimum).Select(p => p.Level).ToList();
        var (weekStart, weekEnd) = calendar.UtcRange(week);
        var customers = db.Customers.AsNoTracking().Where(c => c.ArchivedAt == null && levels.Contains(c.Level));
        var accounts = await customers.CountAsync(ct);
        var visited = await (from v in db.Visits
                             where v.Status == VisitStatus.Completed && (v.ReviewStatus == ReviewStatus.PendingReview || v.ReviewStatus == ReviewStatus.Approved)
                                 && v.ActualStart >= weekStart && v.ActualStart < weekEnd
                             join c in customers on v.CustomerId equals c.Id
                             group v.Form by new { c.Id, c.Level } into g
                             select new { g.Key.Level, OnSite = g.Count(f => f == VisitForm.OnSite), Total = g.Count() })
            .ToListAsync(ct);
        // Every level counted has a minimum, so an account without a visit this week is never met.
        var met = visited.Count(v => v.OnSite >= policies[v.Level].MinOnSitePerWeek && v.Total >= policies[v.Level].MinTotalPerWeek);
        var weekOver = calendar.LocalNow >= week.Monday.AddDays(7).ToDateTime(TimeOnly.MinValue);
        var notMet = accounts - met;
        return new ComplianceSummaryDto(accounts, met, weekOver ? 0 : notMet, weekOver ? notMet : 0, accounts == 0 ? 100 : Math.Round(100.0 * met / accounts, 1));
    }

    public static ComplianceSummaryDto Summarise(IReadOnlyCollection<ComplianceRowDto> rows)
    {
        var met = rows.Count(r => r.Status == ComplianceStatus.Met);
        return new ComplianceSummaryDto(rows.Count, met, rows.Count(r => r.Status == ComplianceStatus.AtRisk), rows.Count(r => r.Status == ComplianceStatus.Missed),
            rows.Count == 0 ? 100 : Math.Round(100.0 * met / rows.Count, 1));
    }
}

public sealed record PlannedVisitDto(Guid VisitId, DateTime PlannedStart, VisitForm Form, VisitStatus Status);

public sealed record DueVisitDto(ComplianceRowDto Compliance, IReadOnlyList<PlannedVisitDto> Planned, bool CoveredByPlan);

/// <summary>"My week": the caller's key accounts that still need visits this week, and the planned visits that would cover them.</summary>
public sealed record DueVisitsQuery : IRequest<Page<DueVisitDto>>;

public sealed class DueVisitsHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<DueVisitsQuery, Page<DueVisitDto>>
{
    public async Task<Page<DueVisitDto>> Handle(DueVisitsQuery request, CancellationToken cancellationToken)
    {
        var me = db.Caller.UserId ?? throw new ForbiddenException("My week is for people who visit customers.");
        var week = calendar.CurrentWeek;
        var due = (await VisitComplianceReader.ReadAsync(db, calendar, week, me, null, cancellationToken)).Where(r => r.Shortfall > 0).ToList();
        var ids = due.Select(r => r.CustomerId).ToList();
        var (from, to) = calendar.UtcRange(week);
        var planned = await db.Visits.AsNoTracking()
            .Where(v => ids.Contains(v.CustomerId) && (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Confirmed) && v.PlannedStart >= from && v.PlannedStart < to)
            .OrderBy(v => v.PlannedStart)
            .Select(v => new { v.CustomerId, Dto = new PlannedVisitDto(v.Id, v.PlannedStart!.Value, v.Form, v.Status) })
            .ToListAsync(cancellationToken);
        return new Page<DueVisitDto>(due.Select(r =>
        {
            var mine = planned.Where(p => p.CustomerId == r.CustomerId).Select(p => p.Dto).ToList();
            var covered = mine.Count >= r.Shortfall && mine.Count(p => p.Form == VisitForm.OnSite) >= r.OnSiteShortfall;
            return new DueVisitDto(r, mine, covered);
        }).ToList(), null);
    }
}
