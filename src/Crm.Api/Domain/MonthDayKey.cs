namespace Crm.Api.Domain;

/// <summary>
/// A date's month and day as one number (1122 for 22 November), whatever the year: how birthdays and important dates
/// are stored for a day's reminders, and how the reminders name the days they look for. One formula, so both sides agree.
/// </summary>
public static class MonthDayKey
{
    public static int Of(DateOnly date) => date.Month * 100 + date.Day;
}
