using System.Globalization;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Tasks;

public sealed record WeekBoardDto(string Week, DateOnly Today, IReadOnlyList<TaskDto> Overdue, IReadOnlyList<TaskDto> DueToday, IReadOnlyList<TaskDto> Tomorrow,
    IReadOnlyList<TaskDto> RestOfWeek, IReadOnlyList<TaskDto> FocusThisWeek, IReadOnlyList<TaskDto> DoneThisWeek);

public sealed record BoardWeekColumnDto(string Week, DateOnly From, DateOnly To, IReadOnlyList<TaskDto> Tasks);

public sealed record MonthBoardDto(string Month, IReadOnlyList<BoardWeekColumnDto> Weeks, IReadOnlyList<TaskDto> MonthPlan, IReadOnlyList<TaskDto> Overdue);

/// <summary>
/// 看板: the weekly board (overdue, today, tomorrow, rest of the week, the week's focus items, done this week) for the
/// caller, a user or a team, in the organisation's time zone. The current week by default.
/// </summary>
public sealed record WeekBoardQuery(string? Week, Guid? AssigneeId, Guid? TeamId) : IRequest<WeekBoardDto>;

public sealed class WeekBoardValidator : AbstractValidator<WeekBoardQuery>
{
    public WeekBoardValidator() => RuleFor(x => x.Week).MaximumLength(8).Must(w => w is null || OrganisationCalendar.TryParseWeek(w, out _)).WithMessage("week is an ISO week such as 2026-W47.");
}

public sealed class WeekBoardHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<WeekBoardQuery, WeekBoardDto>
{
    public async Task<WeekBoardDto> Handle(WeekBoardQuery request, CancellationToken ct)
    {
        var week = request.Week is { } w && OrganisationCalendar.TryParseWeek(w, out var parsed) ? parsed : calendar.CurrentWeek;
        var (monday, sunday) = (week.Monday, week.Monday.AddDays(6));
        var today = calendar.Today;
        var (weekStartUtc, weekEndUtc) = calendar.UtcRange(week);
        var tasks = Boards.Scope(db, request.AssigneeId, request.TeamId);
        var weekName = week.ToString();
        var rows = await tasks
            .Where(t => (t.DueDate >= monday && t.DueDate <= sunday) || t.BoardPeriod == weekName
                || ((t.Status == TaskItemStatus.ToDo || t.Status == TaskItemStatus.InProgress) && t.DueDate < today))
            .OrderBy(t => t.DueDate).ThenBy(t => t.DueTime).Take(2000).ToDto().ToListAsync(ct);
        rows = rows.Select(t => t.WithAllowedNext()).ToList();

        bool Open(TaskDto t) => t.Status is TaskItemStatus.ToDo or TaskItemStatus.InProgress;
        var done = rows.Where(t => t.Status == TaskItemStatus.Done && t.CompletedAt >= weekStartUtc && t.CompletedAt < weekEndUtc).ToList();
        var open = rows.Where(Open).ToList();
        return new WeekBoardDto(weekName, today,
            Overdue: open.Where(t => t.DueDate < today).ToList(),
            DueToday: open.Where(t => t.DueDate == today).ToList(),
            Tomorrow: open.Where(t => t.DueDate == today.AddDays(1)).ToList(),
            RestOfWeek: open.Where(t => t.DueDate > today.AddDays(1) && t.DueDate <= sunday).ToList(),
            FocusThisWeek: open.Where(t => t.BoardPeriod == weekName && (t.DueDate < monday || t.DueDate > sunday)).ToList(),
            DoneThisWeek: done);
    }
}

/// <summary>The monthly board: the month's tasks by ISO week, the month's plan (items spanning weeks) and what is overdue.</summary>
public sealed record MonthBoardQuery(string? Month, Guid? AssigneeId, Guid? TeamId) : IRequest<MonthBoardDto>;

public sealed class MonthBoardValidator : AbstractValidator<MonthBoardQuery>
{
    public MonthBoardValidator() => RuleFor(x => x.Month).MaximumLength(7).Must(m => m is null || Boards.TryParseMonth(m, out _)).WithMessage("month is written 2026-11.");
}

public sealed class MonthBoardHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<MonthBoardQuery, MonthBoardDto>
{
    public async Task<MonthBoardDto> Handle(MonthBoardQuery request, CancellationToken ct)
    {
        var today = calendar.Today;
        var first = request.Month is { } m && Boards.TryParseMonth(m, out var parsed) ? parsed : new DateOnly(today.Year, today.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var monthName = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var rows = (await Boards.Scope(db, request.AssigneeId, request.TeamId)
            .Where(t => (t.DueDate >= first && t.DueDate <= last) || t.BoardPeriod == monthName
                || ((t.Status == TaskItemStatus.ToDo || t.Status == TaskItemStatus.InProgress) && t.DueDate < today))
            .OrderBy(t => t.DueDate).Take(5000).ToDto().ToListAsync(ct)).Select(t => t.WithAllowedNext()).ToList();

        var weeks = new List<BoardWeekColumnDto>();
        for (var week = calendar.WeekOf(first); week.Monday <= last; week = calendar.WeekOf(week.Monday.AddDays(7)))
        {
            var (from, to) = (Max(week.Monday, first), Min(week.Monday.AddDays(6), last));
            weeks.Add(new BoardWeekColumnDto(week.ToString(), from, to, rows.Where(t => t.DueDate >= from && t.DueDate <= to).ToList()));
        }
        return new MonthBoardDto(monthName, weeks, rows.Where(t => t.BoardPeriod == monthName).ToList(),
            rows.Where(t => t.Status is TaskItemStatus.ToDo or TaskItemStatus.InProgress && t.DueDate < today).ToList());
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

internal static class Boards
{
    /// <summary>The caller's own board by default; a user's or a team's when asked (the query filter keeps it within scope).</summary>
    public static IQueryable<TaskItem> Scope(CrmDbContext db, Guid? assigneeId, Guid? teamId)
    {
        var tasks = db.Tasks.AsNoTracking();
        if (teamId is { } team) return tasks.Where(t => t.Assignee!.TeamId == team);
        var who = assigneeId ?? db.Caller.UserId ?? Guid.Empty;
        return tasks.Where(t => t.AssigneeId == who);
    }

    public static bool TryParseMonth(string text, out DateOnly first) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
}
