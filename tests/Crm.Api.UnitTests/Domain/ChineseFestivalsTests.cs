using Crm.Api.Common;

namespace Crm.Api.UnitTests.Domain;

public class ChineseFestivalsTests
{
    /// <summary>Published dates of the lunar festivals (Hong Kong Observatory / State Council calendars).</summary>
    [Theory]
    [InlineData(2025, "spring-festival", "2025-01-29")]
    [InlineData(2026, "spring-festival", "2026-02-17")]
    [InlineData(2027, "spring-festival", "2027-02-06")]
    [InlineData(2025, "mid-autumn", "2025-10-06")]
    [InlineData(2026, "mid-autumn", "2026-09-25")]
    [InlineData(2027, "mid-autumn", "2027-09-15")]
    [InlineData(2025, "dragon-boat", "2025-05-31")]
    [InlineData(2026, "dragon-boat", "2026-06-19")]
    [InlineData(2027, "dragon-boat", "2027-06-09")]
    public void Lunar_festivals_fall_on_their_published_dates(int year, string key, string expected)
    {
        var festival = Assert.Single(ChineseFestivals.Between(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), f => f.Key == key);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), festival.Date);
    }

    [Fact]
    public void A_range_across_new_year_finds_the_festivals_on_both_sides()
    {
        var keys = ChineseFestivals.Between(new DateOnly(2026, 12, 25), new DateOnly(2027, 2, 10)).Select(f => f.Key).ToList();
        Assert.Contains("new-year", keys);
        Assert.Contains("spring-festival", keys);
    }
}
