using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

public sealed record CountDto(string Key, int Count);

public sealed record AssigneeLoadDto(Guid AssigneeId, string Name, int Open, int Breached);

public sealed record ComplaintStatsDto
{
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public int Received { get; init; }
    public IReadOnlyList<CountDto> ByCategory { get; init; } = [];
    public IReadOnlyList<CountDto> BySeverity { get; init; } = [];
    public IReadOnlyList<CountDto> ByChannel { get; init; } = [];
    public IReadOnlyList<CountDto> ByStatus { get; init; } = [];
    public int Resolved { get; init; }
    /// <summary>Share of the complaints resolved in the period that were resolved by their committed time.</summary>
    public double SlaMetPercent { get; init; }
    public double? MeanFirstResponseMinutes { get; init; }
    public int? P90FirstResponseMinutes { get; init; }
    public double? MeanResolutionMinutes { get; init; }
    public int? P90ResolutionMinutes { get; init; }
    public double RecurringPercent { get; init; }
    public double? AverageSatisfaction { get; init; }
    public IReadOnlyList<AssigneeLoadDto> OpenLoad { get; init; } = [];
}

/// <summary>The desk's figures for a period (received in the period; default: this month). Every aggregate runs in SQL.</summary>
public sealed record ComplaintStatsQuery(DateOnly? From, DateOnly? To) : IRequest<ComplaintStatsDto>;

public sealed class ComplaintStatsValidator : AbstractValidator<ComplaintStatsQuery>
{
    public ComplaintStatsValidator() =>
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must not be before from.");
}

public sealed class ComplaintStatsHandler(CrmDbContext db, OrganisationCalendar calendar, TimeProvider clock) : IRequestHandler<ComplaintStatsQuery, ComplaintStatsDto>
{
    public async Task<ComplaintStatsDto> Handle(ComplaintStatsQuery request, CancellationToken ct)
    {
        var (from, to) = ComplaintPeriods.Month(calendar, request.From, request.To);
        var (fromUtc, toUtc) = (calendar.StartOfDayUtc(from), calendar.StartOfDayUtc(to.AddDays(1)));
        var received = db.Complaints.AsNoTracking().Where(c => c.ReceivedAt >= fromUtc && c.ReceivedAt < toUtc);
        var resolved = db.Complaints.AsNoTracking().Where(c => c.ResolvedAt >= fromUtc && c.ResolvedAt < toUtc);

        var total = await received.CountAsync(ct);
        var resolvedCount = await resolved.CountAsync(ct);
        var inTime = await resolved.CountAsync(c => c.ResolvedWithinCommitment == true, ct);
        var responded = received.Where(c => c.FirstResponseMinutes != null);
        var now = clock.GetUtcNow().UtcDateTime;
        var unresolved = Complaint.UnresolvedStatuses;
        var load = await db.Complaints.AsNoTracking().Where(c => unresolved.Contains(c.Status) && c.AssigneeId != null)
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { AssigneeId = g.Key, Open = g.Count(), Breached = g.Count(c => c.ResolutionDueAt <= now) })
            .ToListAsync(ct);
        var assigneeIds = load.Select(l => l.AssigneeId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        return new ComplaintStatsDto
        {
            From = from, To = to, Received = total,
            ByCategory = await CountBy(received, c => c.Category, ct),
            BySeverity = await CountBy(received, c => c.Severity, ct),
            ByChannel = await CountBy(received, c => c.Channel, ct),
            ByStatus = await CountBy(received, c => c.Status, ct),
            Resolved = resolvedCount,
            SlaMetPercent = resolvedCount == 0 ? 100 : Math.Round(100.0 * inTime / resolvedCount, 1),
            MeanFirstResponseMinutes = Round(await responded.AverageAsync(c => (double?)c.FirstResponseMinutes, ct)),
            P90FirstResponseMinutes = await P90(responded.Select(c => c.FirstResponseMinutes!.Value), ct),
            MeanResolutionMinutes = Round(await resolved.AverageAsync(c => (double?)c.ResolutionMinutes, ct)),
            P90ResolutionMinutes = await P90(resolved.Where(c => c.ResolutionMinutes != null).Select(c => c.ResolutionMinutes!.Value), ct),
            RecurringPercent = total == 0 ? 0 : Math.Round(100.0 * await received.CountAsync(c => c.IsRecurring, ct) / total, 1),
            AverageSatisfaction = Round(await db.Complaints.AsNoTracking().Where(c => c.ClosedAt >= fromUtc && c.ClosedAt < toUtc).AverageAsync(c => (double?)c.Satisfaction, ct)),
            OpenLoad = load.Select(l => new AssigneeLoadDto(l.AssigneeId, names.GetValueOrDefault(l.AssigneeId, ""), l.Open, l.Breached)).OrderByDescending(l => l.Open).ToList(),
        };
    }

