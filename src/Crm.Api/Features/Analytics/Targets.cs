using System.Globalization;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Tasks;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

public sealed record TargetSplitDto(string Period, DateOnly From, DateOnly To, int WorkingDays, decimal Target, decimal Actual, double? AttainmentPercent);

public sealed record RepTargetDto(Guid UserId, string Name, decimal Target, decimal Actual, double? AttainmentPercent, decimal DailyTarget, IReadOnlyList<TargetSplitDto> Weeks);

public sealed record MonthTotalDto(string Month, decimal Actual, double? ChangePercent);

/// <summary>A month's targets and actuals: per rep with the split into ISO weeks by working days, the team, and the team's recent months.</summary>
public sealed record TargetBoardDto(string Month, int WorkingDays, IReadOnlyList<RepTargetDto> Reps, decimal TeamTarget, decimal TeamActual, double? TeamAttainmentPercent,
    IReadOnlyList<TargetSplitDto> TeamWeeks, IReadOnlyList<MonthTotalDto> History);

/// <summary>
/// 销售目标 for a month (default: this month) for the caller's scope or a team: targets split over the working days
/// (Monday–Friday less holidays, plus make-up days), actuals from purchases of each rep's customers, attainment, and
/// the last six months' totals with month-over-month change.
/// </summary>
public sealed record TargetBoardQuery(string? Month, Guid? TeamId) : IRequest<TargetBoardDto>;

public sealed class TargetBoardValidator : AbstractValidator<TargetBoardQuery>
{
    public TargetBoardValidator() => RuleFor(x => x.Month).MaximumLength(7).Must(m => m is null || Boards.TryParseMonth(m, out _)).WithMessage("month is written 2026-11.");
}

public sealed class TargetBoardHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<TargetBoardQuery, TargetBoardDto>
{
    public async Task<TargetBoardDto> Handle(TargetBoardQuery request, CancellationToken ct)
    {
        var today = calendar.Today;
        var first = request.Month is { } m && Boards.TryParseMonth(m, out var parsed) ? parsed : new DateOnly(today.Year, today.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var holidays = await db.Holidays.AsNoTracking().Where(h => h.Date >= first && h.Date <= last).ToDictionaryAsync(h => h.Date, ct);
        var workingDays = Days(first, last).Where(d => Holiday.IsWorking(d, holidays)).ToList();

        var caller = db.Caller;
        var people = db.Users.AsNoTracking().Where(u => u.Role == Role.Rep || u.Role == Role.Manager);
        if (!caller.SeesAllCustomers) people = people.Where(u => caller.VisibleOwnerIds.Contains(u.Id));
        if (request.TeamId is { } team) people = people.Where(u => u.TeamId == team);
        var reps = await people.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var ids = reps.Select(r => r.Id).ToList();

        var targets = await db.SalesTargets.AsNoTracking().Where(t => t.Month == first && t.UserId != null && ids.Contains(t.UserId!.Value))
            .ToDictionaryAsync(t => t.UserId!.Value, t => t.Amount, ct);
        var teamTarget = request.TeamId is { } teamId
            ? await db.SalesTargets.AsNoTracking().Where(t => t.Month == first && t.TeamId == teamId).Select(t => (decimal?)t.Amount).FirstOrDefaultAsync(ct)
            : null;
        // Actual sales by owner and day, summed in SQL.
        var sales = await db.Purchases.AsNoTracking().Where(p => p.PurchasedOn >= first && p.PurchasedOn <= last && ids.Contains(p.Customer!.OwnerId))
            .GroupBy(p => new { p.Customer!.OwnerId, p.PurchasedOn }).Select(g => new { g.Key.OwnerId, g.Key.PurchasedOn, Amount = g.Sum(p => p.Amount) })
            .ToListAsync(ct);

        var weeks = new List<(string Name, DateOnly From, DateOnly To, int Working)>();
        for (var week = calendar.WeekOf(first); week.Monday <= last; week = calendar.WeekOf(week.Monday.AddDays(7)))
        {
            var (from, to) = (week.Monday < first ? first : week.Monday, week.Monday.AddDays(6) > last ? last : week.Monday.AddDays(6));
            weeks.Add((week.ToString(), from, to, workingDays.Count(d => d >= from && d <= to)));
        }

        List<TargetSplitDto> Split(decimal target, Func<Guid, bool> owner) => weeks.Select(w =>
        {
            var weekTarget = workingDays.Count == 0 ? 0 : Math.Round(target * w.Working / workingDays.Count, 2);
            var actual = sales.Where(s => owner(s.OwnerId) && s.PurchasedOn >= w.From && s.PurchasedOn <= w.To).Sum(s => s.Amount);
            return new TargetSplitDto(w.Name, w.From, w.To, w.Working, weekTarget, Math.Round(actual, 2), Attainment(actual, weekTarget));
        }).ToList();

        var rows = reps.Select(r =>
        {
            var target = targets.GetValueOrDefault(r.Id);
            var actual = sales.Where(s => s.OwnerId == r.Id).Sum(s => s.Amount);
            return new RepTargetDto(r.Id, r.DisplayName, target, Math.Round(actual, 2), Attainment(actual, target),
                workingDays.Count == 0 ? 0 : Math.Round(target / workingDays.Count, 2), Split(target, id => id == r.Id));
        }).ToList();

        var totalTarget = teamTarget ?? rows.Sum(r => r.Target);
        var idSet = ids.ToHashSet();
        var totalActual = rows.Sum(r => r.Actual);
        return new TargetBoardDto(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), workingDays.Count, rows, totalTarget, totalActual, Attainment(totalActual, totalTarget),
            Split(totalTarget, idSet.Contains), await HistoryAsync(ids, first, ct));
    }

