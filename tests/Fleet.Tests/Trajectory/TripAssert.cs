using Fleet.Trajectory.Analysis;

namespace Fleet.Tests.Trajectory;

/// <summary>Compares detected trips/stops with ground truth.</summary>
public static class TripAssert
{
    public const double BoundarySeconds = 60;

    public static void Matches(IReadOnlyList<TruthInterval> truth, IReadOnlyList<TripItem> trips)
    {
        Assert.Equal(truth.Count, trips.Count);
        for (var i = 0; i < truth.Count; i++)
        {
            Near(truth[i].Start, trips[i].Start, $"trip {i} start");
            Near(truth[i].End, trips[i].End, $"trip {i} end");
            Assert.Equal(truth[i].Metres / 1000, trips[i].DistanceKm, Math.Max(0.02, truth[i].Metres / 1000 * 0.005));
            Assert.Equal((trips[i].End - trips[i].Start).TotalSeconds, trips[i].DurationS, 6);
        }
    }

    public static void Matches(IReadOnlyList<TruthInterval> truth, IReadOnlyList<StopItem> stops)
    {
        Assert.Equal(truth.Count, stops.Count);
        for (var i = 0; i < truth.Count; i++)
        {
            Near(truth[i].Start, stops[i].Start, $"stop {i} start");
            Near(truth[i].End, stops[i].End, $"stop {i} end");
        }
    }

    private static void Near(DateTimeOffset expected, DateTimeOffset actual, string what)
    {
        var error = Math.Abs((actual - expected).TotalSeconds);
        Assert.True(error <= BoundarySeconds, $"{what}: expected {expected:O}, got {actual:O} ({error:F0} s off)");
    }
}
