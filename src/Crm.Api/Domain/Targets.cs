namespace Crm.Api.Domain;

/// <summary>销售目标: a month's sales target for a rep or for a team, set by their manager.</summary>
public class SalesTarget : AuditedEntity
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public Guid? UserId { get; set; }
    public Guid? TeamId { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A public holiday (not a working day), or a make-up working day on a weekend (调休) when IsWorkingDay is true.</summary>
public class Holiday
{
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    public bool IsWorkingDay { get; set; }

    /// <summary>Working days: Monday to Friday, less holidays, plus make-up working days.</summary>
    public static bool IsWorking(DateOnly day, IReadOnlyDictionary<DateOnly, Holiday> calendar) =>
        calendar.TryGetValue(day, out var special) ? special.IsWorkingDay : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