    private Task<List<MonthTotalDto>> HistoryAsync(List<Guid> ids, DateOnly month, CancellationToken ct) => TargetSummaryReader.HistoryAsync(db, ids, month, ct);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to) => Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);

    internal static double? Attainment(decimal actual, decimal target) => target == 0 ? null : Math.Round((double)(actual / target) * 100, 1);
}

/// <summary>
/// This month's team line of the target board (target, actual, attainment, six months of history) without the per-rep
/// weekly split, for the dashboard: the actual comes from the month rows kept on write, one row per customer and
/// category, where the board reads every purchase of the month by owner and day (3 s of CPU for a team at a million).
/// </summary>
internal static class TargetSummaryReader
{
    public static async Task<DashboardTargetDto> ReadAsync(CrmDbContext db, OrganisationCalendar calendar, CancellationToken ct)
    {
        var today = calendar.Today;
        var first = new DateOnly(today.Year, today.Month, 1);
        var caller = db.Caller;
        var people = db.Users.AsNoTracking().Where(u => u.Role == Role.Rep || u.Role == Role.Manager);
        if (!caller.SeesAllCustomers) people = people.Where(u => caller.VisibleOwnerIds.Contains(u.Id));
        var ids = await people.Select(u => u.Id).ToListAsync(ct);
        var target = await db.SalesTargets.AsNoTracking().Where(t => t.Month == first && t.UserId != null && ids.Contains(t.UserId!.Value)).SumAsync(t => t.Amount, ct);
        // Rounded per rep before adding up, as the board's team line adds its rounded rep rows.
        var byOwner = await OwnerCells(db, ids, [first]).GroupBy(c => c.OwnerId).Select(g => g.Sum(c => c.Amount)).ToListAsync(ct);
        var actual = byOwner.Sum(a => Math.Round(a, 2));
        return new DashboardTargetDto(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), target, actual, TargetBoardHandler.Attainment(actual, target),
            await HistoryAsync(db, ids, first, ct));
    }

    public static async Task<List<MonthTotalDto>> HistoryAsync(CrmDbContext db, List<Guid> ids, DateOnly month, CancellationToken ct)
    {
        var from = month.AddMonths(-5);
        var months = Enumerable.Range(0, 6).Select(from.AddMonths).ToList();
        var totals = await OwnerCells(db, ids, months).GroupBy(c => c.Month).Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(c => c.Amount) })
            .ToListAsync(ct);
        var history = new List<MonthTotalDto>();
        decimal? previous = null;
        for (var m = from; m <= month; m = m.AddMonths(1))
        {
            var amount = Math.Round(totals.FirstOrDefault(t => t.Year == m.Year && t.Month == m.Month)?.Amount ?? 0, 2);
            history.Add(new MonthTotalDto(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), amount,
                previous is null or 0 ? null : Math.Round((double)((amount - previous.Value) / previous.Value) * 100, 1)));
            previous = amount;
        }
        return history;
    }

    /// <summary>
    /// Whole months of sales by owner, from the owner cells of the composition analysis (decision 0015): a few dozen cells
    /// per owner and month (one per month its customers bought before), where the month rows are one per customer and
    /// category (about 36,000 for a team's six months at 1M). The months and owners are named, so each pair is a seek.
    /// </summary>
    private static IQueryable<CompositionCell> OwnerCells(CrmDbContext db, List<Guid> owners, List<DateOnly> months) =>
        db.CompositionCells.AsNoTracking().Where(c => c.Dimension == CompositionDimension.Owner && owners.Contains(c.OwnerId) && months.Contains(c.Month));
}

