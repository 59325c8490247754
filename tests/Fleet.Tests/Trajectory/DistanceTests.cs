using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

public sealed class DistanceTests
{
    [Fact]
    public void Haversine_OneDegreeOfLatitude_EqualsMeanRadiusArc()
    {
        // 6371008.8 m * pi / 180 = 111195.0797 m (IUGG mean radius R1).
        Assert.Equal(111_195.0797, GeoMath.HaversineMetres(10, 20, 11, 20), 3);
    }

    [Fact]
    public void Haversine_MoscowToSaintPetersburg_MatchesReference()
    {
        // Kremlin (55.7520, 37.6175) to Palace Square (59.9390, 30.3158): 634.4 km on the R1 sphere
        // (independently: spherical law of cosines with the same radius gives the same to 0.1 km).
        var metres = GeoMath.HaversineMetres(55.7520, 37.6175, 59.9390, 30.3158);
        var cosines = Math.Acos((Math.Sin(55.7520 * Math.PI / 180) * Math.Sin(59.9390 * Math.PI / 180))
            + (Math.Cos(55.7520 * Math.PI / 180) * Math.Cos(59.9390 * Math.PI / 180) * Math.Cos((30.3158 - 37.6175) * Math.PI / 180)))
            * GeoMath.EarthRadiusMetres;
        Assert.Equal(cosines, metres, 1);
        Assert.InRange(metres / 1000, 634.0, 635.0);
    }

    [Fact]
    public void Gps_CityDayWithArcsAndNoisyStops_IsWithinHalfPercentOfTruth()
    {
        var builder = SyntheticTracks.CityDay();

        var result = DistanceCalculator.Compute(TrackCleaner.Clean(builder.Points));

        Assert.Equal(DistanceResult.GpsSource, result.Source);
        Assert.Null(result.OdometerKm);
        Assert.Equal(builder.TruthMetres / 1000, result.GpsKm, builder.TruthMetres / 1000 * 0.005);
    }

    [Fact]
    public void Gps_WithJumpsShuffledAndDuplicated_IsStillWithinHalfPercent()
    {
        var builder = SyntheticTracks.CityDay(seed: 21);
        var corrupted = TrackMutations.InsertJump(builder.Points, 300, km: 7);
        corrupted = TrackMutations.InsertJump(corrupted, 900, km: 4, bearing: 180, count: 2);
        corrupted = TrackMutations.ShuffleAndDuplicate(corrupted, seed: 9, duplicates: 200);

        var result = DistanceCalculator.Compute(TrackCleaner.Clean(corrupted));

        Assert.Equal(builder.TruthMetres / 1000, result.GpsKm, builder.TruthMetres / 1000 * 0.005);
    }

    [Fact]
    public void Odometer_SaneAndConsistent_IsUsed()
    {
        var builder = SyntheticTracks.CityDay(odometerStartKm: 123_456.7);

        var result = DistanceCalculator.Compute(TrackCleaner.Clean(builder.Points));

        Assert.Equal(DistanceResult.OdometerSource, result.Source);
        Assert.Null(result.OdometerRejectedReason);
        Assert.Equal(builder.TruthMetres / 1000, result.DistanceKm, 0.1);
        Assert.Equal(result.OdometerKm, result.DistanceKm);
        Assert.NotEqual(result.GpsKm, result.DistanceKm);
    }

    [Fact]
    public void Odometer_ResetMidway_FallsBackToGps()
    {
        var points = SyntheticTracks.CityDay(odometerStartKm: 500).Points.ToList();
        for (var i = points.Count / 2; i < points.Count; i++)
        {
            points[i] = points[i] with { OdometerKm = points[i].OdometerKm - 500 };
        }

        var result = DistanceCalculator.Compute(TrackCleaner.Clean(points));

        Assert.Equal(DistanceResult.GpsSource, result.Source);
        Assert.Equal(result.GpsKm, result.DistanceKm);
        Assert.Contains("decreased", result.OdometerRejectedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Odometer_WrongScale_FallsBackToGps()
    {
        // A miles/km mix-up: monotonic, no reset, but 1.6x the real distance.
        var points = SyntheticTracks.CityDay(odometerStartKm: 1000).Points
            .Select(p => p with { OdometerKm = 1000 + ((p.OdometerKm!.Value - 1000) * 1.609) })
            .ToList();

        var result = DistanceCalculator.Compute(TrackCleaner.Clean(points));

        Assert.Equal(DistanceResult.GpsSource, result.Source);
        Assert.NotNull(result.OdometerRejectedReason);
        Assert.Equal(result.GpsKm, result.DistanceKm);
    }

    [Fact]
    public void Odometer_SingleSpike_FallsBackToGps()
    {
        var points = SyntheticTracks.CityDay(odometerStartKm: 1000).Points.ToList();
        points[400] = points[400] with { OdometerKm = points[400].OdometerKm + 250 };

        var result = DistanceCalculator.Compute(TrackCleaner.Clean(points));

        Assert.Equal(DistanceResult.GpsSource, result.Source);
        Assert.Contains("increment", result.OdometerRejectedReason, StringComparison.Ordinal);
    }
}
