using Fleet.History;

namespace Fleet.Tests.History;

/// <summary>The contract of <see cref="IHistoryStore.ReadDayFingerprintsAsync"/>: the same numbers from both stores.</summary>
public abstract partial class HistoryStoreContractTests
{
    /// <summary>20:50 UTC = 23:50 Moscow: the drive below crosses Moscow midnight (21:00 UTC) but not UTC midnight.</summary>
    private static readonly DateTimeOffset Evening = new(2024, 5, 14, 20, 50, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadDayFingerprints_DriveAcrossMoscowMidnight_CountAndLatestServerTimePerLocalDay()
    {
        // 120 points every 10 s from 20:50:00.250 UTC: 60 before 21:00 UTC (Moscow 14 May), 60 after (Moscow 15 May).
        var points = Enumerable.Range(0, 120).Select(i => Point(V("fp"), D("fp"), Evening.AddMilliseconds(250).AddSeconds(i * 10)) with
        {
            ServerTime = Evening.AddSeconds(i * 10).AddMilliseconds(i == 30 ? 9_999_999 : 700),
        }).ToList();
        await Store.WriteAsync(points, Ct);

        var moscow = await Store.ReadDayFingerprintsAsync([V("fp"), V("none")], "Europe/Moscow", Evening.AddHours(-1), Evening.AddHours(2), Ct);
        var utc = await Store.ReadDayFingerprintsAsync([V("fp")], "UTC", Evening.AddHours(-1), Evening.AddHours(2), Ct);

        Assert.Equal(
            [
                new DayFingerprint(V("fp"), new DateOnly(2024, 5, 14), 60, Evening.AddSeconds(300).AddMilliseconds(9_999_999).ToUnixTimeMilliseconds()),
                new DayFingerprint(V("fp"), new DateOnly(2024, 5, 15), 60, Evening.AddSeconds(1190).AddMilliseconds(700).ToUnixTimeMilliseconds()),
            ],
            moscow.OrderBy(f => f.LocalDate));
        Assert.Equal([new DayFingerprint(V("fp"), new DateOnly(2024, 5, 14), 120, points.Max(p => p.ServerTime).ToUnixTimeMilliseconds())], utc);
    }

    [Fact]
    public async Task ReadDayFingerprints_LatePointIntoClosedDay_ChangesOnlyThatDay()
    {
        var day1 = Enumerable.Range(0, 30).Select(i => Point(V("late"), D("late"), Evening.AddHours(-3).AddSeconds(i * 10))).ToList();
        var day2 = Enumerable.Range(0, 30).Select(i => Point(V("late"), D("late"), Evening.AddHours(4).AddSeconds(i * 10))).ToList();
        await Store.WriteAsync([.. day1, .. day2], Ct);
        var before = await Store.ReadDayFingerprintsAsync([V("late")], "UTC", Evening.AddDays(-1), Evening.AddDays(1), Ct);

        var late = Point(V("late"), D("late"), Evening.AddHours(-2)) with { ServerTime = Evening.AddDays(1) };
        await Store.WriteAsync([late], Ct);
        var after = await Store.ReadDayFingerprintsAsync([V("late")], "UTC", Evening.AddDays(-1), Evening.AddDays(1), Ct);

        var first = before.Single(f => f.LocalDate == new DateOnly(2024, 5, 14));
        Assert.Equal(first with { PointCount = 31, MaxServerTimeMs = Evening.AddDays(1).ToUnixTimeMilliseconds() }, after.Single(f => f.LocalDate == first.LocalDate));
        Assert.Equal(before.Single(f => f.LocalDate == new DateOnly(2024, 5, 15)), after.Single(f => f.LocalDate == new DateOnly(2024, 5, 15)));
    }

    [Fact]
    public async Task ReadDayFingerprints_VehicleIdWithQuoteBackslashAndTab_ComesBackAsWritten()
    {
        var odd = V("o'd\\d\tx");
        await Store.WriteAsync([Point(odd, D("odd"), Evening)], Ct);

        var days = await Store.ReadDayFingerprintsAsync([odd], "UTC", Evening.AddHours(-1), Evening.AddHours(1), Ct);

        Assert.Equal(odd, Assert.Single(days).VehicleId);
    }
}
