namespace Fleet.Trajectory.Analysis;

/// <summary>
/// Chooses between GPS distance and the device odometer. The odometer is used only when it is monotonic (no resets),
/// every increment is consistent with the GPS distance covered meanwhile, its total matches GPS within tolerance and its
/// readings span the whole track; otherwise GPS is used and the reason is reported.
/// </summary>
public static class DistanceCalculator
{
    public static DistanceResult Compute(CleanedTrack track, OdometerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        options ??= OdometerOptions.Default;
        var points = track.Points;
        var gpsKm = track.DistanceMetres / 1000.0;

        var readings = new List<int>();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Point.OdometerKm is { } km && double.IsFinite(km))
            {
                readings.Add(i);
            }
        }

        if (readings.Count < 2)
        {
            return Gps(gpsKm, null, readings.Count == 0 ? null : "fewer than two odometer readings");
        }

        var first = readings[0];
        var last = readings[^1];
        var odometerKm = Odometer(points[last]) - Odometer(points[first]);
        var reason = FindInconsistency(points, readings, options);
        if (reason is null)
        {
            var uncoveredKm = (points[first].CumulativeMetres + (points[^1].CumulativeMetres - points[last].CumulativeMetres)) / 1000.0;
            var coveredGpsKm = (points[last].CumulativeMetres - points[first].CumulativeMetres) / 1000.0;
            if (uncoveredKm > options.AbsoluteToleranceKm)
            {
                reason = "odometer readings do not cover the whole period";
            }
            else if (!WithinTolerance(odometerKm, coveredGpsKm, options))
            {
                reason = "odometer total disagrees with GPS distance";
            }
        }

        return reason is null
            ? new DistanceResult(odometerKm, gpsKm, odometerKm, DistanceResult.OdometerSource, null)
            : Gps(gpsKm, odometerKm, reason);
    }

    private static string? FindInconsistency(IReadOnlyList<CleanPoint> points, List<int> readings, OdometerOptions options)
    {
        for (var k = 1; k < readings.Count; k++)
        {
            var previous = points[readings[k - 1]];
            var current = points[readings[k]];
            var increment = Odometer(current) - Odometer(previous);
            if (increment < -options.DecreaseToleranceKm)
            {
                return "odometer decreased (reset or rollback)";
            }

            // Only an excess is checked per increment: coarse odometers lag behind GPS between ticks.
            var gpsKm = (current.CumulativeMetres - previous.CumulativeMetres) / 1000.0;
            if (increment > (gpsKm * (1 + options.RelativeTolerance)) + options.AbsoluteToleranceKm)
            {
                return "odometer increment inconsistent with GPS distance";
            }
        }

        return null;
    }

    private static bool WithinTolerance(double odometerKm, double gpsKm, OdometerOptions options) =>
        Math.Abs(odometerKm - gpsKm) <= Math.Max(options.AbsoluteToleranceKm, gpsKm * options.RelativeTolerance);

    private static double Odometer(CleanPoint point) => point.Point.OdometerKm ?? 0;

    private static DistanceResult Gps(double gpsKm, double? odometerKm, string? reason) =>
        new(gpsKm, gpsKm, odometerKm, DistanceResult.GpsSource, reason);
}