    private static async Task<IReadOnlyList<CountDto>> CountBy<TKey>(IQueryable<Complaint> source, System.Linq.Expressions.Expression<Func<Complaint, TKey>> key, CancellationToken ct)
    {
        var rows = await source.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => new CountDto(r.Key!.ToString()!, r.Count)).OrderByDescending(c => c.Count).ToList();
    }

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 1);

    /// <summary>The 90th percentile by rank (nearest-rank method), found by an ordered seek in SQL.</summary>
    private static async Task<int?> P90(IQueryable<int> values, CancellationToken ct)
    {
        var count = await values.CountAsync(ct);
        if (count == 0) return null;
        var rank = (int)Math.Ceiling(0.9 * count);
        return await values.OrderBy(v => v).Skip(rank - 1).FirstAsync(ct);
    }
}

public sealed record ComplaintReviewItemDto(Guid Id, string Number, string CustomerName, ComplaintCategory Category, ComplaintSeverity Severity,
    bool? IsFactual, string? RootCause, string? CorrectiveAction, DateTime? ResolvedAt, bool? ResolvedWithinCommitment, int? Satisfaction);

public sealed record ComplaintReviewDto(DateOnly From, DateOnly To, IReadOnlyList<CountDto> ByCategory, IReadOnlyList<ComplaintReviewItemDto> Items);

/// <summary>
/// The weekly or monthly review the manuals ask for: what went wrong (root causes) and what was improved
/// (corrective actions), for the complaints resolved in the period. period=week (default) or month, around date.
/// </summary>
public sealed record ComplaintReviewQuery(string? Period, DateOnly? Date) : IRequest<ComplaintReviewDto>;

public sealed class ComplaintReviewValidator : AbstractValidator<ComplaintReviewQuery>
{
    public ComplaintReviewValidator() => RuleFor(x => x.Period).OneOf("week", "month").WithMessage("period is week or month.");
}

public sealed class ComplaintReviewHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<ComplaintReviewQuery, ComplaintReviewDto>
{
    public async Task<ComplaintReviewDto> Handle(ComplaintReviewQuery request, CancellationToken ct)
    {
        var day = request.Date ?? calendar.Today;
        var (from, to) = request.Period == "month"
            ? (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1))
            : (calendar.WeekOf(day).Monday, calendar.WeekOf(day).Monday.AddDays(6));
        var (fromUtc, toUtc) = (calendar.StartOfDayUtc(from), calendar.StartOfDayUtc(to.AddDays(1)));
        var resolved = db.Complaints.AsNoTracking().Where(c => c.ResolvedAt >= fromUtc && c.ResolvedAt < toUtc);
        var byCategory = await resolved.GroupBy(c => c.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var items = await resolved.OrderBy(c => c.Category).ThenBy(c => c.ResolvedAt).Take(500)
            .Select(c => new ComplaintReviewItemDto(c.Id, c.Number, c.Customer!.Name, c.Category, c.Severity, c.IsFactual, c.RootCause, c.CorrectiveAction,
                c.ResolvedAt, c.ResolvedWithinCommitment, c.Satisfaction))
            .ToListAsync(ct);
        return new ComplaintReviewDto(from, to, byCategory.Select(c => new CountDto(c.Key.ToString(), c.Count)).OrderByDescending(c => c.Count).ToList(), items);
    }
}

internal static class ComplaintPeriods
{
    public static (DateOnly From, DateOnly To) Month(OrganisationCalendar calendar, DateOnly? from, DateOnly? to)
    {
        var today = calendar.Today;
        var start = from ?? new DateOnly(today.Year, today.Month, 1);
        return (start, to ?? start.AddMonths(1).AddDays(-1));
    }
}
