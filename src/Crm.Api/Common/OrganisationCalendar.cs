using System.Globalization;
using System.Text.RegularExpressions;

namespace Crm.Api.Common;

/// <summary>
/// The organisation's time zone (setting <c>Crm:TimeZone</c>, default Asia/Shanghai) decides weeks, days and
/// birthdays: a week is an ISO week that starts on Monday 00:00 local time, not UTC.
/// </summary>
public sealed partial class OrganisationCalendar(IConfiguration config, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(config["Crm:TimeZone"] is { Length: > 0 } id ? id : "Asia/Shanghai");

    public DateTime LocalNow => TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC instant at which the given local date begins.</summary>
    public DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    public IsoWeek WeekOf(DateOnly day) => new(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));

    public IsoWeek CurrentWeek => WeekOf(Today);

    /// <summary>[Monday 00:00, next Monday 00:00) of the week, in UTC.</summary>
    public (DateTime FromUtc, DateTime ToUtc) UtcRange(IsoWeek week) => (StartOfDayUtc(week.Monday), StartOfDayUtc(week.Monday.AddDays(7)));

    public static bool TryParseWeek(string? text, out IsoWeek week)
    {
        week = default;
        if (text is null) return false;
        var match = WeekPattern().Match(text);
        if (!match.Success) return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || year > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return false;
        week = new IsoWeek(year, number);
        return true;
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();
}

/// <summary>An ISO 8601 week, written 2026-W47.</summary>
public readonly record struct IsoWeek(int Year, int Number)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday));

    public override string ToString() => $"{Year:0000}-W{Number:00}";
}
