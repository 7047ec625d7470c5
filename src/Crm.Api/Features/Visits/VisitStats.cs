using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Visits;

public sealed record RepVisitStatsDto
{
    public Guid? VisitorId { get; init; }
    public string Name { get; init; } = "";
    public int VisitsMade { get; init; }
    public int OnSite { get; init; }
    public int Phone { get; init; }
    public double VisitsPerWorkingDay { get; init; }
    /// <summary>Planned visits in the period that reached a final state (completed, cancelled or no-show).</summary>
    public int PlannedFinished { get; init; }
    public int PlannedCompleted { get; init; }
    public double CompletionRate { get; init; }
    /// <summary>Cancelled by the customer plus no-shows.</summary>
    public int BrokenAppointments { get; init; }
    public double BrokenAppointmentRate { get; init; }
    public int RecordsApproved { get; init; }
    public int ApprovedFirstTime { get; init; }
    public double FirstTimeApprovalRate { get; init; }
    /// <summary>Key-account weeks in the period (each key account × each started ISO week) and how many met the policy.</summary>
    public int KeyAccountWeeks { get; init; }
    public int KeyAccountWeeksMet { get; init; }
    public double CompliancePercent { get; init; }
}

public sealed record VisitStatsDto(DateOnly From, DateOnly To, int WorkingDays, IReadOnlyList<RepVisitStatsDto> Reps, RepVisitStatsDto Total);

/// <summary>
/// How reps visit over a period (default: this month): the manuals measure visits per rep per month and found ~9
/// far too few. Per rep and for the team as a whole.
/// </summary>
public sealed record VisitStatsQuery(DateOnly? From, DateOnly? To, Guid? TeamId, Guid? VisitorId) : IRequest<VisitStatsDto>;

public sealed class VisitStatsValidator : AbstractValidator<VisitStatsQuery>
{
    public VisitStatsValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must not be before from.");
        RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber <= 366)
            .WithMessage("A period is at most a year.").OverridePropertyName("to");
    }
}

public sealed class VisitStatsHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<VisitStatsQuery, VisitStatsDto>
{
    public async Task<VisitStatsDto> Handle(VisitStatsQuery request, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var from = request.From ?? new DateOnly(today.Year, today.Month, 1);
        var to = request.To ?? from.AddMonths(1).AddDays(-1);
        var (fromUtc, toUtc) = (calendar.StartOfDayUtc(from), calendar.StartOfDayUtc(to.AddDays(1)));

        var caller = db.Caller;
        var people = db.Users.AsNoTracking().Where(u => u.Role == Role.Rep || u.Role == Role.Manager);
        if (!caller.SeesAllCustomers) people = people.Where(u => caller.VisibleOwnerIds.Contains(u.Id));
        if (request.TeamId is { } team) people = people.Where(u => u.TeamId == team);
        if (request.VisitorId is { } visitor) people = people.Where(u => u.Id == visitor);
        var reps = await people.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var ids = reps.Select(r => r.Id).ToList();

        var visits = db.Visits.AsNoTracking().Where(v => ids.Contains(v.VisitorId));
        var made = await visits.Where(v => v.Status == VisitStatus.Completed && v.ActualStart >= fromUtc && v.ActualStart < toUtc)
            .GroupBy(v => new { v.VisitorId, v.Form }).Select(g => new { g.Key.VisitorId, g.Key.Form, Count = g.Count() }).ToListAsync(cancellationToken);
        var planned = await visits.Where(v => v.PlannedStart >= fromUtc && v.PlannedStart < toUtc && v.Status != VisitStatus.Planned && v.Status != VisitStatus.Confirmed)
            .GroupBy(v => new { v.VisitorId, v.Status }).Select(g => new { g.Key.VisitorId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var approved = await visits.Where(v => v.ReviewStatus == ReviewStatus.Approved && v.ActualStart >= fromUtc && v.ActualStart < toUtc)
            .GroupBy(v => v.VisitorId).Select(g => new { VisitorId = g.Key, Count = g.Count(), FirstTime = g.Count(v => v.Submissions == 1) }).ToListAsync(cancellationToken);

        // Compliance of each rep's key accounts over the ISO weeks of the period that have started.
        var weekRows = new List<ComplianceRowDto>();
        for (var week = calendar.WeekOf(from); week.Monday <= to && week.Monday <= today; week = calendar.WeekOf(week.Monday.AddDays(7)))
            weekRows.AddRange(await VisitComplianceReader.ReadAsync(db, calendar, week, request.VisitorId, request.TeamId, cancellationToken));

        var workingDays = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        RepVisitStatsDto Stats(Guid? id, string name, Func<Guid, bool> includes)
        {
            var onSite = made.Where(m => includes(m.VisitorId) && m.Form == VisitForm.OnSite).Sum(m => m.Count);
            var phone = made.Where(m => includes(m.VisitorId) && m.Form == VisitForm.Phone).Sum(m => m.Count);
            var finished = planned.Where(p => includes(p.VisitorId)).Sum(p => p.Count);
            var completed = planned.Where(p => includes(p.VisitorId) && p.Status == VisitStatus.Completed).Sum(p => p.Count);
            var broken = planned.Where(p => includes(p.VisitorId) && p.Status is VisitStatus.CancelledByCustomer or VisitStatus.NoShow).Sum(p => p.Count);
            var approvals = approved.Where(a => includes(a.VisitorId)).Sum(a => a.Count);
            var firstTime = approved.Where(a => includes(a.VisitorId)).Sum(a => a.FirstTime);
            var keyWeeks = weekRows.Where(w => includes(w.OwnerId)).ToList();
            var keyWeeksMet = keyWeeks.Count(w => w.Status == ComplianceStatus.Met);
            return new RepVisitStatsDto
            {
                VisitorId = id, Name = name, VisitsMade = onSite + phone, OnSite = onSite, Phone = phone,
                VisitsPerWorkingDay = workingDays == 0 ? 0 : Math.Round((double)(onSite + phone) / workingDays, 2),
                PlannedFinished = finished, PlannedCompleted = completed, CompletionRate = Rate(completed, finished),
                BrokenAppointments = broken, BrokenAppointmentRate = Rate(broken, finished),
                RecordsApproved = approvals, ApprovedFirstTime = firstTime, FirstTimeApprovalRate = Rate(firstTime, approvals),
                KeyAccountWeeks = keyWeeks.Count, KeyAccountWeeksMet = keyWeeksMet, CompliancePercent = keyWeeks.Count == 0 ? 100 : Rate(keyWeeksMet, keyWeeks.Count),
            };
        }

        var idSet = ids.ToHashSet();
        var rows = reps.Select(r => Stats(r.Id, r.DisplayName, id => id == r.Id)).ToList();
        return new VisitStatsDto(from, to, workingDays, rows, Stats(null, "Total", idSet.Contains));
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