/// <summary>Sets a month's target for a rep (userId) or a team (teamId): managers for their team, admins for anyone.</summary>
public sealed record SetSalesTargetCommand(string Month, Guid? UserId, Guid? TeamId, decimal Amount) : ICommand<Unit>;

public sealed class SetSalesTargetValidator : AbstractValidator<SetSalesTargetCommand>
{
    public SetSalesTargetValidator()
    {
        RuleFor(x => x.Month).MaximumLength(7).Must(m => Boards.TryParseMonth(m, out _)).WithMessage("month is written 2026-11.");
        RuleFor(x => x).Must(x => (x.UserId is null) != (x.TeamId is null)).WithMessage("Set a target for a rep (userId) or a team (teamId).").OverridePropertyName("userId");
        RuleFor(x => x.Amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m);
    }
}

public sealed class SetSalesTargetHandler(CrmDbContext db) : IRequestHandler<SetSalesTargetCommand, Unit>
{
    public async Task<Unit> Handle(SetSalesTargetCommand request, CancellationToken ct)
    {
        if (!Boards.TryParseMonth(request.Month, out var month))
            throw new ValidationException([new ValidationFailure("month", "month is written 2026-11.")]);
        var caller = db.Caller;
        if (request.UserId is { } userId)
        {
            var known = await db.Users.AnyAsync(u => u.Id == userId && (u.Role == Role.Rep || u.Role == Role.Manager), ct);
            if (!known || !(caller.Role == Role.Admin || (caller.Role == Role.Manager && caller.VisibleOwnerIds.Contains(userId))))
                throw new ValidationException([new ValidationFailure("userId", "Not a rep in a team you manage.")]);
        }
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId && (caller.Role == Role.Admin || t.ManagerId == caller.UserId), ct))
            throw new ValidationException([new ValidationFailure("teamId", "Not a team you manage.")]);

        var target = await db.SalesTargets.FirstOrDefaultAsync(t => t.Month == month && t.UserId == request.UserId && t.TeamId == request.TeamId, ct);
        if (target is null) db.SalesTargets.Add(new SalesTarget { Month = month, UserId = request.UserId, TeamId = request.TeamId, Amount = request.Amount });
        else target.Amount = request.Amount;
        return Unit.Value;
    }
}

public sealed record HolidayDto(DateOnly Date, string Name, bool IsWorkingDay);

public sealed record ListHolidaysQuery(int? Year) : IRequest<Page<HolidayDto>>;

public sealed class ListHolidaysValidator : AbstractValidator<ListHolidaysQuery>
{
    // The years the lunar calendar (festivals, working days) covers.
    public ListHolidaysValidator() => RuleFor(x => x.Year).InclusiveBetween(1901, 2100);
}

public sealed class ListHolidaysHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<ListHolidaysQuery, Page<HolidayDto>>
{
    public async Task<Page<HolidayDto>> Handle(ListHolidaysQuery request, CancellationToken ct)
    {
        var year = request.Year ?? calendar.Today.Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)
            .Select(h => new HolidayDto(h.Date, h.Name, h.IsWorkingDay)).ToListAsync(ct);
        return new Page<HolidayDto>(rows, null);
    }
}

/// <summary>Adds or replaces a holiday (or a make-up working day); a target split uses it at once.</summary>
public sealed record SetHolidayCommand(DateOnly Date, string Name, bool IsWorkingDay) : ICommand<Unit>;

public sealed class SetHolidayValidator : AbstractValidator<SetHolidayCommand>
{
    public SetHolidayValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Date).NotEmpty();
    }
}

public sealed class SetHolidayHandler(CrmDbContext db) : IRequestHandler<SetHolidayCommand, Unit>
{
    public async Task<Unit> Handle(SetHolidayCommand request, CancellationToken ct)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Date == request.Date, ct);
        if (holiday is null) db.Holidays.Add(new Holiday { Date = request.Date, Name = request.Name.Trim(), IsWorkingDay = request.IsWorkingDay });
        else (holiday.Name, holiday.IsWorkingDay) = (request.Name.Trim(), request.IsWorkingDay);
        return Unit.Value;
    }
}

public sealed record DeleteHolidayCommand(DateOnly Date) : ICommand<Unit>;

public sealed class DeleteHolidayHandler(CrmDbContext db) : IRequestHandler<DeleteHolidayCommand, Unit>
{
    public async Task<Unit> Handle(DeleteHolidayCommand request, CancellationToken ct)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Date == request.Date, ct) ?? throw new NotFoundException("The holiday");
        db.Holidays.Remove(holiday);
        return Unit.Value;
    }
}
