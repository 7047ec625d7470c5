using System.Globalization;

namespace Crm.Api.Common;

/// <summary>
/// Festivals for holiday greetings (节日问候): fixed Gregorian holidays and the lunar ones (Spring Festival 春节,
/// Lantern 元宵, Dragon Boat 端午, Mid-Autumn 中秋, Double Ninth 重阳) converted with .NET's ChineseLunisolarCalendar.
/// </summary>
public static class ChineseFestivals
{
    public sealed record Festival(string Key, string NameZh, string NameEn, DateOnly Date);

    private static readonly ChineseLunisolarCalendar Lunar = new();

    private static readonly (string Key, string Zh, string En, int Month, int Day)[] LunarFestivals =
    [
        ("spring-festival", "春节", "Spring Festival", 1, 1),
        ("lantern-festival", "元宵节", "Lantern Festival", 1, 15),
        ("dragon-boat", "端午节", "Dragon Boat Festival", 5, 5),
        ("mid-autumn", "中秋节", "Mid-Autumn Festival", 8, 15),
        ("double-ninth", "重阳节", "Double Ninth Festival", 9, 9),
    ];

    private static readonly (string Key, string Zh, string En, int Month, int Day)[] FixedFestivals =
    [
        ("new-year", "元旦", "New Year's Day", 1, 1),
        ("labour-day", "劳动节", "Labour Day", 5, 1),
        ("national-day", "国庆节", "National Day", 10, 1),
    ];

    /// <summary>The Gregorian date of a lunar month/day in the lunar year that starts in the given Gregorian year.</summary>
    public static DateOnly FromLunar(int gregorianYear, int lunarMonth, int lunarDay)
    {
        // In a leap year the leap month is inserted after its namesake, so months after it shift by one.
        var leapMonth = Lunar.GetLeapMonth(gregorianYear);
        var month = leapMonth > 0 && lunarMonth >= leapMonth ? lunarMonth + 1 : lunarMonth;
        return DateOnly.FromDateTime(Lunar.ToDateTime(gregorianYear, month, lunarDay, 0, 0, 0, 0));
    }

    public static IEnumerable<Festival> Between(DateOnly from, DateOnly to)
    {
        for (var year = from.Year - 1; year <= to.Year; year++)
        {
            foreach (var (key, zh, en, month, day) in LunarFestivals)
            {
                var date = FromLunar(year, month, day);
                if (date >= from && date <= to) yield return new Festival(key, zh, en, date);
            }
            foreach (var (key, zh, en, month, day) in FixedFestivals)
            {
                var date = new DateOnly(year, month, day);
                if (date >= from && date <= to) yield return new Festival(key, zh, en, date);
            }
        }
    }
}
