namespace Fleet.Tests.Trajectory;

/// <summary>Shared synthetic scenarios with known ground truth.</summary>
public static class SyntheticTracks
{
    public static readonly DateTimeOffset Morning = new(2024, 5, 14, 6, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A city day in Moscow: parked (ignition off), trip 1 with two bends, parked, trip 2 with a 60 s traffic light,
    /// parked with ignition UNKNOWN, trip 3 still running when the data ends.
    /// </summary>
    public static TrackBuilder CityDay(int seed = 7, double? odometerStartKm = null) =>
        new TrackBuilder(Morning, 55.7512, 37.6184, seed) { OdometerStartKm = odometerStartKm }
            .Stop(1800)
            .Straight(50, 600, headingDegrees: 30)
            .Arc(40, 300, 90)
            .Straight(60, 900)
            .Arc(30, 200, -120)
            .Straight(45, 300)
            .Stop(1200)
            .Straight(70, 600, headingDegrees: 200)
            .Pause(60)
            .Straight(70, 600)
            .Straight(50, 600, headingDegrees: 260)
            .Stop(2400, ignition: null)
            .Arc(35, 250, 180)
            .Straight(80, 900);
}
