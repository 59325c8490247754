using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

public sealed class DailySummaryTests
{
    private const string Moscow = "Europe/Moscow"; // UTC+3 all year

    [Fact]
    public void Compute_DriveAcrossLocalMidnight_SplitsDistanceAndEngineHoursAtMidnight()
    {
        // 23:30-00:30 Moscow time at 60 km/h; 7 s sampling so no report falls on midnight and the crossing leg is split.
        var start = new DateTimeOffset(2024, 5, 14, 20, 0, 0, TimeSpan.Zero);
        var builder = new TrackBuilder(start, 55.7512, 37.6184, seed: 17, sampleSeconds: 7)
            .Stop(1800).Straight(60, 3600, 45).Stop(1800);

        var result = DailySummaryCalculator.Compute(TrackCleaner.Clean(builder.Points), Moscow);

        Assert.True(result.IsSuccess);
        Assert.Equal([new DateOnly(2024, 5, 14), new DateOnly(2024, 5, 15)], result.Days.Select(d => d.Day));
        var (before, after) = (result.Days[0], result.Days[1]);
        // Without interpolation the 117 m leg across midnight would land wholly on one day.
        Assert.Equal(30, before.DistanceKm, 0.02);
        Assert.Equal(30, after.DistanceKm, 0.02);
        Assert.Equal(builder.TruthMetres / 1000, before.DistanceKm + after.DistanceKm, 0.02);
        Assert.Equal(0.5, before.EngineHours, 0.01);
        Assert.Equal(0.5, after.EngineHours, 0.01);
        Assert.Equal(60, before.MaxSpeed);
        Assert.Equal(60, before.AvgSpeed, 0.5);
        Assert.Equal(60, after.AvgSpeed, 0.5);
    }

    [Fact]
    public void Compute_SameDriveInUtc_IsOneDay()
    {
        var start = new DateTimeOffset(2024, 5, 14, 20, 0, 0, TimeSpan.Zero);
        var builder = new TrackBuilder(start, 55.7512, 37.6184, seed: 17, sampleSeconds: 7)
            .Stop(1800).Straight(60, 3600, 45).Stop(1800);

        var day = Assert.Single(DailySummaryCalculator.Compute(TrackCleaner.Clean(builder.Points), "UTC").Days);

        Assert.Equal(new DateOnly(2024, 5, 14), day.Day);
        Assert.Equal(60, day.DistanceKm, 0.05);
        Assert.Equal(1, day.EngineHours, 0.01);
    }

    [Fact]
    public void Compute_DstFallBackDay_Has25EngineHours()
    {
        // Europe/Berlin 2024-10-27 lasts 25 h (CEST -> CET); ignition on all day, a record every 5 minutes.
        var from = new DateTimeOffset(2024, 10, 26, 22, 0, 0, TimeSpan.Zero);   // 00:00 CEST
        var points = Enumerable.Range(0, (25 * 12) + 1)
            .Select(i => new HistoryPoint(from.AddMinutes(5 * i), 52.52, 13.405, 0, null, null, true, null, 8, true, null, null))
            .ToList();

        var result = DailySummaryCalculator.Compute(TrackCleaner.Clean(points), "Europe/Berlin");

        var day = Assert.Single(result.Days, d => d.Day == new DateOnly(2024, 10, 27));
        Assert.Equal(25, day.EngineHours, 6);
    }

    [Fact]
    public void Compute_EngineHours_SkipDataGaps()
    {
        var start = new DateTimeOffset(2024, 5, 14, 6, 0, 0, TimeSpan.Zero);
        var builder = new TrackBuilder(start, 55.7512, 37.6184, seed: 3).Stop(1800, ignition: true).Gap(7200).Stop(1800, ignition: true);

        var day = Assert.Single(DailySummaryCalculator.Compute(TrackCleaner.Clean(builder.Points), Moscow).Days);

        Assert.Equal(1, day.EngineHours, 0.01);
    }

    [Fact]
    public void Compute_FuelWithNoiseSpikeAndRefuel_CountsOnlyConsumption()
    {
        // 80 km at 0.25 l/km = 20 l used; +50 l refuel at the middle stop must not offset it, a single -8 l sloshing
        // spike must not add to it, +-0.7 l sensor noise must not accumulate.
        var start = new DateTimeOffset(2024, 5, 14, 6, 0, 0, TimeSpan.Zero);
        var builder = new TrackBuilder(start, 55.7512, 37.6184, seed: 23) { ReportFuel = true, FuelNoiseLitres = 0.7 }
            .Stop(900).Straight(80, 1800, 10).Stop(600).Refuel(50).Stop(600).Straight(80, 1800, 190).Stop(900);
        var points = builder.Points.ToList();
        points[300] = points[300] with { Fuel = points[300].Fuel - 8 };

        var day = Assert.Single(DailySummaryCalculator.Compute(TrackCleaner.Clean(points), Moscow).Days);

        Assert.Equal(20, day.FuelUsedLitres, 1.5);
    }

    [Fact]
    public void Compute_ParkedWithNoisySensorAndRefuel_UsesNoFuel()
    {
        var start = new DateTimeOffset(2024, 5, 14, 6, 0, 0, TimeSpan.Zero);
        var builder = new TrackBuilder(start, 55.7512, 37.6184, seed: 29) { ReportFuel = true, FuelNoiseLitres = 0.9 }
            .Stop(3600).Refuel(40).Stop(3600);

        var day = Assert.Single(DailySummaryCalculator.Compute(TrackCleaner.Clean(builder.Points), Moscow).Days);

        Assert.InRange(day.FuelUsedLitres, 0, 0.6);
    }

    [Fact]
    public void Compute_UnknownTimeZone_ReturnsErrorInsteadOfThrowing()
    {
        var track = TrackCleaner.Clean(SyntheticTracks.CityDay().Points);

        var result = DailySummaryCalculator.Compute(track, "Mars/Olympus_Mons");

        Assert.False(result.IsSuccess);
        Assert.Empty(result.Days);
        Assert.Contains("Mars/Olympus_Mons", result.Error, StringComparison.Ordinal);
    }
}
